import path from 'node:path';
import { ContractError } from '../../../shared/contract';
import type { Conversation } from '../../../shared/domain/schemas';
import type { HandlerMap } from '../app';
import type { CoreContext } from '../context';
import { newChannelMessageId } from '../pipeline';
import { toMessage } from '../store/repos/conversations';
import { requireShop } from '../shops';
import { saveSellerPhoto } from './media-file';

/** The seller's side of the inbox: replies, takeover, drafts, status, blocking, quick replies, test phone. */
export function inboxHandlers(ctx: CoreContext): HandlerMap {
  const { repos, pipeline, store } = ctx;
  const now = () => ctx.clock.now().toISOString();

  async function conversation(shopId: number, conversationId: number): Promise<Conversation> {
    const found = await repos.conversations.get(shopId, conversationId);
    if (!found) throw new ContractError('not_found', `No conversation ${conversationId} in shop ${shopId}`);
    return found;
  }
  async function updated(shopId: number, conversationId: number): Promise<Conversation> {
    const c = await conversation(shopId, conversationId);
    ctx.bus.emit('conversations/updated', c);
    return c;
  }
  function message(shopId: number, messageId: number) {
    const row = pipeline.store.message(messageId);
    if (!row || row.shop_id !== shopId) throw new ContractError('not_found', `No message ${messageId} in shop ${shopId}`);
    return row;
  }

  return {
    'conversations/reply': async ({ shopId, conversationId, text }) => {
      const c = await conversation(shopId, conversationId);
      const id = pipeline.store.enqueueSellerMessage(
        {
          shopId,
          accountId: c.accountId,
          conversationId,
          toJid: c.contactJid,
          author: 'seller',
          text,
          meta: null,
          channelMessageId: newChannelMessageId(),
          draft: false,
        },
        now(),
      );
      pipeline.emitMessage(id);
      pipeline.emitConversation(conversationId);
      pipeline.markOutbound(conversationId);
      return toMessage(message(shopId, id));
    },
    'conversations/reply-photo': async ({ shopId, conversationId, mime, dataBase64, caption }) => {
      const c = await conversation(shopId, conversationId);
      const meta = await saveSellerPhoto(path.join(ctx.dataDir, 'media'), shopId, mime, dataBase64, caption);
      const id = pipeline.store.enqueueSellerMessage(
        {
          shopId,
          accountId: c.accountId,
          conversationId,
          toJid: c.contactJid,
          author: 'seller',
          text: caption,
          meta,
          channelMessageId: newChannelMessageId(),
          draft: false,
          messageKind: 'image',
        },
        now(),
      );
      pipeline.emitMessage(id);
      pipeline.emitConversation(conversationId);
      pipeline.markOutbound(conversationId);
      return toMessage(message(shopId, id));
    },
    'conversations/set-takeover': async ({ shopId, conversationId, takeover }) => {
      await conversation(shopId, conversationId);
      await store.db
        .updateTable('conversations')
        .set(
          takeover
            ? { takeover: 1, takeover_until: null, status: 'waiting_human' }
            : { takeover: 0, takeover_until: null, status: 'open', escalation_reason: null },
        )
        .where('id', '=', conversationId)
        .execute();
      // Back to the bot: a turn it had given up on (parked) is tried again.
      if (!takeover) pipeline.retryParked(conversationId);
      return updated(shopId, conversationId);
    },
    'conversations/set-status': async ({ shopId, conversationId, status }) => {
      await conversation(shopId, conversationId);
      await store.db
        .updateTable('conversations')
        .set(status === 'resolved' ? { status, escalation_reason: null } : { status })
        .where('id', '=', conversationId)
        .execute();
      return updated(shopId, conversationId);
    },
    'conversations/mark-read': async ({ shopId, conversationId }) => {
      await conversation(shopId, conversationId);
      await store.db.updateTable('conversations').set({ unread: 0 }).where('id', '=', conversationId).execute();
      return updated(shopId, conversationId);
    },
    'drafts/approve': async ({ shopId, messageId, text }) => {
      const row = message(shopId, messageId);
      if (row.status !== 'draft') throw new ContractError('conflict', 'This reply is no longer waiting for approval');
      const c = await conversation(shopId, row.conversation_id);
      pipeline.store.approveDraft(messageId, text ?? row.text, c.contactJid, now());
      pipeline.emitMessage(messageId, 'messages/status');
      pipeline.emitConversation(row.conversation_id);
      pipeline.markOutbound(row.conversation_id);
      return toMessage(message(shopId, messageId));
    },
    'drafts/reject': async ({ shopId, messageId }) => {
      const row = message(shopId, messageId);
      if (row.status !== 'draft') throw new ContractError('conflict', 'This reply is no longer waiting for approval');
      pipeline.store.setMessageStatus(messageId, 'rejected');
      await store.db
        .updateTable('conversations')
        .set({ status: 'open' })
        .where('id', '=', row.conversation_id)
        .where('status', '=', 'pending_approval')
        .execute();
      pipeline.emitMessage(messageId, 'messages/status');
      pipeline.emitConversation(row.conversation_id);
      return toMessage(message(shopId, messageId));
    },
    'contacts/set-blocked': async ({ shopId, contactId, blocked }) => {
      const row = await store.db
        .updateTable('contacts')
        .set({ blocked: blocked ? 1 : 0 })
        .where('id', '=', contactId)
        .where('shop_id', '=', shopId)
        .returningAll()
        .executeTakeFirst();
      if (!row) throw new ContractError('not_found', `No contact ${contactId} in shop ${shopId}`);
      return { id: row.id, shopId: row.shop_id, jid: row.jid, name: row.name, blocked: row.blocked === 1 };
    },
    'quick-replies/list': async ({ shopId }) => {
      await requireShop(ctx, shopId);
      const rows = await store.db.selectFrom('quick_replies').selectAll().where('shop_id', '=', shopId).orderBy('name').execute();
      return rows.map((r) => ({ id: r.id, shopId: r.shop_id, name: r.name, text: r.text }));
    },
    'quick-replies/save': async ({ shopId, id, name, text }) => {
      await requireShop(ctx, shopId);
      const clash = await store.db
        .selectFrom('quick_replies')
        .select('id')
        .where('shop_id', '=', shopId)
        .where('name', '=', name)
        .executeTakeFirst();
      if (clash && clash.id !== id) throw new ContractError('conflict', `A quick reply named "${name}" already exists`);
      const row = id
        ? await store.db
            .updateTable('quick_replies')
            .set({ name, text })
            .where('id', '=', id)
            .where('shop_id', '=', shopId)
            .returningAll()
            .executeTakeFirst()
        : await store.db.insertInto('quick_replies').values({ shop_id: shopId, name, text }).returningAll().executeTakeFirst();
      if (!row) throw new ContractError('not_found', `No quick reply ${id}`);
      return { id: row.id, shopId: row.shop_id, name: row.name, text: row.text };
    },
    'quick-replies/delete': async ({ shopId, id }) => {
      const result = await store.db.deleteFrom('quick_replies').where('id', '=', id).where('shop_id', '=', shopId).executeTakeFirst();
      return { deleted: Number(result.numDeletedRows) > 0 };
    },
    'testphone/send': async ({ shopId, from, text }) => {
      await requireShop(ctx, shopId);
      const { messageId } = ctx.testPhone.send(shopId, from, text);
      const row = message(shopId, messageId);
      return { conversationId: row.conversation_id, messageId };
    },
    'testphone/thread': async ({ shopId, from }) => {
      await requireShop(ctx, shopId);
      return ctx.testPhone.thread(shopId, from);
    },
  };
}
