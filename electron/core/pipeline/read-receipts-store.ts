import type { Database } from '../database';
import { type ReadableSqlite, typedStatements } from '../store';

/** At most this many ids in one read receipt (a customer who wrote 200 lines in a row gets the last ones ticked). */
const MAX_IDS = 50;

/**
 * The customer's messages an outbound message answers: the inbound ones of its conversation stored after the
 * previous outbound message and before it (their channel ids, oldest first). Those are what the seller's phone
 * would show as read once the reply goes (DESIGN: read receipts are the dispatcher's concern). Read-only; a receipt
 * sent twice (a retry, a send in doubt after a crash) is harmless, so nothing records that it went.
 */
export function makeUnreadInbound(sqlite: ReadableSqlite) {
  const unread = typedStatements<Database>(sqlite).prepare(
    (db, p: { conversationId: number; messageId: number; limit: number }) =>
      db
        .selectFrom(
          db
            .selectFrom('messages')
            .select(['id as rowid_', 'channel_message_id'])
            .where('conversation_id', '=', p.conversationId)
            .where('direction', '=', 'in')
            .where('channel_message_id', 'is not', null)
            .where('id', '<', p.messageId)
            .where('id', '>', (eb) =>
              eb.fn.coalesce(
                eb
                  .selectFrom('messages')
                  .select((inner) => inner.fn.max('id').as('last'))
                  .where('conversation_id', '=', p.conversationId)
                  .where('direction', '=', 'out')
                  .where('id', '<', p.messageId),
                eb.lit(0),
              ),
            )
            .orderBy('id', 'desc')
            .limit(p.limit)
            .as('answered'),
        )
        .select('channel_message_id as id')
        .orderBy('rowid_')
        .$narrowType<{ id: string }>(), // IS NOT NULL above
  );
  return (row: { conversationId: number; messageId: number }): string[] =>
    unread.all({ conversationId: row.conversationId, messageId: row.messageId, limit: MAX_IDS }).map((r) => r.id);
}
