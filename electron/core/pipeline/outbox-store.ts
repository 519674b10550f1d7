import type { WritableSqlite } from '../store';
import { prepareConversationWrites } from '../conversations';
import type { NewOutbound, OutboxRow } from './pipeline-rows';

/** A conversation's last-message preview: at most 140 characters. */
export const preview = (text: string) => (text.length > 140 ? `${text.slice(0, 139)}…` : text);

/** The outbox's statements, prepared once. */
function prepareOutbox(sqlite: WritableSqlite) {
  return {
    queuedConversations: sqlite.prepare<[], { conversationId: number }>(
      "SELECT DISTINCT conversation_id AS conversationId FROM outbox WHERE state = 'queued'",
    ),
    firstQueued: sqlite.prepare<[number], OutboxRow>(
      `SELECT o.id AS outboxId, o.shop_id AS shopId, o.account_id AS accountId, o.conversation_id AS conversationId,
              o.message_id AS messageId, o.to_jid AS toJid, o.channel_message_id AS channelMessageId, o.attempts,
              o.next_attempt_at AS nextAttemptAt, m.text, m.author, m.meta, o.kind,
              (SELECT last_inbound_at FROM conversations c WHERE c.id = o.conversation_id) AS lastInboundAt,
              EXISTS (SELECT 1 FROM outbox b WHERE b.conversation_id = o.conversation_id AND b.state = 'queued' AND b.id > o.id) AS queuedBehind
       FROM outbox o JOIN messages m ON m.id = o.message_id WHERE o.conversation_id = ? AND o.state = 'queued' ORDER BY o.id LIMIT 1`,
    ),
    countQueued: sqlite.prepare<[], { n: number }>("SELECT count(*) AS n FROM outbox WHERE state = 'queued'"),
    insertOutbox: sqlite.prepare(
      `INSERT INTO outbox (shop_id, account_id, conversation_id, message_id, to_jid, channel_message_id, next_attempt_at, created_at, kind)
       VALUES (@shop_id, @account_id, @conversation_id, @message_id, @to_jid, @channel_message_id, @next_attempt_at, @created_at, @kind)`,
    ),
    // A sent row has done its job (the message row keeps its id and status): gone, not kept as history (0092).
    markSent: sqlite.prepare<[number]>('DELETE FROM outbox WHERE id = ?'),
    messageSent: sqlite.prepare<[number]>(
      "UPDATE messages SET status = 'sent', error = NULL WHERE id = ? AND status IN ('queued', 'sending', 'failed')",
    ),
    retryLater: sqlite.prepare<[string, string, number]>(
      'UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?',
    ),
    markFailed: sqlite.prepare<[string, number]>(
      "UPDATE outbox SET state = 'failed', attempts = attempts + 1, last_error = ? WHERE id = ?",
    ),
    messageFailed: sqlite.prepare<[string, number]>("UPDATE messages SET status = 'failed', error = ? WHERE id = ?"),
    outboundByChannelId: sqlite.prepare<[number, string], { id: number; status: string }>(
      "SELECT id, status FROM messages WHERE account_id = ? AND direction = 'out' AND channel_message_id = ?",
    ),
    setMessageStatus: sqlite.prepare<[string, number]>('UPDATE messages SET status = ? WHERE id = ?'),
  };
}

/**
 * The send side of the pipeline's state (pipeline-store.ts spreads it into its own): outbox rows queued, taken,
 * retried or failed, removed once sent, and the receipts that follow. Raw prepared statements: the dispatcher's hot path, each
 * transition ONE synchronous transaction (with its message row's status).
 */
export function makeOutboxStore(sqlite: WritableSqlite) {
  const { touchConversationOut } = prepareConversationWrites(sqlite);
  const s = prepareOutbox(sqlite);

  return {
    /** An outbound message row into the outbox (inside the caller's transaction), its preview on the conversation. */
    enqueue(outbound: NewOutbound, messageId: number, now: string): void {
      s.insertOutbox.run({
        shop_id: outbound.shopId,
        account_id: outbound.accountId,
        conversation_id: outbound.conversationId,
        message_id: messageId,
        to_jid: outbound.toJid,
        channel_message_id: outbound.channelMessageId,
        next_attempt_at: now,
        created_at: now,
        kind: outbound.kind ?? 'reply',
      });
      touchConversationOut.run(preview(outbound.text), outbound.conversationId);
    },
    queuedConversations: () => s.queuedConversations.all().map((r) => r.conversationId),
    firstQueued: (conversationId: number): OutboxRow | undefined => s.firstQueued.get(conversationId),
    queuedCount: () => s.countQueued.get()!.n,
    markSent: sqlite.transaction((outboxId: number, messageId: number) => {
      s.markSent.run(outboxId);
      s.messageSent.run(messageId);
    }),
    retryLater: (outboxId: number, atIso: string, error: string) => s.retryLater.run(atIso, error, outboxId),
    markFailed: sqlite.transaction((outboxId: number, messageId: number, error: string) => {
      s.markFailed.run(error, outboxId);
      s.messageFailed.run(error, messageId);
    }),
    outboundByChannelId: (accountId: number, channelMessageId: string) => s.outboundByChannelId.get(accountId, channelMessageId),
    setMessageStatus: (messageId: number, status: string) => s.setMessageStatus.run(status, messageId),
  };
}
