import type SQLite from 'better-sqlite3';
import type { Clock } from '../ports';
import { newChannelMessageId } from './message-id';
import type { PipelineStore } from './pipeline-store';

/** A message the bot sends without being asked (follow-up, broadcast) into one conversation. */
export interface NewProactive {
  shopId: number;
  conversationId: number;
  text: string;
  /** JSON stored with the message (e.g. which follow-up job wrote it). */
  meta?: string | null;
}

export interface ProactiveDeps {
  /** The writable database: finds the conversation's number and customer. */
  sqlite: SQLite.Database;
  /** Writes the message and its outbox row in one transaction. */
  store: PipelineStore;
  /** Time for the stored message. */
  clock: Clock;
  /** Wakes the dispatcher for the conversation. */
  markOutbound(conversationId: number): void;
  /** Publishes messages/new for the stored message. */
  emitMessage(messageId: number): void;
  /** Publishes conversations/updated (its preview changed). */
  emitConversation(conversationId: number): void;
}

/** Stores a proactive message and its outbox row (kind `proactive`) in one transaction, then wakes the dispatcher. */
export function makeProactive(deps: ProactiveDeps) {
  const target = deps.sqlite.prepare<[number, number], { accountId: number; toJid: string }>(
    `SELECT c.account_id AS accountId, k.jid AS toJid FROM conversations c JOIN contacts k ON k.id = c.contact_id
     WHERE c.id = ? AND c.shop_id = ?`,
  );
  return {
    enqueue(message: NewProactive): { messageId: number } {
      const to = target.get(message.conversationId, message.shopId);
      if (!to) throw new Error(`No conversation ${message.conversationId} in shop ${message.shopId}`);
      const messageId = deps.store.enqueueSellerMessage(
        {
          shopId: message.shopId,
          accountId: to.accountId,
          conversationId: message.conversationId,
          toJid: to.toJid,
          author: 'bot',
          text: message.text,
          meta: message.meta ?? null,
          channelMessageId: newChannelMessageId(),
          draft: false,
          kind: 'proactive',
        },
        deps.clock.now().toISOString(),
      );
      deps.emitMessage(messageId);
      deps.emitConversation(message.conversationId);
      deps.markOutbound(message.conversationId);
      return { messageId };
    },
  };
}
