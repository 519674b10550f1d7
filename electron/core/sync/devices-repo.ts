import type { Selectable } from 'kysely';
import type { SyncDevicesTable, SyncTables } from './tables';
import { type WritableSqlite, typedStatements } from '../store';

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
  const statements = typedStatements<SyncTables>(sqlite);
  const all = statements.prepare((db) => db.selectFrom('sync_devices').selectAll().orderBy('id'));
  const byId = statements.prepare((db, p: { id: number }) => db.selectFrom('sync_devices').selectAll().where('id', '=', p.id));
  const bySign = statements.prepare((db, p: { key: string }) =>
    db.selectFrom('sync_devices').selectAll().where('sign_public_key', '=', p.key),
  );
  const insert = statements.prepare((db, p: { name: string; sign: string; box: string; now: string }) =>
    db.insertInto('sync_devices').values({ name: p.name, sign_public_key: p.sign, box_public_key: p.box, paired_at: p.now }),
  );
  const seen = statements.prepare((db, p: { id: number; now: string }) =>
    db.updateTable('sync_devices').set({ last_seen_at: p.now }).where('id', '=', p.id),
  );
  const replay = statements.prepare((db, p: { id: number; state: string }) =>
    db.updateTable('sync_devices').set({ replay_state: p.state }).where('id', '=', p.id),
  );
  const remove = statements.prepare((db, p: { id: number }) => db.deleteFrom('sync_devices').where('id', '=', p.id));
  return {
    list: (): DeviceRow[] => all.all().map(toDevice),
    get: (id: number): DeviceRow | null => {
      const r = byId.get({ id });
      return r ? toDevice(r) : null;
    },
    bySignKey: (key: string): DeviceRow | null => {
      const r = bySign.get({ key });
      return r ? toDevice(r) : null;
    },
    /** Adds a device; pairing the same key again keeps the existing row (a retried pairing). */
    add(device: { name: string; signPublicKey: string; boxPublicKey: string }, now: string): DeviceRow {
      const existing = bySign.get({ key: device.signPublicKey });
      if (existing) return toDevice(existing);
      const { lastInsertRowid } = insert.run({ name: device.name, sign: device.signPublicKey, box: device.boxPublicKey, now });
      return toDevice(byId.get({ id: Number(lastInsertRowid) }) as RawDevice);
    },
    markSeen: (id: number, now: string): void => void seen.run({ id, now }),
    saveReplay: (id: number, state: string): void => void replay.run({ id, state }),
    remove: (id: number): boolean => remove.run({ id }).changes > 0,
  };
}
export type DevicesRepo = ReturnType<typeof makeDevicesRepo>;
