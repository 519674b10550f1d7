import type SQLite from 'better-sqlite3';

/** At most this many ids in one read receipt (a customer who wrote 200 lines in a row gets the last ones ticked). */
const MAX_IDS = 50;

/**
 * The customer's messages an outbound message answers: the inbound ones of its conversation stored after the
 * previous outbound message and before it (their channel ids, oldest first). Those are what the seller's phone
 * would show as read once the reply goes (DESIGN: read receipts are the dispatcher's concern). Read-only; a receipt
 * sent twice (a retry, a send in doubt after a crash) is harmless, so nothing records that it went.
 */
export function makeUnreadInbound(sqlite: SQLite.Database) {
  const unread = sqlite.prepare<{ conversationId: number; messageId: number; limit: number }, { id: string }>(
    `SELECT channel_message_id AS id FROM (
       SELECT id AS rowid_, channel_message_id FROM messages
        WHERE conversation_id = @conversationId AND direction = 'in' AND channel_message_id IS NOT NULL AND id < @messageId
          AND id > COALESCE((SELECT max(id) FROM messages
                              WHERE conversation_id = @conversationId AND direction = 'out' AND id < @messageId), 0)
        ORDER BY id DESC LIMIT @limit)
     ORDER BY rowid_`,
  );
  return (row: { conversationId: number; messageId: number }): string[] =>
    unread.all({ conversationId: row.conversationId, messageId: row.messageId, limit: MAX_IDS }).map((r) => r.id);
}
