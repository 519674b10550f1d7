import { type Selectable, sql } from 'kysely';
import { type WritableSqlite, typedStatements } from '../store';
import type { SyncCommandsTable, SyncTables } from './tables';

export type CommandState = 'running' | 'done' | 'failed' | 'refused';

export interface CommandRow {
  deviceId: number;
  commandId: string;
  name: string;
  state: CommandState;
  errorCode: string | null;
  answer: string | null;
  receivedAt: string;
  finishedAt: string | null;
}

/** A row as SQLite returns it: the table's own type. */
type RawCommand = Selectable<SyncCommandsTable>;

const toRow = (r: RawCommand): CommandRow => ({
  deviceId: r.device_id,
  commandId: r.command_id,
  name: r.name,
  state: r.state as CommandState,
  errorCode: r.error_code,
  answer: r.answer,
  receivedAt: r.received_at,
  finishedAt: r.finished_at,
});

/**
 * Every command a device sent: the audit trail and the idempotency record in one row, keyed by
 * (device, command id). `claim` inserts before the command runs, so a second copy (a retry, a
 * replay through the mailbox) finds the row and never runs the command again.
 */
export function makeCommandsRepo(sqlite: WritableSqlite) {
  const statements = typedStatements<SyncTables>(sqlite);
  type Key = { deviceId: number; commandId: string };
  const get = statements.prepare((db, p: Key) =>
    db.selectFrom('sync_commands').selectAll().where('device_id', '=', p.deviceId).where('command_id', '=', p.commandId),
  );
  const insert = statements.prepare((db, p: Key & { name: string; now: string }) =>
    db
      .insertInto('sync_commands')
      .orIgnore()
      .values({ device_id: p.deviceId, command_id: p.commandId, name: p.name, state: 'running', received_at: p.now }),
  );
  const finish = statements.prepare((db, p: Key & { state: CommandState; errorCode: string | null; answer: string; now: string }) =>
    db
      .updateTable('sync_commands')
      .set({ state: p.state, error_code: p.errorCode, answer: p.answer, finished_at: p.now })
      .where('device_id', '=', p.deviceId)
      .where('command_id', '=', p.commandId),
  );
  // rowid breaks ties between commands received in the same millisecond (the table has no id column).
  const recent = statements.prepare((db, p: { limit: number }) =>
    db
      .selectFrom('sync_commands')
      .selectAll()
      .orderBy('received_at', 'desc')
      .orderBy(sql`rowid`, 'desc')
      .limit(p.limit),
  );
  return {
    /** True when this (device, command) is new and now claimed; false when it was seen before. */
    claim: (deviceId: number, commandId: string, name: string, now: string): boolean =>
      insert.run({ deviceId, commandId, name, now }).changes === 1,
    get: (deviceId: number, commandId: string): CommandRow | null => {
      const r = get.get({ deviceId, commandId });
      return r ? toRow(r) : null;
    },
    finish(
      deviceId: number,
      commandId: string,
      state: Exclude<CommandState, 'running'>,
      errorCode: string | null,
      answer: string,
      now: string,
    ): void {
      finish.run({ deviceId, commandId, state, errorCode, answer, now });
    },
    recent: (limit = 100): CommandRow[] => recent.all({ limit }).map(toRow),
  };
}
export type CommandsRepo = ReturnType<typeof makeCommandsRepo>;
