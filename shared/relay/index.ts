// The relay protocol, shared by core (the desktop), the device app (renderer) and the relay. See relay/PROTOCOL.md.
export { toB64u, fromB64u, PublicKeyB64 } from './bytes';
export {
  generateIdentity,
  identityFromSeed,
  exportIdentity,
  importIdentity,
  publicIdentity,
  generateBoxKey,
  type DeviceIdentity,
  type PublicIdentity,
} from './keys';
export { signChallenge, verifyChallenge } from './auth';
export {
  seal,
  open,
  openText,
  makePairSession,
  parseEnvelope,
  nextCounter,
  Envelope,
  RelayCryptoError,
  type RelayCryptoErrorCode,
  type PairSession,
  type OpenOptions,
} from './envelope';
export { createReplayWindow, type ReplayWindow, type ReplayWindowState } from './replay';
export {
  PAIRING_TTL_MS,
  PairingOffer,
  createPairingOffer,
  encodePairingOffer,
  decodePairingOffer,
  pairingLink,
  isOfferExpired,
  pairingTicket,
  pairingProof,
  verifyPairingProof,
} from './pairing';
export * from './frames';
export { RelayControlMessage } from './messages';
