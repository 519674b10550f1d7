// Pairing: the desktop shows a QR with a PairingOffer (relay URL, its public keys, a one-time secret valid 5 minutes).
// The phone proves it read the QR with an HMAC of its own public keys under that secret; the relay forwards the proof
// to the desktop but never sees the secret (only a hash of it, the ticket), so it can neither forge nor swap keys.
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { randomBytes, utf8ToBytes, bytesToUtf8 } from '@noble/ciphers/utils.js';
import { equalBytes } from '@noble/ciphers/utils.js';
import { z } from 'zod';
import { b64uBytes, fromB64u, PublicKeyB64, toB64u } from './bytes';
import { publicIdentity, type DeviceIdentity, type PublicIdentity } from './keys';

export const PAIRING_TTL_MS = 5 * 60_000;
const PREFIX = 'SOUQPAIR1:';

export const PairingOffer = z.object({
  v: z.literal(1),
  /** the relay's WebSocket URL */
  relay: z.string().regex(/^wss?:\/\/[^\s]+$/),
  /** the desktop's public identity */
  desktop: z.object({ deviceId: PublicKeyB64, box: PublicKeyB64 }),
  /** one-time pairing secret, 32 bytes base64url */
  secret: b64uBytes(32),
  /** ms since the epoch; the desktop refuses a join after this */
  expiresAt: z.number().int().positive(),
});
export type PairingOffer = z.infer<typeof PairingOffer>;

/** A fresh offer for the desktop to show (keep `offer.secret` in memory only, and burn it on first use). */
export function createPairingOffer(options: { relayUrl: string; desktop: DeviceIdentity; now?: number; ttlMs?: number }): PairingOffer {
  return PairingOffer.parse({
    v: 1,
    relay: options.relayUrl,
    desktop: publicIdentity(options.desktop),
    secret: toB64u(randomBytes(32)),
    expiresAt: (options.now ?? Date.now()) + (options.ttlMs ?? PAIRING_TTL_MS),
  });
}

/** The offer as one QR-able string: `SOUQPAIR1:` + base64url(JSON). */
export function encodePairingOffer(offer: PairingOffer): string {
  return PREFIX + toB64u(utf8ToBytes(JSON.stringify(PairingOffer.parse(offer))));
}

/** A link that opens the device app with the offer in the fragment (never sent to a server): `appUrl#pair=…`. */
export function pairingLink(appUrl: string, offer: PairingOffer): string {
  return `${appUrl.split('#')[0]}#pair=${encodeURIComponent(encodePairingOffer(offer))}`;
}

/** Decode what the camera read: the bare code or a pairingLink. Throws on anything else (expiry is checked by the caller with isOfferExpired). */
export function decodePairingOffer(text: string): PairingOffer {
  const fragment = /#pair=([^&]+)/.exec(text);
  const code = fragment ? decodeURIComponent(fragment[1]!) : text.trim();
  if (!code.startsWith(PREFIX)) throw new Error('not a Souqbot pairing code');
  return PairingOffer.parse(JSON.parse(bytesToUtf8(fromB64u(code.slice(PREFIX.length)))));
}

export function isOfferExpired(offer: PairingOffer, now: number = Date.now()): boolean {
  return now >= offer.expiresAt;
}

/** What the relay sees of an offer: a hash of the secret, so the desktop can tell which offer a join answers. */
export function pairingTicket(secret: string): string {
  return toB64u(sha256(new Uint8Array([...utf8ToBytes('souqbot-relay/v1/ticket\n'), ...fromB64u(secret)])));
}

function proofMessage(device: PublicIdentity): Uint8Array {
  return utf8ToBytes(`souqbot-relay/v1/pair-join\n${device.deviceId}\n${device.box}`);
}

/** The joining device's proof that it read the QR: HMAC-SHA256(secret, its device id ‖ box key). */
export function pairingProof(secret: string, device: PublicIdentity): string {
  return toB64u(hmac(sha256, fromB64u(secret), proofMessage(device)));
}

/** The desktop's check of a join (constant-time compare). */
export function verifyPairingProof(secret: string, device: PublicIdentity, proof: string): boolean {
  try {
    return equalBytes(fromB64u(pairingProof(secret, device)), fromB64u(proof));
  } catch {
    return false;
  }
}
