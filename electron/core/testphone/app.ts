import type { HandlerMap } from '../app';
import type { CoreContext } from '../context';
import { requireMessage } from '../conversations';
import { requireShop } from '../shops';

/** The built-in test phone: the seller writes as a customer and sees the bot's answers. */
export function testphoneHandlers(ctx: CoreContext): HandlerMap {
  return {
    'testphone/send': async ({ shopId, from, text }) => {
      await requireShop(ctx, shopId);
      const { messageId } = ctx.testPhone.send(shopId, from, text);
      const row = requireMessage(ctx, shopId, messageId);
      return { conversationId: row.conversation_id, messageId };
    },
    'testphone/get-thread': async ({ shopId, from }) => {
      await requireShop(ctx, shopId);
      return ctx.testPhone.thread(shopId, from);
    },
  };
}
