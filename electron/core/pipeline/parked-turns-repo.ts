import type { WritableSqlite } from '../store';

import { PARKED_REASON } from '../../../shared/domain/escalation';
import { prepareConversationWrites } from '../conversations';

export { PARKED_REASON };

/**
 * The queue rows of turns that keep failing. Raw prepared statements: the worker parks a turn synchronously from its
 * failure path, in one transaction with the conversation's escalation (conversations' own write).
 *
 * Turns that keep failing are set aside instead of retried forever: their queue rows move to
 * 'parked' (restarts leave them alone too) and the conversation waits for the seller. Giving the
 * conversation back to the bot puts them back in the queue for one more round of tries.
 */
export function makeParkedTurnsRepo(sqlite: WritableSqlite) {
  const park = sqlite.prepare<[string, number]>(
    "UPDATE inbound_queue SET state = 'parked', route = ? WHERE conversation_id = ? AND state = 'pending'",
  );
  const { escalate } = prepareConversationWrites(sqlite);
  const unpark = sqlite.prepare<[number]>(
    "UPDATE inbound_queue SET state = 'pending', route = NULL WHERE conversation_id = ? AND state = 'parked'",
  );
  const shopOf = sqlite.prepare<[number], { shop_id: number }>('SELECT shop_id FROM conversations WHERE id = ?');
  const count = sqlite.prepare<[number], { n: number }>(
    "SELECT count(*) AS n FROM inbound_queue WHERE conversation_id = ? AND state = 'parked'",
  );

  return {
    /** Sets the conversation's pending turns aside; answers its shop and how many rows moved. */
    park: sqlite.transaction((conversationId: number, error: string): { shopId: number; parked: number } | null => {
      const shop = shopOf.get(conversationId);
      if (!shop) return null;
      const parked = park.run(error.slice(0, 500), conversationId).changes;
      escalate.run(PARKED_REASON, conversationId);
      return { shopId: shop.shop_id, parked };
    }),
    /** Back in the queue; answers how many rows. */
    unpark: (conversationId: number): number => unpark.run(conversationId).changes,
    parkedCount: (conversationId: number): number => count.get(conversationId)!.n,
  };
}
export type ParkedTurnsRepo = ReturnType<typeof makeParkedTurnsRepo>;
