import type { WritableSqlite } from '../store';

/**
 * The synchronous writes of `conversations`, as raw prepared statements: the pipeline's accept and complete (the
 * measured hot path) run them inside pipeline-store's own transactions, which stay there. They live here so the
 * table has one writer; the seller's changes (takeover, status, read) are in conversations-repo.ts.
 */
export function prepareConversationWrites(sqlite: WritableSqlite) {
  return {
    upsertConversation: sqlite.prepare<[number, number, number, string, string, string, string, number], { id: number }>(
      `INSERT INTO conversations (shop_id, account_id, contact_id, created_at, last_message_at, last_preview, last_inbound_at, unread)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (account_id, contact_id) DO UPDATE SET
         last_message_at = excluded.last_message_at, last_preview = excluded.last_preview,
         last_inbound_at = excluded.last_inbound_at, unread = conversations.unread + excluded.unread,
         status = CASE WHEN conversations.status = 'resolved' THEN 'open' ELSE conversations.status END
       RETURNING id`,
    ),
    // Only the preview: last_message_at (indexed for the inbox order) moves with customer
    // messages, which saves rewriting two indexes per reply.
    touchConversationOut: sqlite.prepare<[string, number]>('UPDATE conversations SET last_preview = ? WHERE id = ?'),
    escalate: sqlite.prepare<[string, number]>("UPDATE conversations SET status = 'waiting_human', escalation_reason = ? WHERE id = ?"),
    pendingApproval: sqlite.prepare<[number]>(
      "UPDATE conversations SET status = 'pending_approval' WHERE id = ? AND status != 'waiting_human'",
    ),
    /** Back to open once the last draft of a conversation waiting for approval is gone (args: id, id). */
    reopenAfterDrafts: sqlite.prepare<[number, number]>(
      "UPDATE conversations SET status = 'open' WHERE id = ? AND status = 'pending_approval' AND NOT EXISTS (SELECT 1 FROM messages WHERE conversation_id = ? AND status = 'draft')",
    ),
    flag: sqlite.prepare<[string, number]>('UPDATE conversations SET flagged_reason = ? WHERE id = ?'),
    setTakeover: sqlite.prepare<[number, string | null, number]>('UPDATE conversations SET takeover = ?, takeover_until = ? WHERE id = ?'),
  };
}
