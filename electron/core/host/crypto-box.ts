import crypto from 'node:crypto';

/**
 * Seals WhatsApp key material at rest: AES-256-GCM with a random 96-bit nonce, bound by
 * associated data to where the value lives (account, type, id), so a row copied onto another
 * row fails to open instead of silently becoming someone else's key.
 * Layout: version byte (1) | nonce (12) | tag (16) | ciphertext.
 */
export interface CryptoBox {
  seal(plain: Buffer, aad: string): Buffer;
  open(sealed: Buffer, aad: string): Buffer;
  /** A keyed, deterministic digest: looks up rows by id without storing the id in clear. */
  digest(text: string): string;
}

const VERSION = 1;
const NONCE = 12;
const TAG = 16;

export function makeCryptoBox(key: Buffer): CryptoBox {
  if (key.length !== 32) throw new Error('The WhatsApp encryption key must be 32 bytes');
  // Separate sub-keys so the lookup digest never reuses the encryption key.
  const encKey = crypto.createHmac('sha256', key).update('souqbot-wa-enc').digest();
  const macKey = crypto.createHmac('sha256', key).update('souqbot-wa-id').digest();
  return {
    seal(plain, aad) {
      const nonce = crypto.randomBytes(NONCE);
      const cipher = crypto.createCipheriv('aes-256-gcm', encKey, nonce);
      cipher.setAAD(Buffer.from(aad, 'utf8'));
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return Buffer.concat([Buffer.from([VERSION]), nonce, cipher.getAuthTag(), body]);
    },
    open(sealed, aad) {
      if (sealed.length < 1 + NONCE + TAG || sealed[0] !== VERSION) throw new Error('Unknown sealed value format');
      const nonce = sealed.subarray(1, 1 + NONCE);
      const tag = sealed.subarray(1 + NONCE, 1 + NONCE + TAG);
      const decipher = crypto.createDecipheriv('aes-256-gcm', encKey, nonce);
      decipher.setAAD(Buffer.from(aad, 'utf8'));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(sealed.subarray(1 + NONCE + TAG)), decipher.final()]);
    },
    digest(text) {
      return crypto.createHmac('sha256', macKey).update(text, 'utf8').digest('base64url').slice(0, 32);
    },
  };
}
