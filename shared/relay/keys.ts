// A device's identity: two key pairs from one 32-byte seed.
//  - Ed25519 ("sign") authenticates the device to the relay (signed challenge). Its public key, base64url, is the
//    device id the relay routes by.
//  - X25519 ("box") agrees the per-pair encryption key with the other end (seal/open).
// Separate keys for separate jobs (no Ed25519→X25519 conversion); both derive from the seed so a device stores one
// secret. The box secret is HKDF(seed) with its own label, so neither key says anything about the other.
import { ed25519, x25519 } from '@noble/curves/ed25519.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { randomBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { fromB64u, toB64u } from './bytes';

export interface DeviceIdentity {
  /** 32 random bytes; the only secret a device keeps. */
  seed: Uint8Array;
  signSecret: Uint8Array;
  signPublic: Uint8Array;
  boxSecret: Uint8Array;
  boxPublic: Uint8Array;
  /** base64url of signPublic: how the relay and the other devices name this device. */
  deviceId: string;
}

/** The public half, as it travels (pairing offer, pair-join): base64url strings. */
export interface PublicIdentity {
  deviceId: string;
  box: string;
}

/** Derive both key pairs from a 32-byte seed (deterministic: the same seed gives the same identity). */
export function identityFromSeed(seed: Uint8Array): DeviceIdentity {
  if (seed.length !== 32) throw new Error('identity seed must be 32 bytes');
  const signSecret = hkdf(sha256, seed, undefined, utf8ToBytes('souqbot-relay/v1/sign'), 32);
  const boxSecret = hkdf(sha256, seed, undefined, utf8ToBytes('souqbot-relay/v1/box'), 32);
  const signPublic = ed25519.getPublicKey(signSecret);
  return {
    seed: Uint8Array.from(seed),
    signSecret,
    signPublic,
    boxSecret,
    boxPublic: x25519.getPublicKey(boxSecret),
    deviceId: toB64u(signPublic),
  };
}

/** A fresh identity from 32 random bytes (the platform's CSPRNG through @noble). */
export function generateIdentity(): DeviceIdentity {
  return identityFromSeed(randomBytes(32));
}

/** Store an identity as one string (the seed, base64url); keep it where secrets are kept. */
export function exportIdentity(identity: DeviceIdentity): string {
  return toB64u(identity.seed);
}

export function importIdentity(text: string): DeviceIdentity {
  return identityFromSeed(fromB64u(text));
}

export function publicIdentity(identity: DeviceIdentity): PublicIdentity {
  return { deviceId: identity.deviceId, box: toB64u(identity.boxPublic) };
}

/** A fresh X25519 key pair, for rotating the box key on unpair (the sign key, the device id, stays). */
export function generateBoxKey(): { boxSecret: Uint8Array; boxPublic: Uint8Array } {
  const boxSecret = x25519.utils.randomSecretKey();
  return { boxSecret, boxPublic: x25519.getPublicKey(boxSecret) };
}
