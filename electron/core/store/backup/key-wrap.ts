import crypto from 'node:crypto';

/**
 * The data key, sealed with a passphrase the seller chooses, so a backup can move to a new computer (where the OS
 * keychain, and so the key it guarded, is not) without the backup folder alone exposing the WhatsApp session.
 * scrypt (N = 2^15) derives the wrapping key; AES-256-GCM seals and authenticates.
 */
export interface WrappedKey {
  kdf: 'scrypt';
  n: number;
  r: number;
  p: number;
  salt: string;
  iv: string;
  tag: string;
  sealed: string;
}

const N = 2 ** 15;
const R = 8;
const P = 1;
const derive = (passphrase: string, salt: Buffer, n: number, r: number, p: number) =>
  crypto.scryptSync(passphrase.normalize('NFC'), salt, 32, { N: n, r, p, maxmem: 128 * n * r * 2 });

export function wrapKey(key: Buffer, passphrase: string): WrappedKey {
  const salt = crypto.randomBytes(16);
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', derive(passphrase, salt, N, R, P), iv);
  const sealed = Buffer.concat([cipher.update(key), cipher.final()]);
  return {
    kdf: 'scrypt',
    n: N,
    r: R,
    p: P,
    salt: salt.toString('base64'),
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    sealed: sealed.toString('base64'),
  };
}

export class WrongPassphraseError extends Error {
  constructor() {
    super('The passphrase does not open this backup.');
  }
}

export function unwrapKey(wrapped: WrappedKey, passphrase: string): Buffer {
  const decipher = crypto.createDecipheriv(
    'aes-256-gcm',
    derive(passphrase, Buffer.from(wrapped.salt, 'base64'), wrapped.n, wrapped.r, wrapped.p),
    Buffer.from(wrapped.iv, 'base64'),
  );
  decipher.setAuthTag(Buffer.from(wrapped.tag, 'base64'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(wrapped.sealed, 'base64')), decipher.final()]);
  } catch {
    throw new WrongPassphraseError();
  }
}
