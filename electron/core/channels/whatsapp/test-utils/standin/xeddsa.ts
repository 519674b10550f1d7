import * as curve from 'libsignal/src/curve.js';

/**
 * Strict XEdDSA verification. Baileys rc14's `Curve.verify` only catches exceptions and so accepts
 * libsignal's `false`; the stand-in checks the boolean itself so a wrong signature is really refused.
 */
export const verifyXeddsa = (publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean => {
  try {
    const key = publicKey.length === 33 ? publicKey : Buffer.concat([Buffer.from([5]), publicKey]);
    return curve.verifySignature(key, message, signature) === true;
  } catch {
    return false;
  }
};
