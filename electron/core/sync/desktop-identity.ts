import { x25519 } from '@noble/curves/ed25519.js';
import { z } from 'zod';
import {
  type DeviceIdentity,
  exportIdentity,
  fromB64u,
  generateBoxKey,
  generateIdentity,
  importIdentity,
  toB64u,
} from '../../../shared/relay/index';
import { makeIdentityFile } from './identity-file';

/** What the 0600 file holds: the identity seed, and the box key that replaced the seed's after an unpair. */
const Stored = z.object({ seed: z.string(), box: z.string().optional() });

function withBox(identity: DeviceIdentity, boxSecret: Uint8Array): DeviceIdentity {
  return { ...identity, boxSecret, boxPublic: x25519.getPublicKey(boxSecret) };
}

/**
 * The desktop's relay identity. The signing key (its id at the relay) lasts; the box key is
 * rotated on every unpair, so an unpaired device's pair key opens nothing sealed afterwards.
 */
export function makeDesktopIdentity(dataDir: string) {
  const file = makeIdentityFile(dataDir);
  const parse = (text: string): DeviceIdentity => {
    const stored = Stored.parse(JSON.parse(text));
    const base = importIdentity(stored.seed);
    return stored.box ? withBox(base, fromB64u(stored.box)) : base;
  };
  let current: DeviceIdentity | null = null;
  return {
    file: file.file,
    get(): DeviceIdentity {
      current ??= parse(file.readOrCreate(() => JSON.stringify({ seed: exportIdentity(generateIdentity()) })));
      return current;
    },
    /** A new box key, written before it is used; the old secret is forgotten. */
    rotateBox(): { previous: DeviceIdentity; next: DeviceIdentity } {
      const previous = this.get();
      const { boxSecret } = generateBoxKey();
      const next = withBox(previous, boxSecret);
      file.replace(JSON.stringify({ seed: exportIdentity(previous), box: toB64u(boxSecret) }));
      current = next;
      return { previous, next };
    },
  };
}
