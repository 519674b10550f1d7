import path from 'node:path';
import type { Conversation } from '../../../shared/domain/schemas';
import type { HandlerMap } from '../app';
import type { CoreContext } from '../context';
import { newChannelMessageId, saveSellerPhoto } from '../messages';
import { requireShop } from '../shops';
import { toMessage } from './conversations-repo';
import { requireConversation, requireMessage } from './lookup';

/** The inbox's conversations: the list, a thread, the seller's replies, takeover, status and read. */
export function conversationsHandlers(ctx: CoreContext): HandlerMap {
  const { repos, pipeline } = ctx;
  const now = () => ctx.clock.now().toISOString();

  async function updated(shopId: number, conversationId: number): Promise<Conversation> {
    const c = await requireConversation(ctx, shopId, conversationId);
    ctx.bus.emit('conversations/updated', c);
    return c;
  }
  /** A seller's message into the outbox; the inbox sees it at once. */
  function sendAsSeller(c: Conversation, text: string, meta: string | null, messageKind?: 'image') {
    const id = pipeline.store.enqueueSellerMessage(
      {
        shopId: c.shopId,
        accountId: c.accountId,
        conversationId: c.id,
        toJid: c.contactJid,
        author: 'seller',
        text,
        meta,
        channelMessageId: newChannelMessageId(),
        draft: false,
        ...(messageKind && { messageKind }),
      },
      now(),
    );
    pipeline.emitMessage(id);
    pipeline.emitConversation(c.id);
    pipeline.markOutbound(c.id);
    return toMessage(requireMessage(ctx, c.shopId, id));
  }

  return {
    'conversations/list': async (q) => {
      await requireShop(ctx, q.shopId);
      return repos.conversations.list(q);
    },
    'conversations/list-messages': async ({ shopId, conversationId, limit }) => {
      await requireConversation(ctx, shopId, conversationId);
      return repos.conversations.messages(shopId, conversationId, limit);
    },
    'conversations/reply': async ({ shopId, conversationId, text }) => {
      const c = await requireConversation(ctx, shopId, conversationId);
      return sendAsSeller(c, text, null);
    },
    'conversations/reply-photo': async ({ shopId, conversationId, mime, dataBase64, caption }) => {
      const c = await requireConversation(ctx, shopId, conversationId);
      const meta = await saveSellerPhoto(path.join(ctx.dataDir, 'media'), shopId, mime, dataBase64, caption);
      return sendAsSeller(c, caption, meta, 'image');
    },
    'conversations/set-takeover': async ({ shopId, conversationId, takeover }) => {
      await requireConversation(ctx, shopId, conversationId);
      await repos.conversations.setTakeover(conversationId, takeover);
      // Back to the bot: a turn it had given up on (parked) is tried again.
      if (!takeover) pipeline.retryParked(conversationId);
      return updated(shopId, conversationId);
    },
    'conversations/set-status': async ({ shopId, conversationId, status }) => {
      await requireConversation(ctx, shopId, conversationId);
      await repos.conversations.setStatus(conversationId, status);
      return updated(shopId, conversationId);
    },
    'conversations/mark-read': async ({ shopId, conversationId }) => {
      await requireConversation(ctx, shopId, conversationId);
      await repos.conversations.markRead(conversationId);
      return updated(shopId, conversationId);
    },
  };
}
