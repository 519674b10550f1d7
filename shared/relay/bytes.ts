// Byte helpers for the relay protocol: base64url without padding (safe in JSON, URLs and QR codes), in plain JS so
// the same code runs in core (Node), the renderer (browser) and the relay. No Buffer: it does not exist in a browser.
import { z } from 'zod';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const LOOKUP = new Map([...ALPHABET].map((c, i) => [c, i]));

/** Bytes → base64url (no padding). */
export function toB64u(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]!;
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]!;
  }
  return out;
}

/** base64url (no padding) → bytes; throws on a character outside the alphabet or an impossible length. */
export function fromB64u(text: string): Uint8Array {
  if (text.length % 4 === 1) throw new Error('base64url: impossible length');
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    let n = 0;
    const chunk = Math.min(4, text.length - i);
    for (let j = 0; j < 4; j++) {
      const c = j < chunk ? LOOKUP.get(text[i + j]!) : 0;
      if (c === undefined) throw new Error('base64url: invalid character');
      n = (n << 6) | c;
    }
    out[o++] = (n >> 16) & 255;
    if (chunk > 2) out[o++] = (n >> 8) & 255;
    if (chunk > 3) out[o++] = n & 255;
  }
  return out;
}

/** A base64url string that decodes to exactly `bytes` bytes (a key, a nonce, a signature). */
export const b64uBytes = (bytes: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .refine((s) => s.length === Math.ceil((bytes * 4) / 3), `expected ${bytes} bytes, base64url`);

/** A 32-byte public key (Ed25519 or X25519), base64url. */
export const PublicKeyB64 = b64uBytes(32);
