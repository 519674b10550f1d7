import {
  type DeviceIdentity,
  type PairSession,
  type ReplayWindow,
  createReplayWindow,
  fromB64u,
  makePairSession,
  nextCounter,
} from '../../../shared/relay/index';
import type { DeviceRow, DevicesRepo } from './devices-repo';

/** Envelopes older than this are refused even when the replay window was lost: the relay's mailbox keeps 7 days. */
const MAX_ENVELOPE_AGE_MS = 8 * 24 * 3600_000;

interface Entry {
  session: PairSession;
  window: ReplayWindow;
}

/**
 * Seals for and opens from each paired device. One pair key per device (X25519 of the desktop's
 * box key and the device's), one replay window per device, saved with the device so a replayed
 * envelope is refused after a restart too.
 */
export function makeDeviceSessions(deps: { devices: DevicesRepo; identity: () => DeviceIdentity; now: () => number }) {
  const entries = new Map<number, Entry>();
  let lastCounter = 0;
  const entryFor = (device: DeviceRow): Entry => {
    let entry = entries.get(device.id);
    if (!entry) {
      const saved = device.replayState ? (JSON.parse(device.replayState) as Parameters<typeof createReplayWindow>[0]) : undefined;
      entry = {
        session: makePairSession(deps.identity().boxSecret, fromB64u(device.boxPublicKey)),
        window: createReplayWindow(saved),
      };
      entries.set(device.id, entry);
    }
    return entry;
  };
  return {
    seal(device: DeviceRow, plaintext: string): string {
      lastCounter = nextCounter(lastCounter, deps.now());
      return entryFor(device).session.seal(plaintext, lastCounter);
    },
    /** The plaintext, or throws RelayCryptoError (tampered, replayed, too old, not for this key). */
    open(device: DeviceRow, body: string): Uint8Array {
      const entry = entryFor(device);
      const plain = entry.session.open(body, entry.window, { maxAgeMs: MAX_ENVELOPE_AGE_MS, now: deps.now() });
      deps.devices.saveReplay(device.id, JSON.stringify(entry.window.state()));
      return plain;
    },
    /** Seal with a given identity (the rekey message goes out under the old box key). */
    sealWith(identity: DeviceIdentity, device: DeviceRow, plaintext: string): string {
      lastCounter = nextCounter(lastCounter, deps.now());
      return makePairSession(identity.boxSecret, fromB64u(device.boxPublicKey)).seal(plaintext, lastCounter);
    },
    /** Forget every pair key (after a rotation, or a device's unpair). */
    forget(deviceId?: number): void {
      if (deviceId === undefined) entries.clear();
      else entries.delete(deviceId);
    },
  };
}
