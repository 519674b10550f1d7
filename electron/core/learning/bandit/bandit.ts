import type SQLite from 'better-sqlite3';
import { Strategy, type StrategyStat } from '../../../../shared/domain/learning';
import type { CustomerLanguage } from '../../../../shared/domain/schemas';
import { type BanditAlgorithm, chooseArm, wilsonInterval } from './policy';
import { type Random, mulberry32 } from './random';

const STRATEGIES = Strategy.options;

/** A segment: new or returning customer × the language they write in. */
export const segmentOf = (returning: boolean, language: CustomerLanguage): string => `${returning ? 'returning' : 'new'}:${language}`;

export interface ChoiceContext {
  shopId: number;
  conversationId: number;
  segment: string;
  /** False when no product in play has limited stock that backs "only N left". */
  scarcityBacked: boolean;
  algorithm: BanditAlgorithm;
  now: string;
}

/**
 * The strategy bandit on the store: each conversation gets one strategy (chosen on its first
 * turn, kept after), counted as a try of its arm; an order in that conversation is the reward,
 * counted once.
 */
export function makeBandit(sqlite: SQLite.Database, random?: Random) {
  // Without an injected source, each choice draws from a generator seeded by the conversation and
  // the arms' counts: still a fair random draw, and a turn re-run after a crash chooses the same.
  const randomFor = (conversationId: number, tries: number): Random => random ?? mulberry32(Math.imul(conversationId, 0x9e3779b1) ^ tries);
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
  };

  const choose = sqlite.transaction((ctx: ChoiceContext): Strategy => {
    const known = s.choice.get(ctx.conversationId);
    if (known) return known.strategy;
    const stored = new Map(s.arms.all(ctx.shopId, ctx.segment).map((a) => [a.strategy, a]));
    const eligible = STRATEGIES.filter((strategy) => strategy !== 'scarcity' || ctx.scarcityBacked).map((strategy) => ({
      strategy,
      tries: stored.get(strategy)?.tries ?? 0,
      orders: stored.get(strategy)?.orders ?? 0,
    }));
    const strategy = chooseArm(
      eligible,
      ctx.algorithm,
      randomFor(
        ctx.conversationId,
        eligible.reduce((n, a) => n + a.tries, 0),
      ),
    );
    s.insertChoice.run(ctx.conversationId, ctx.shopId, ctx.segment, strategy, ctx.now);
    s.countTry.run(ctx.shopId, ctx.segment, strategy);
    return strategy;
  });

  const reward = sqlite.transaction((conversationId: number): boolean => {
    const choice = s.choice.get(conversationId);
    if (!choice || s.markRewarded.run(conversationId).changes === 0) return false;
    s.countOrder.run(choice.shop_id, choice.segment, choice.strategy);
    return true;
  });

  return {
    /** The conversation's strategy: the one it has, else a new choice (a try of that arm). */
    choose,
    /** The strategy already chosen for a conversation, if any (no choice is made). */
    chosen: (conversationId: number): Strategy | null => s.choice.get(conversationId)?.strategy ?? null,
    /** An order in the conversation: its strategy's reward, counted once. */
    reward,
    stats(shopId: number): StrategyStat[] {
      return s.all.all(shopId).map((a) => ({ ...a, rate: a.tries ? a.orders / a.tries : 0, ...wilsonInterval(a.orders, a.tries) }));
    },
  };
}
export type Bandit = ReturnType<typeof makeBandit>;
