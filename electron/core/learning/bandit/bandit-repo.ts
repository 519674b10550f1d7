import type { Strategy } from '../../../../shared/domain/learning';
import type { WritableSqlite } from '../../store';

/**
 * The bandit's rows (strategy_choices, bandit_arms; migration 0032). Raw prepared statements: the
 * strategy is chosen synchronously, inside a transaction, on a conversation's first brain turn and
 * read on every turn after: the reply path bench/pipeline.ts times (reply p99 at 10 messages a second).
 */
export function makeBanditRepo(sqlite: WritableSqlite) {
  const s = {
    choice: sqlite.prepare<[number], { strategy: Strategy; segment: string; rewarded: number; shop_id: number }>(
      'SELECT strategy, segment, rewarded, shop_id FROM strategy_choices WHERE conversation_id = ?',
    ),
    arms: sqlite.prepare<[number, string], { strategy: Strategy; tries: number; orders: number }>(
      'SELECT strategy, tries, orders FROM bandit_arms WHERE shop_id = ? AND segment = ?',
    ),
    insertChoice: sqlite.prepare<[number, number, string, string, string]>(
      'INSERT OR IGNORE INTO strategy_choices (conversation_id, shop_id, segment, strategy, created_at) VALUES (?, ?, ?, ?, ?)',
    ),
    countTry: sqlite.prepare<[number, string, string]>(
      'INSERT INTO bandit_arms (shop_id, segment, strategy, tries) VALUES (?, ?, ?, 1) ON CONFLICT DO UPDATE SET tries = tries + 1',
    ),
    markRewarded: sqlite.prepare<[number]>('UPDATE strategy_choices SET rewarded = 1 WHERE conversation_id = ? AND rewarded = 0'),
    countOrder: sqlite.prepare<[number, string, string]>(
      'UPDATE bandit_arms SET orders = orders + 1 WHERE shop_id = ? AND segment = ? AND strategy = ?',
    ),
    all: sqlite.prepare<[number], { segment: string; strategy: Strategy; tries: number; orders: number }>(
      'SELECT segment, strategy, tries, orders FROM bandit_arms WHERE shop_id = ? ORDER BY segment, strategy',
    ),
    /** The segment's "returning": has this contact ordered in this shop before (an orders read). */
    ordered: sqlite.prepare<[number, number], { n: number }>('SELECT 1 AS n FROM orders WHERE shop_id = ? AND contact_id = ? LIMIT 1'),
  };
  return {
    /** Runs `work` in one transaction (a choice and its try are written together or not at all). */
    transaction: <A extends unknown[], R>(work: (...args: A) => R) => sqlite.transaction(work),
    choiceOf: (conversationId: number) => s.choice.get(conversationId),
    armsOf: (shopId: number, segment: string) => s.arms.all(shopId, segment),
    recordChoice(c: { conversationId: number; shopId: number; segment: string; strategy: Strategy; now: string }): void {
      s.insertChoice.run(c.conversationId, c.shopId, c.segment, c.strategy, c.now);
      s.countTry.run(c.shopId, c.segment, c.strategy);
    },
    /** Marks the conversation's choice rewarded and counts the order on its arm, once; false when it had none or was counted. */
    reward(conversationId: number): boolean {
      const choice = s.choice.get(conversationId);
      if (!choice || s.markRewarded.run(conversationId).changes === 0) return false;
      s.countOrder.run(choice.shop_id, choice.segment, choice.strategy);
      return true;
    },
    allArms: (shopId: number) => s.all.all(shopId),
    hasOrdered: (shopId: number, contactId: number): boolean => s.ordered.get(shopId, contactId) !== undefined,
  };
}
export type BanditRepo = ReturnType<typeof makeBanditRepo>;
