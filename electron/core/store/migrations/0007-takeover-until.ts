import { type Kysely, sql } from 'kysely';

/** When a takeover started by the seller answering from the phone gives the chat back to the bot. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE conversations ADD COLUMN takeover_until text`.execute(db);
}
