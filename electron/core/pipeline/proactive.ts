import type { Clock } from '../ports';
import { newChannelMessageId } from '../messages';
import type { PipelineStore } from './pipeline-store';
import { type ProactiveConnection, makeProactiveRepo } from './proactive-repo';

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
  sqlite: ProactiveConnection;
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
  const repo = makeProactiveRepo(deps.sqlite);
  return {
    enqueue(message: NewProactive): { messageId: number } {
      const to = repo.target(message.conversationId, message.shopId);
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
