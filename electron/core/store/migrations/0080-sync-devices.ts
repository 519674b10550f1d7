import type { Kysely } from 'kysely';

/**
 * Multi-device sync: the devices paired with this desktop (public keys only; the desktop's own
 * secret keys live in a 0600 file of the data folder, never here), and one row per command a
 * device sent. That row is both the audit trail (which device did what, when, with what
 * outcome) and the idempotency record: a command retried after a lost answer is answered from
 * it and never runs twice.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sync_devices')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull())
    /** The device's signing key (relay authentication, base64url). */
    .addColumn('sign_public_key', 'text', (c) => c.notNull().unique())
    /** The device's X25519 key (sealing, base64url). */
    .addColumn('box_public_key', 'text', (c) => c.notNull())
    .addColumn('paired_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text')
    /** The counters already accepted from this device (JSON): a replayed envelope is refused even after a restart. */
    .addColumn('replay_state', 'text')
    .execute();
  await db.schema
    .createTable('sync_commands')
    .addColumn('device_id', 'integer', (c) => c.notNull())
    .addColumn('command_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    /** running → done | failed | refused. */
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('error_code', 'text')
    /** The envelope answered, kept so a retry gets the same answer. */
    .addColumn('answer', 'text')
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addPrimaryKeyConstraint('sync_commands_pk', ['device_id', 'command_id'])
    .execute();
  await db.schema.createIndex('sync_commands_by_time').on('sync_commands').columns(['received_at']).execute();
}
