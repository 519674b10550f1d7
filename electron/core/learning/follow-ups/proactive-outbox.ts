import { newChannelMessageId, type Pipeline } from '../../pipeline';

/**
 * Messages the bot starts (follow-ups) go out like every bot message: through the pipeline's
 * outbox writer, then the dispatcher's rate limits, pacing and 24 h window check. Their meta says
 * `proactive: true`, which is how the dispatcher can pace them apart from replies.
 */
export interface ProactiveOutbox {
  /** Writes the message and its outbox row (joins the caller's transaction); null if the conversation is gone. */
  write(conversationId: number, text: string, meta: Record<string, unknown>, now: string): number | null;
  /** After the commit: events for the inbox and a nudge to the dispatcher. */
  announce(conversationId: number, messageId: number): void;
}

/** `pipelineOf` is read when a message goes out: the pipeline is built after the brain that schedules follow-ups. */
export function makePipelineProactiveOutbox(
  pipelineOf: () => Pick<Pipeline, 'store' | 'emitMessage' | 'emitConversation' | 'markOutbound'>,
): ProactiveOutbox {
  return {
    write(conversationId, text, meta, now) {
      const pipeline = pipelineOf();
      const facts = pipeline.store.turnFacts(conversationId);
      if (!facts) return null;
      return pipeline.store.enqueueSellerMessage(
        {
          shopId: facts.shopId,
          accountId: facts.accountId,
          conversationId,
          toJid: facts.contactJid,
          author: 'bot',
          text,
          meta: JSON.stringify({ ...meta, proactive: true }),
          channelMessageId: newChannelMessageId(),
          draft: false,
        },
        now,
      );
    },
    announce(conversationId, messageId) {
      const pipeline = pipelineOf();
      pipeline.emitMessage(messageId);
      pipeline.emitConversation(conversationId);
      pipeline.markOutbound(conversationId);
    },
  };
}
