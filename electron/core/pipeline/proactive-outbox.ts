import type { ProactiveOutbox } from '../learning';
import { newChannelMessageId } from '../messages';
import type { Pipeline } from './create-pipeline';

/**
 * The outbox learning's follow-ups write through (learning declares the ProactiveOutbox it needs; this fills it with the
 * pipeline's outbox writer). `pipelineOf` is read when a message goes out: the pipeline is built after the brain that
 * schedules follow-ups.
 */
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
