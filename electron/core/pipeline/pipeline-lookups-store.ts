import type { AccountStatus } from '../../../shared/domain/schemas';
import { prepareAccountWrites } from '../accounts';
import { toConversation } from '../conversations';
import type { WritableSqlite } from '../store';

/** The pipeline's writable connection (messages, conversations, the inbound queue, the outbox). */
export type PipelineConnection = WritableSqlite;

/**
 * What the pipeline reads beside its own transitions (pipeline-store.ts): an account's channel and shop, a
 * conversation as the UI shows it, and an account's status (the accounts domain's own write). Raw prepared
 * statements on the hot path: a conversation is read for its event after every stored message, an account on
 * every channel event, and both synchronously inside the channel's callback.
 */
export function makePipelineLookups(sqlite: PipelineConnection) {
  const accountKind = sqlite.prepare<[number], { channel: string; shop_id: number }>('SELECT channel, shop_id FROM accounts WHERE id = ?');
  const conversationRow = sqlite.prepare<[number], Parameters<typeof toConversation>[0]>(
    `SELECT c.id, c.shop_id, c.account_id, c.contact_id, c.status, c.takeover, c.unread, c.last_message_at, c.last_preview,
            c.escalation_reason, k.jid, k.name FROM conversations c JOIN contacts k ON k.id = c.contact_id WHERE c.id = ?`,
  );
  const accounts = prepareAccountWrites(sqlite);
  return {
    /** The account's channel and shop; undefined once it was removed. */
    account: (accountId: number) => accountKind.get(accountId),
    /** The conversation as conversations/updated carries it; undefined once it was deleted. */
    conversation(conversationId: number) {
      const row = conversationRow.get(conversationId);
      return row && toConversation(row);
    },
    setAccountStatus: (accountId: number, status: AccountStatus) => accounts.setStatus(accountId, status),
  };
}
export type PipelineLookups = ReturnType<typeof makePipelineLookups>;
