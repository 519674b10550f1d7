import { type Kysely, sql } from 'kysely';

/**
 * Replies and proactive messages are paced differently: a reply to a customer who just wrote
 * uses the reply budget, a follow-up or broadcast keeps the strict one. Rows queued before
 * this migration were all replies.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE outbox ADD COLUMN kind text NOT NULL DEFAULT 'reply' CHECK (kind IN ('reply', 'proactive'))`.execute(db);
}
