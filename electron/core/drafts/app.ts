import { ContractError } from '../../../shared/contract';
import type { HandlerMap } from '../app';
import type { CoreContext } from '../context';
import { requireConversation, requireMessage, toMessage } from '../conversations';

/** Replies the bot wrote in approval mode: the seller sends (maybe edited) or rejects them. */
export function draftsHandlers(ctx: CoreContext): HandlerMap {
  const { repos, pipeline } = ctx;
  function draft(shopId: number, messageId: number) {
    const row = requireMessage(ctx, shopId, messageId);
    if (row.status !== 'draft') throw new ContractError('conflict', 'This reply is no longer waiting for approval');
    return row;
  }

  return {
    'drafts/approve': async ({ shopId, messageId, text }) => {
      const row = draft(shopId, messageId);
      const c = await requireConversation(ctx, shopId, row.conversation_id);
      pipeline.store.approveDraft(messageId, text ?? row.text, c.contactJid, ctx.clock.now().toISOString());
      pipeline.emitMessage(messageId, 'messages/status');
      pipeline.emitConversation(row.conversation_id);
      pipeline.markOutbound(row.conversation_id);
      return toMessage(requireMessage(ctx, shopId, messageId));
    },
    'drafts/reject': async ({ shopId, messageId }) => {
      const row = draft(shopId, messageId);
      pipeline.store.setMessageStatus(messageId, 'rejected');
      await repos.conversations.reopenPendingApproval(row.conversation_id);
      pipeline.emitMessage(messageId, 'messages/status');
      pipeline.emitConversation(row.conversation_id);
      return toMessage(requireMessage(ctx, shopId, messageId));
    },
  };
}
