import type { WritableSqlite } from '../store';

import { PARKED_REASON } from '../../../shared/domain/escalation';
import { prepareConversationWrites } from '../conversations';

export { PARKED_REASON };

/**
 * The waiting customer messages of turns that keep failing. Raw prepared statements: the worker parks a turn synchronously from its
 * failure path, in one transaction with the conversation's escalation (conversations' own write).
 *
 * Turns that keep failing are set aside instead of retried forever: their messages move to
 * 'parked' (restarts leave them alone too) and the conversation waits for the seller. Giving the
 * conversation back to the bot puts them back in the queue for one more round of tries.
 */
export function makeParkedTurnsRepo(sqlite: WritableSqlite) {
  // The waiting marker on the message rows (0091); the error is logged and the conversation escalated, not stored per row.
  // turn_state 1 = waiting, 2 = parked (0091).
  const park = sqlite.prepare<[number]>('UPDATE messages SET turn_state = 2 WHERE conversation_id = ? AND turn_state = 1');
  const { escalate } = prepareConversationWrites(sqlite);
  const unpark = sqlite.prepare<[number]>('UPDATE messages SET turn_state = 1 WHERE conversation_id = ? AND turn_state = 2');
  const shopOf = sqlite.prepare<[number], { shop_id: number }>('SELECT shop_id FROM conversations WHERE id = ?');
  const count = sqlite.prepare<[number], { n: number }>('SELECT count(*) AS n FROM messages WHERE conversation_id = ? AND turn_state = 2');

  return {
    /** Sets the conversation's pending turns aside; answers its shop and how many rows moved. */
    park: sqlite.transaction((conversationId: number): { shopId: number; parked: number } | null => {
      const shop = shopOf.get(conversationId);
      if (!shop) return null;
      const parked = park.run(conversationId).changes;
      escalate.run(PARKED_REASON, conversationId);
      return { shopId: shop.shop_id, parked };
    }),
    /** Back in the queue; answers how many rows. */
    unpark: (conversationId: number): number => unpark.run(conversationId).changes,
    parkedCount: (conversationId: number): number => count.get(conversationId)!.n,
  };
}
export type ParkedTurnsRepo = ReturnType<typeof makeParkedTurnsRepo>;
