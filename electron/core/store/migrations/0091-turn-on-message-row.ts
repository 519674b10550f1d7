import { type Kysely, sql } from 'kysely';

/**
 * The inbound queue folds into the message row. A customer message that waits for its turn is marked on the
 * message itself (`turn_state` 1 = waiting, 2 = parked once its turns kept failing), and the marker is cleared
 * (NULL) when the turn commits; `accepted_ms` is when the pipeline accepted it (the debounce measures bursts by it).
 * Accept writes the message only, the worker reads the waiting messages through one partial index, and a finished
 * message carries no queue row at all: a second table, its AUTOINCREMENT counter and its index were written twice
 * per customer message before (56 bytes a message stored). Integers, not words: 1 and NULL take no payload byte,
 * so clearing the marker rewrites the row at its size and leaves no freed fragment behind in the page; the
 * accept time stays (6 bytes) for the same reason. Rows still waiting (pending or parked) keep waiting; the
 * finished ones' states (done, dropped, skipped) and routes were written and never read, so they go with the table.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE messages ADD COLUMN turn_state integer`.execute(db);
  await sql`ALTER TABLE messages ADD COLUMN accepted_ms integer`.execute(db);
  await sql`UPDATE messages SET (turn_state, accepted_ms) = (SELECT CASE q.state WHEN 'pending' THEN 1 ELSE 2 END,
        CAST(round((julianday(q.created_at) - 2440587.5) * 86400000) AS integer)
      FROM inbound_queue q WHERE q.message_id = messages.id AND q.state IN ('pending', 'parked') ORDER BY q.id DESC LIMIT 1)
    WHERE id IN (SELECT message_id FROM inbound_queue WHERE state IN ('pending', 'parked'))`.execute(db);
  // The worker's scan, as inbound_queue_pending was: waiting messages of a conversation in arrival order.
  await sql`CREATE INDEX messages_turn_pending ON messages(conversation_id, id) WHERE turn_state = 1`.execute(db);
  await sql`DROP TABLE inbound_queue`.execute(db);
}
