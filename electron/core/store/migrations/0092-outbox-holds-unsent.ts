import { type Kysely, sql } from 'kysely';

/**
 * The outbox holds what is still to send (queued) or could not be sent (failed): a row is deleted when its message
 * is sent (the message row keeps its channel id and status). Sent rows were kept and never read again, 134 bytes
 * per reply stored; the ones already there go now.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DELETE FROM outbox WHERE state = 'sent'`.execute(db);
}
