import { sql } from 'kysely';
import type { Database } from '../database';
import { type WritableSqlite, typedStatements } from '../store';

import { PARKED_REASON } from '../../../shared/domain/escalation';
import { prepareConversationWrites } from '../conversations';

export { PARKED_REASON };

/** `messages.turn_state` (migration 0091): 1 = waiting for its turn, 2 = parked. */
const WAITING = 1;
const PARKED = 2;

/**
 * The waiting customer messages of turns that keep failing. Prepared once (typedStatements) and synchronous: the
 * worker parks a turn from its failure path, in one transaction with the conversation's escalation (conversations'
 * own write).
 *
 * Turns that keep failing are set aside instead of retried forever: their messages move to
 * 'parked' (restarts leave them alone too) and the conversation waits for the seller. Giving the
 * conversation back to the bot puts them back in the queue for one more round of tries.
 */
export function makeParkedTurnsRepo(sqlite: WritableSqlite) {
  const statements = typedStatements<Database>(sqlite);
  // The error is logged and the conversation escalated, not stored per row. The states are literals in the SQL, as the
  // partial index of waiting rows (messages_turn_pending) needs to be chosen.
  const move = (from: number, to: number) =>
    statements.prepare((db, p: { conversationId: number }) =>
      db
        .updateTable('messages')
        .set({ turn_state: to })
        .where('conversation_id', '=', p.conversationId)
        .where('turn_state', '=', sql.lit(from)),
    );
  const park = move(WAITING, PARKED);
  const unpark = move(PARKED, WAITING);
  const { escalate } = prepareConversationWrites(sqlite);
  const shopOf = statements.prepare((db, p: { conversationId: number }) =>
    db.selectFrom('conversations').select('shop_id').where('id', '=', p.conversationId),
  );
  const count = statements.prepare((db, p: { conversationId: number }) =>
    db
      .selectFrom('messages')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('conversation_id', '=', p.conversationId)
      .where('turn_state', '=', sql.lit(PARKED)),
  );

  return {
    /** Sets the conversation's pending turns aside; answers its shop and how many rows moved. */
    park: sqlite.transaction((conversationId: number): { shopId: number; parked: number } | null => {
      const shop = shopOf.get({ conversationId });
      if (!shop) return null;
      const parked = park.run({ conversationId }).changes;
      escalate.run(PARKED_REASON, conversationId);
      return { shopId: shop.shop_id, parked };
    }),
    /** Back in the queue; answers how many rows. */
    unpark: (conversationId: number): number => unpark.run({ conversationId }).changes,
    parkedCount: (conversationId: number): number => count.get({ conversationId })!.n,
  };
}
export type ParkedTurnsRepo = ReturnType<typeof makeParkedTurnsRepo>;
