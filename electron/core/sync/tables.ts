import type { Generated } from 'kysely';

/** Paired devices (migration 0080): public keys only. */
export interface SyncDevicesTable {
  id: Generated<number>;
  name: string;
  sign_public_key: string;
  box_public_key: string;
  paired_at: string;
  last_seen_at: string | null;
  replay_state: string | null;
}

/** Each device command, once per (device, command id): the audit trail and the idempotency record. */
export interface SyncCommandsTable {
  device_id: number;
  command_id: string;
  name: string;
  state: string;
  error_code: string | null;
  answer: string | null;
  received_at: string;
  finished_at: string | null;
}

/** The tables this domain owns, as core's `Database` (electron/core/database.ts) lists them. */
export interface SyncTables {
  sync_devices: SyncDevicesTable;
  sync_commands: SyncCommandsTable;
}
