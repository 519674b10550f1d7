import { Curve, proto } from '@whiskeysockets/baileys';
import type { KeyPair } from './noise-server';

/**
 * The stand-in's own certificate authority: root → intermediate → leaf, where the leaf's key is the
 * server's static noise key. A test installs `rootPublicKey` into Baileys' exported, mutable
 * `WA_CERT_DETAILS.PUBLIC_KEY` — the only change to Baileys the stand-in relies on.
 */
export interface CertAuthority {
  rootPublicKey: Buffer;
  serverStatic: KeyPair;
  /** Encoded `CertChain`, the serverHello payload. */
  certChain: Buffer;
}

export const makeCertAuthority = (): CertAuthority => {
  const root = Curve.generateKeyPair();
  const intermediate = Curve.generateKeyPair();
  const serverStatic = Curve.generateKeyPair();
  const now = Math.floor(Date.now() / 1000);
  // issuerSerial must be written explicitly: proto3-optional 0 omitted decodes as null, and the
  // client compares it with WA_CERT_DETAILS.SERIAL (0) strictly.
  const intermediateDetails = proto.CertChain.NoiseCertificate.Details.encode({
    serial: 1,
    issuerSerial: 0,
    key: intermediate.public,
    notBefore: now - 3600,
    notAfter: now + 365 * 86400,
  }).finish();
  const leafDetails = proto.CertChain.NoiseCertificate.Details.encode({
    serial: 2,
    issuerSerial: 1,
    key: serverStatic.public,
    notBefore: now - 3600,
    notAfter: now + 30 * 86400,
  }).finish();
  const certChain = proto.CertChain.encode({
    intermediate: { details: intermediateDetails, signature: Curve.sign(root.private, intermediateDetails) },
    leaf: { details: leafDetails, signature: Curve.sign(intermediate.private, leafDetails) },
  }).finish();
  return { rootPublicKey: Buffer.from(root.public), serverStatic, certChain: Buffer.from(certChain) };
};
