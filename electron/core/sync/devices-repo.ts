import type { Selectable } from 'kysely';
import type { SyncDevicesTable } from './tables';
import type { WritableSqlite } from '../store';

/** A paired device as stored: public keys only (migration 0080). */
export interface DeviceRow {
  id: number;
  name: string;
  signPublicKey: string;
  boxPublicKey: string;
  pairedAt: string;
  lastSeenAt: string | null;
  /** JSON of the replay window (shared/relay createReplayWindow's state), null before the first message. */
  replayState: string | null;
}

/** A row as SQLite returns it: the table's own type. */
type RawDevice = Selectable<SyncDevicesTable>;

const toDevice = (r: RawDevice): DeviceRow => ({
  id: r.id,
  name: r.name,
  signPublicKey: r.sign_public_key,
  boxPublicKey: r.box_public_key,
  pairedAt: r.paired_at,
  lastSeenAt: r.last_seen_at,
  replayState: r.replay_state,
});

/** The paired devices. Unpairing deletes the row: the keys are gone, nothing is sealed for that device again. */
export function makeDevicesRepo(sqlite: WritableSqlite) {
  const all = sqlite.prepare<[], RawDevice>('SELECT * FROM sync_devices ORDER BY id');
  const byId = sqlite.prepare<[number], RawDevice>('SELECT * FROM sync_devices WHERE id = ?');
  const bySign = sqlite.prepare<[string], RawDevice>('SELECT * FROM sync_devices WHERE sign_public_key = ?');
  const insert = sqlite.prepare<[string, string, string, string]>(
    'INSERT INTO sync_devices (name, sign_public_key, box_public_key, paired_at) VALUES (?, ?, ?, ?)',
  );
  const seen = sqlite.prepare<[string, number]>('UPDATE sync_devices SET last_seen_at = ? WHERE id = ?');
  const replay = sqlite.prepare<[string, number]>('UPDATE sync_devices SET replay_state = ? WHERE id = ?');
  const remove = sqlite.prepare<[number]>('DELETE FROM sync_devices WHERE id = ?');
  return {
    list: (): DeviceRow[] => all.all().map(toDevice),
    get: (id: number): DeviceRow | null => {
      const r = byId.get(id);
      return r ? toDevice(r) : null;
    },
    bySignKey: (key: string): DeviceRow | null => {
      const r = bySign.get(key);
      return r ? toDevice(r) : null;
    },
    /** Adds a device; pairing the same key again keeps the existing row (a retried pairing). */
    add(device: { name: string; signPublicKey: string; boxPublicKey: string }, now: string): DeviceRow {
      const existing = bySign.get(device.signPublicKey);
      if (existing) return toDevice(existing);
      const { lastInsertRowid } = insert.run(device.name, device.signPublicKey, device.boxPublicKey, now);
      return toDevice(byId.get(Number(lastInsertRowid)) as RawDevice);
    },
    markSeen: (id: number, now: string): void => void seen.run(now, id),
    saveReplay: (id: number, state: string): void => void replay.run(state, id),
    remove: (id: number): boolean => remove.run(id).changes > 0,
  };
}
export type DevicesRepo = ReturnType<typeof makeDevicesRepo>;
