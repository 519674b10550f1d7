import { ContractError } from '../../../shared/contract';
import type { Conversation } from '../../../shared/domain/schemas';
import type { CoreContext } from '../context';
import type { MessageRow } from './conversations-repo';

/** The conversation, or a typed not_found error for the caller (a conversation of another shop is not found). */
export async function requireConversation(ctx: Pick<CoreContext, 'repos'>, shopId: number, conversationId: number): Promise<Conversation> {
  const found = await ctx.repos.conversations.get(shopId, conversationId);
  if (!found) throw new ContractError('not_found', `No conversation ${conversationId} in shop ${shopId}`);
  return found;
}

/** The stored message row, or not_found (a message of another shop is not found). */
export function requireMessage(ctx: Pick<CoreContext, 'pipeline'>, shopId: number, messageId: number): MessageRow {
  const row = ctx.pipeline.store.message(messageId);
  if (!row || row.shop_id !== shopId) throw new ContractError('not_found', `No message ${messageId} in shop ${shopId}`);
  return row;
}
