import type SQLite from 'better-sqlite3';
import type { WritableSqlite } from '../store';
import type { MessageRow } from '../conversations';
import type { PendingTurnRow, TurnFacts } from './pipeline-rows';

const MESSAGE_COLUMNS = 'id, shop_id, conversation_id, direction, author, kind, text, status, channel_message_id, error, created_at';

/**
 * What the worker reads for a turn (pipeline-store.ts spreads it into its own): the customer messages waiting for
 * their turn, the conversation's facts and history, a message and its meta. Raw prepared statements: read on every turn.
 */
export function makeTurnReads(sqlite: WritableSqlite) {
  const s = {
    // Through messages_turn_pending (0091), the message's own columns in the same read.
    pendingOf: sqlite.prepare<[number], PendingTurnRow>(
      `SELECT id AS messageId, shop_id AS shopId, conversation_id AS conversationId, accepted_ms AS acceptedMs, kind, text, meta
       FROM messages WHERE turn_state = 1 AND conversation_id = ? ORDER BY id`,
    ),
    pendingConversations: sqlite.prepare<[], { conversationId: number; newest: number }>(
      'SELECT conversation_id AS conversationId, max(accepted_ms) AS newest FROM messages WHERE turn_state = 1 GROUP BY conversation_id',
    ),
    countPending: sqlite.prepare<[], { n: number }>('SELECT count(*) AS n FROM messages WHERE turn_state = 1'),
    turnFacts: sqlite.prepare<[number], Omit<TurnFacts, 'contactBlocked' | 'takeover'> & { contactBlocked: number; takeover: number }>(
      `SELECT c.shop_id AS shopId, c.account_id AS accountId, c.id AS conversationId, c.contact_id AS contactId,
              k.jid AS contactJid, k.blocked AS contactBlocked, c.takeover AS takeover, c.takeover_until AS takeoverUntil,
              c.flagged_reason AS flaggedReason, c.last_inbound_at AS lastInboundAt
       FROM conversations c JOIN contacts k ON k.id = c.contact_id WHERE c.id = ?`,
    ),
    messageById: sqlite.prepare<[number], MessageRow>(`SELECT ${MESSAGE_COLUMNS}, meta FROM messages WHERE id = ?`),
    messageMeta: sqlite.prepare<[number], { meta: string | null }>(`SELECT meta FROM messages WHERE id = ?`),
    inboundSince: sqlite.prepare<[number, string], { n: number }>(
      "SELECT count(*) AS n FROM messages WHERE conversation_id = ? AND direction = 'in' AND created_at >= ?",
    ),
  };
  // The limit is written into the statement, one per window size: a bound LIMIT made this read cost ~8× more
  // (~30 µs more CPU on every turn, measured on a conversation's first message) than the same read with a literal one.
  const historyByLimit = new Map<number, SQLite.Statement<[number, number], MessageRow>>();
  const historyStatement = (limit: number) => {
    const n = Math.max(0, Math.trunc(limit));
    let statement = historyByLimit.get(n);
    if (!statement) {
      statement = sqlite.prepare<[number, number], MessageRow>(
        `SELECT ${MESSAGE_COLUMNS} FROM messages WHERE conversation_id = ? AND id < ? AND status NOT IN ('draft', 'rejected')
         ORDER BY id DESC LIMIT ${n}`,
      );
      historyByLimit.set(n, statement);
    }
    return statement;
  };
  return {
    pendingOf: (conversationId: number): PendingTurnRow[] => s.pendingOf.all(conversationId),
    /** Conversations with queued customer messages and the newest arrival (for resuming). */
    pendingConversations: () => s.pendingConversations.all(),
    /** Customer messages still waiting for a turn (the backlog). */
    pendingCount: () => s.countPending.get()!.n,
    turnFacts(conversationId: number): TurnFacts | undefined {
      const row = s.turnFacts.get(conversationId);
      return row && { ...row, contactBlocked: row.contactBlocked === 1, takeover: row.takeover === 1 };
    },
    message: (id: number) => s.messageById.get(id),
    /** A message's meta JSON (a received photo's mediaPath is there). */
    messageMeta: (id: number): string | null => s.messageMeta.get(id)?.meta ?? null,
    /** Up to `limit` messages before `beforeId`, oldest first. */
    history: (conversationId: number, beforeId: number, limit: number) => historyStatement(limit).all(conversationId, beforeId).reverse(),
    inboundCountSince: (conversationId: number, sinceIso: string) => s.inboundSince.get(conversationId, sinceIso)!.n,
  };
}
