import type { WritableSqlite } from '../store';

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

interface RawCommand {
  device_id: number;
  command_id: string;
  name: string;
  state: CommandState;
  error_code: string | null;
  answer: string | null;
  received_at: string;
  finished_at: string | null;
}

const toRow = (r: RawCommand): CommandRow => ({
  deviceId: r.device_id,
  commandId: r.command_id,
  name: r.name,
  state: r.state,
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
  const get = sqlite.prepare<[number, string], RawCommand>('SELECT * FROM sync_commands WHERE device_id = ? AND command_id = ?');
  const insert = sqlite.prepare<[number, string, string, CommandState, string]>(
    'INSERT OR IGNORE INTO sync_commands (device_id, command_id, name, state, received_at) VALUES (?, ?, ?, ?, ?)',
  );
  const finish = sqlite.prepare<[CommandState, string | null, string, string, number, string]>(
    'UPDATE sync_commands SET state = ?, error_code = ?, answer = ?, finished_at = ? WHERE device_id = ? AND command_id = ?',
  );
  const recent = sqlite.prepare<[number], RawCommand>('SELECT * FROM sync_commands ORDER BY received_at DESC, rowid DESC LIMIT ?');
  return {
    /** True when this (device, command) is new and now claimed; false when it was seen before. */
    claim: (deviceId: number, commandId: string, name: string, now: string): boolean =>
      insert.run(deviceId, commandId, name, 'running', now).changes === 1,
    get: (deviceId: number, commandId: string): CommandRow | null => {
      const r = get.get(deviceId, commandId);
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
      finish.run(state, errorCode, answer, now, deviceId, commandId);
    },
    recent: (limit = 100): CommandRow[] => recent.all(limit).map(toRow),
  };
}
export type CommandsRepo = ReturnType<typeof makeCommandsRepo>;
