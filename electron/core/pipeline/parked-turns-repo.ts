import type { Database } from '../database';
import { type WritableSqlite, typedStatements } from '../store';

import { PARKED_REASON } from '../../../shared/domain/escalation';
import { prepareConversationWrites } from '../conversations';

export { PARKED_REASON };

/**
 * The queue rows of turns that keep failing. Prepared once (typedStatements) and synchronous: the worker parks a turn
 * from its failure path, in one transaction with the conversation's escalation (conversations' own write).
 *
 * Turns that keep failing are set aside instead of retried forever: their queue rows move to
 * 'parked' (restarts leave them alone too) and the conversation waits for the seller. Giving the
 * conversation back to the bot puts them back in the queue for one more round of tries.
 */
export function makeParkedTurnsRepo(sqlite: WritableSqlite) {
  const statements = typedStatements<Database>(sqlite);
  const park = statements.prepare((db, p: { route: string; conversationId: number }) =>
    db
      .updateTable('inbound_queue')
      .set({ state: 'parked', route: p.route })
      .where('conversation_id', '=', p.conversationId)
      .where('state', '=', 'pending'),
  );
  const { escalate } = prepareConversationWrites(sqlite);
  const unpark = statements.prepare((db, p: { conversationId: number }) =>
    db
      .updateTable('inbound_queue')
      .set({ state: 'pending', route: null })
      .where('conversation_id', '=', p.conversationId)
      .where('state', '=', 'parked'),
  );
  const shopOf = statements.prepare((db, p: { conversationId: number }) =>
    db.selectFrom('conversations').select('shop_id').where('id', '=', p.conversationId),
  );
  const count = statements.prepare((db, p: { conversationId: number }) =>
    db
      .selectFrom('inbound_queue')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('conversation_id', '=', p.conversationId)
      .where('state', '=', 'parked'),
  );

  return {
    /** Sets the conversation's pending turns aside; answers its shop and how many rows moved. */
    park: sqlite.transaction((conversationId: number, error: string): { shopId: number; parked: number } | null => {
      const shop = shopOf.get({ conversationId });
      if (!shop) return null;
      const parked = park.run({ route: error.slice(0, 500), conversationId }).changes;
      escalate.run(PARKED_REASON, conversationId);
      return { shopId: shop.shop_id, parked };
    }),
    /** Back in the queue; answers how many rows. */
    unpark: (conversationId: number): number => unpark.run({ conversationId }).changes,
    parkedCount: (conversationId: number): number => count.get({ conversationId })!.n,
  };
}
export type ParkedTurnsRepo = ReturnType<typeof makeParkedTurnsRepo>;
