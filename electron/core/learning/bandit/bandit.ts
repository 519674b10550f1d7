import { Strategy, type StrategyStat } from '../../../../shared/domain/learning';
import type { CustomerLanguage } from '../../../../shared/domain/schemas';
import type { WritableSqlite } from '../../store';
import { makeBanditRepo } from './bandit-repo';
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
export function makeBandit(sqlite: WritableSqlite, random?: Random) {
  // Without an injected source, each choice draws from a generator seeded by the conversation and
  // the arms' counts: still a fair random draw, and a turn re-run after a crash chooses the same.
  const randomFor = (conversationId: number, tries: number): Random => random ?? mulberry32(Math.imul(conversationId, 0x9e3779b1) ^ tries);
  const repo = makeBanditRepo(sqlite);
  const choose = repo.transaction((ctx: ChoiceContext): Strategy => {
    const known = repo.choiceOf(ctx.conversationId);
    if (known) return known.strategy;
    const stored = new Map(repo.armsOf(ctx.shopId, ctx.segment).map((a) => [a.strategy, a]));
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
    repo.recordChoice({ conversationId: ctx.conversationId, shopId: ctx.shopId, segment: ctx.segment, strategy, now: ctx.now });
    return strategy;
  });

  const reward = repo.transaction((conversationId: number): boolean => repo.reward(conversationId));

  return {
    /** The conversation's strategy: the one it has, else a new choice (a try of that arm). */
    choose,
    /** The strategy already chosen for a conversation, if any (no choice is made). */
    chosen: (conversationId: number): Strategy | null => repo.choiceOf(conversationId)?.strategy ?? null,
    /** An order in the conversation: its strategy's reward, counted once. */
    reward,
    /** Whether the contact has ordered in this shop before: the segment's "returning". */
    hasOrdered: repo.hasOrdered,
    stats(shopId: number): StrategyStat[] {
      return repo.allArms(shopId).map((a) => ({ ...a, rate: a.tries ? a.orders / a.tries : 0, ...wilsonInterval(a.orders, a.tries) }));
    },
  };
}
export type Bandit = ReturnType<typeof makeBandit>;
