// The relay's signed challenge: the relay sends 32 random bytes, the device signs a labelled message that binds the
// nonce and its own id, the relay verifies with the device id (the Ed25519 public key). The label keeps a signature
// made here from being valid for anything else this key signs.
import { ed25519 } from '@noble/curves/ed25519.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { fromB64u, toB64u } from './bytes';
import type { DeviceIdentity } from './keys';

function challengeMessage(nonce: string, deviceId: string): Uint8Array {
  return utf8ToBytes(`souqbot-relay/v1/auth\n${nonce}\n${deviceId}`);
}

/** The device's answer to a challenge: base64url Ed25519 signature. */
export function signChallenge(identity: DeviceIdentity, nonce: string): string {
  return toB64u(ed25519.sign(challengeMessage(nonce, identity.deviceId), identity.signSecret));
}

/** The relay's check; false (never a throw) for a malformed key or signature. */
export function verifyChallenge(deviceId: string, nonce: string, signature: string): boolean {
  try {
    return ed25519.verify(fromB64u(signature), challengeMessage(nonce, deviceId), fromB64u(deviceId));
  } catch {
    return false;
  }
}
