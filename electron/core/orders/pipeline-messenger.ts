import type { CoreContext } from '../context';
import type { CustomerMessenger } from './customer-messenger';

/**
 * Order status messages go out like any bot message: through the pipeline's outbox (durable,
 * id chosen before sending, rate limits and pacing applied by the dispatcher).
 */
export function makePipelineMessenger(
  ctx: Pick<CoreContext, 'pipeline' | 'repos' | 'clock'>,
  /** The pipeline's id for an outgoing message (pipeline/message-id.ts), given by create-core: orders does not import the pipeline. */
  newChannelMessageId: () => string,
): CustomerMessenger {
  return {
    async sendToConversation(shopId, conversationId, text) {
      const c = await ctx.repos.conversations.get(shopId, conversationId);
      if (!c) return false;
      const id = ctx.pipeline.store.enqueueSellerMessage(
        {
          shopId,
          accountId: c.accountId,
          conversationId,
          toJid: c.contactJid,
          author: 'bot',
          text,
          meta: null,
          channelMessageId: newChannelMessageId(),
          draft: false,
        },
        ctx.clock.now().toISOString(),
      );
      ctx.pipeline.emitMessage(id);
      ctx.pipeline.emitConversation(conversationId);
      ctx.pipeline.markOutbound(conversationId);
      return true;
    },
  };
}
