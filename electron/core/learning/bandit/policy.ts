import type { Strategy } from '../../../../shared/domain/learning';
import { type Random, sampleBeta } from './random';

export interface ArmStats {
  strategy: Strategy;
  tries: number;
  orders: number;
}

export type BanditAlgorithm = 'thompson' | 'epsilon_greedy';

/** The seed's ε-greedy: ε = 0.2, × 0.95 per conversation of that bandit, never below 0.02. */
export const epsilonAfter = (conversations: number): number => Math.max(0.02, 0.2 * 0.95 ** conversations);

/** Thompson sampling: one draw from each arm's Beta(1 + orders, 1 + misses), the highest wins. */
function thompson(arms: readonly ArmStats[], random: Random): ArmStats {
  let best = arms[0]!;
  let bestDraw = -1;
  for (const arm of arms) {
    const draw = sampleBeta(1 + arm.orders, 1 + Math.max(0, arm.tries - arm.orders), random);
    if (draw > bestDraw) {
      bestDraw = draw;
      best = arm;
    }
  }
  return best;
}

function epsilonGreedy(arms: readonly ArmStats[], random: Random): ArmStats {
  const conversations = arms.reduce((n, a) => n + a.tries, 0);
  if (random() < epsilonAfter(conversations)) return arms[Math.floor(random() * arms.length)]!;
  // Untried arms look perfect, so each is tried once before exploitation settles.
  const rate = (a: ArmStats) => (a.tries === 0 ? 1 : a.orders / a.tries);
  return arms.reduce((best, a) => (rate(a) > rate(best) ? a : best));
}

/** Picks a strategy among the eligible arms (never empty: the caller always allows some). */
export function chooseArm(arms: readonly ArmStats[], algorithm: BanditAlgorithm, random: Random): Strategy {
  if (arms.length === 0) throw new Error('No strategy to choose from');
  return (algorithm === 'thompson' ? thompson(arms, random) : epsilonGreedy(arms, random)).strategy;
}

/** 95 % Wilson interval of a conversion rate: honest for few tries and for 0 or 100 %. */
export function wilsonInterval(orders: number, tries: number, z = 1.96): { low: number; high: number } {
  if (tries === 0) return { low: 0, high: 1 };
  const p = orders / tries;
  const denominator = 1 + (z * z) / tries;
  const centre = (p + (z * z) / (2 * tries)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / tries + (z * z) / (4 * tries * tries))) / denominator;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}
