import type { Strategy } from '../../../../shared/domain/learning';
import type { Database } from '../../database';
import { type WritableSqlite, typedStatements } from '../../store';

/**
 * The bandit's rows (strategy_choices, bandit_arms; migration 0032). Statements prepared once: the
 * strategy is chosen synchronously, inside a transaction, on a conversation's first brain turn and
 * read on every turn after: the reply path bench/pipeline.ts times (reply p99 at 10 messages a second).
 */
export function makeBanditRepo(sqlite: WritableSqlite) {
  const statements = typedStatements<Database>(sqlite);
  const s = {
    choice: statements.prepare((db, p: { conversationId: number }) =>
      db
        .selectFrom('strategy_choices')
        .select(['strategy', 'segment', 'rewarded', 'shop_id'])
        .where('conversation_id', '=', p.conversationId)
        .$narrowType<{ strategy: Strategy }>(),
    ),
    arms: statements.prepare((db, p: { shopId: number; segment: string }) =>
      db
        .selectFrom('bandit_arms')
        .select(['strategy', 'tries', 'orders'])
        .where('shop_id', '=', p.shopId)
        .where('segment', '=', p.segment)
        .$narrowType<{ strategy: Strategy }>(),
    ),
    insertChoice: statements.prepare((db, p: { conversationId: number; shopId: number; segment: string; strategy: string; now: string }) =>
      db
        .insertInto('strategy_choices')
        .orIgnore()
        .values({ conversation_id: p.conversationId, shop_id: p.shopId, segment: p.segment, strategy: p.strategy, created_at: p.now }),
    ),
    countTry: statements.prepare((db, p: { shopId: number; segment: string; strategy: string }) =>
      db
        .insertInto('bandit_arms')
        .values({ shop_id: p.shopId, segment: p.segment, strategy: p.strategy, tries: 1 })
        .onConflict((oc) => oc.doUpdateSet((eb) => ({ tries: eb('tries', '+', 1) }))),
    ),
    markRewarded: statements.prepare((db, p: { conversationId: number }) =>
      db.updateTable('strategy_choices').set({ rewarded: 1 }).where('conversation_id', '=', p.conversationId).where('rewarded', '=', 0),
    ),
    countOrder: statements.prepare((db, p: { shopId: number; segment: string; strategy: string }) =>
      db
        .updateTable('bandit_arms')
        .set((eb) => ({ orders: eb('orders', '+', 1) }))
        .where('shop_id', '=', p.shopId)
        .where('segment', '=', p.segment)
        .where('strategy', '=', p.strategy),
    ),
    all: statements.prepare((db, p: { shopId: number }) =>
      db
        .selectFrom('bandit_arms')
        .select(['segment', 'strategy', 'tries', 'orders'])
        .where('shop_id', '=', p.shopId)
        .orderBy('segment')
        .orderBy('strategy')
        .$narrowType<{ strategy: Strategy }>(),
    ),
    /** The segment's "returning": has this contact ordered in this shop before (an orders read). */
    ordered: statements.prepare((db, p: { shopId: number; contactId: number }) =>
      db
        .selectFrom('orders')
        .select((eb) => eb.lit(1).as('n'))
        .where('shop_id', '=', p.shopId)
        .where('contact_id', '=', p.contactId)
        .limit(1),
    ),
  };
  return {
    /** Runs `work` in one transaction (a choice and its try are written together or not at all). */
    transaction: <A extends unknown[], R>(work: (...args: A) => R) => sqlite.transaction(work),
    choiceOf: (conversationId: number) => s.choice.get({ conversationId }),
    armsOf: (shopId: number, segment: string) => s.arms.all({ shopId, segment }),
    recordChoice(c: { conversationId: number; shopId: number; segment: string; strategy: Strategy; now: string }): void {
      s.insertChoice.run(c);
      s.countTry.run(c);
    },
    /** Marks the conversation's choice rewarded and counts the order on its arm, once; false when it had none or was counted. */
    reward(conversationId: number): boolean {
      const choice = s.choice.get({ conversationId });
      if (!choice || s.markRewarded.run({ conversationId }).changes === 0) return false;
      s.countOrder.run({ shopId: choice.shop_id, segment: choice.segment, strategy: choice.strategy });
      return true;
    },
    allArms: (shopId: number) => s.all.all({ shopId }),
    hasOrdered: (shopId: number, contactId: number): boolean => s.ordered.get({ shopId, contactId }) !== undefined,
  };
}
export type BanditRepo = ReturnType<typeof makeBanditRepo>;
