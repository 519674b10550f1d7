// Sealed envelopes: what one device sends another through the relay. The relay sees the sender's and recipient's
// box public keys, the counter and the length; everything else is XChaCha20-Poly1305 ciphertext.
//
//  key   = HKDF-SHA256(X25519(mySecret, theirPublic), salt "souqbot-relay/v1/pair", info = lower key ‖ higher key)
//  nonce = 24 random bytes per message (XChaCha's 192-bit nonce makes random nonces safe)
//  aad   = "souqbot-relay/v1/env" ‖ from ‖ to ‖ counter (u64 big-endian)
// The counter is in the AAD, so it cannot be changed without failing the tag; the receiver keeps a replay window per
// sender and refuses a counter it has already accepted (or one older than the window, or older than maxAgeMs).
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { x25519 } from '@noble/curves/ed25519.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToUtf8, concatBytes, equalBytes, randomBytes, utf8ToBytes } from '@noble/ciphers/utils.js';
import { z } from 'zod';
import { b64uBytes, fromB64u, PublicKeyB64, toB64u } from './bytes';
import { createReplayWindow, type ReplayWindow } from './replay';

export type RelayCryptoErrorCode = 'malformed' | 'wrong-recipient' | 'unauthentic' | 'replayed' | 'expired';

/** Why an envelope was refused. `unauthentic` covers a changed byte and a wrong key alike (the tag cannot tell them apart). */
export class RelayCryptoError extends Error {
  constructor(
    readonly code: RelayCryptoErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'RelayCryptoError';
  }
}

/** The envelope as JSON (the relay carries it as an opaque string). */
export const Envelope = z.object({
  v: z.literal(1),
  /** sender's box (X25519) public key */
  f: PublicKeyB64,
  /** recipient's box (X25519) public key */
  t: PublicKeyB64,
  /** per-sender counter, a safe integer (see nextCounter) */
  c: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  n: b64uBytes(24),
  /** ciphertext ‖ 16-byte tag */
  x: z.string().regex(/^[A-Za-z0-9_-]+$/),
});
export type Envelope = z.infer<typeof Envelope>;

const SALT = utf8ToBytes('souqbot-relay/v1/pair');
const AAD_LABEL = utf8ToBytes('souqbot-relay/v1/env');

function compare(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

function counterBytes(counter: number): Uint8Array {
  const out = new Uint8Array(8);
  const view = new DataView(out.buffer);
  view.setUint32(0, Math.floor(counter / 2 ** 32));
  view.setUint32(4, counter >>> 0);
  return out;
}

function aad(from: Uint8Array, to: Uint8Array, counter: number): Uint8Array {
  return concatBytes(AAD_LABEL, from, to, counterBytes(counter));
}

/** One end of a pair (my box secret, their box public): derives the key once, then seals and opens cheaply. */
export interface PairSession {
  readonly myPublic: Uint8Array;
  readonly theirPublic: Uint8Array;
  seal(plaintext: Uint8Array | string, counter: number): string;
  open(body: string, window: ReplayWindow, options?: OpenOptions): Uint8Array;
}

export interface OpenOptions {
  /** Refuse a counter whose time part (nextCounter: µs since the epoch) is older than this. */
  maxAgeMs?: number;
  now?: number;
}

export function makePairSession(mySecret: Uint8Array, theirPublic: Uint8Array): PairSession {
  const myPublic = x25519.getPublicKey(mySecret);
  let shared: Uint8Array;
  try {
    shared = x25519.getSharedSecret(mySecret, theirPublic);
  } catch {
    throw new RelayCryptoError('malformed', 'not a valid X25519 public key');
  }
  const [lo, hi] = compare(myPublic, theirPublic) <= 0 ? [myPublic, theirPublic] : [theirPublic, myPublic];
  const key = hkdf(sha256, shared, SALT, concatBytes(lo, hi), 32);
  return {
    myPublic,
    theirPublic,
    seal(plaintext, counter) {
      if (!Number.isSafeInteger(counter) || counter < 0) throw new RelayCryptoError('malformed', 'counter must be a safe integer ≥ 0');
      const nonce = randomBytes(24);
      const data = typeof plaintext === 'string' ? utf8ToBytes(plaintext) : plaintext;
      const ct = xchacha20poly1305(key, nonce, aad(myPublic, theirPublic, counter)).encrypt(data);
      const env: Envelope = { v: 1, f: toB64u(myPublic), t: toB64u(theirPublic), c: counter, n: toB64u(nonce), x: toB64u(ct) };
      return JSON.stringify(env);
    },
    open(body, window, options = {}) {
      const env = parseEnvelope(body);
      const from = fromB64u(env.f);
      const to = fromB64u(env.t);
      if (!equalBytes(to, myPublic)) throw new RelayCryptoError('wrong-recipient', 'envelope is sealed for another key');
      if (!equalBytes(from, theirPublic)) throw new RelayCryptoError('unauthentic', 'envelope is from another sender');
      let plain: Uint8Array;
      try {
        plain = xchacha20poly1305(key, fromB64u(env.n), aad(from, to, env.c)).decrypt(fromB64u(env.x));
      } catch {
        throw new RelayCryptoError('unauthentic', 'envelope failed authentication (changed, or sealed with another key)');
      }
      if (options.maxAgeMs !== undefined && env.c / 1000 < (options.now ?? Date.now()) - options.maxAgeMs) {
        throw new RelayCryptoError('expired', 'envelope is older than the accepted age');
      }
      if (!window.accept(env.c)) throw new RelayCryptoError('replayed', `counter ${env.c} was already accepted or is too old`);
      return plain;
    },
  };
}

/** Parse an envelope without opening it (to see who it claims to be from, and its counter). */
export function parseEnvelope(body: string): Envelope {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new RelayCryptoError('malformed', 'envelope is not JSON');
  }
  const parsed = Envelope.safeParse(json);
  if (!parsed.success) throw new RelayCryptoError('malformed', 'envelope does not match the schema');
  return parsed.data;
}

/** Seal `plaintext` from the sender (box secret) to the recipient (box public) with the sender's next counter. */
export function seal(plaintext: Uint8Array | string, senderSecret: Uint8Array, recipientPublic: Uint8Array, counter: number): string {
  return makePairSession(senderSecret, recipientPublic).seal(plaintext, counter);
}

/**
 * Open an envelope sealed for `recipientSecret` by `senderPublic`; `window` is the replay window kept for that sender
 * (it is updated only when the envelope is accepted). Throws RelayCryptoError.
 */
export function open(
  body: string,
  recipientSecret: Uint8Array,
  senderPublic: Uint8Array,
  window: ReplayWindow,
  options?: OpenOptions,
): Uint8Array {
  return makePairSession(recipientSecret, senderPublic).open(body, window, options);
}

/** `open`, then UTF-8 decode. */
export function openText(
  body: string,
  recipientSecret: Uint8Array,
  senderPublic: Uint8Array,
  window: ReplayWindow,
  options?: OpenOptions,
): string {
  return bytesToUtf8(open(body, recipientSecret, senderPublic, window, options));
}

/**
 * The sender's next counter: strictly above the last one it used, and never below the current time in µs. A sender that
 * lost its stored counter (reinstalled, restored a backup) still moves forward, and the receiver's maxAgeMs can refuse
 * an old envelope even after it lost its window.
 */
export function nextCounter(last: number, now: number = Date.now()): number {
  return Math.max(last + 1, now * 1000);
}

export { createReplayWindow, type ReplayWindow };
