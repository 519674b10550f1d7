import { ContractError } from '../../../shared/contract';
import type { HandlerMap } from '../app';
import type { CoreContext } from '../context';
import { requireShop } from '../shops';

export function conversationsHandlers(ctx: CoreContext): HandlerMap {
  return {
    'conversations/list': async (q) => {
      await requireShop(ctx, q.shopId);
      return ctx.repos.conversations.list(q);
    },
    'conversations/messages': async ({ shopId, conversationId, limit }) => {
      const conversation = await ctx.repos.conversations.get(shopId, conversationId);
      if (!conversation) throw new ContractError('not_found', `No conversation ${conversationId} in shop ${shopId}`);
      return ctx.repos.conversations.messages(shopId, conversationId, limit);
    },
  };
}
