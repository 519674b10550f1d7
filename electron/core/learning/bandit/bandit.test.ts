import { afterEach, describe, expect, it } from 'vitest';
import type { Strategy } from '../../../../shared/domain/learning';
import { openDatabase, type Store } from '../../database';
import { makeBandit, segmentOf } from './bandit';
import { type ArmStats, type BanditAlgorithm, chooseArm, epsilonAfter, wilsonInterval } from './policy';
import { mulberry32 } from './random';

/** A market where one strategy converts at 6 % and the others at 4 %. */
const MARKET: Record<Strategy, number> = { consultative: 0.04, scarcity: 0.04, emotional: 0.06, rational: 0.04 };
const BEST = 0.06;
const ROUNDS = 5_000;

function play(choose: (arms: ArmStats[]) => Strategy, seed: number) {
  const market = mulberry32(seed ^ 0x5bd1e995);
  const arms: ArmStats[] = (['consultative', 'scarcity', 'emotional', 'rational'] as const).map((strategy) => ({
    strategy,
    tries: 0,
    orders: 0,
  }));
  let regret = 0;
  const late = new Map<Strategy, number>();
  for (let t = 0; t < ROUNDS; t++) {
    const strategy = choose(arms);
    const arm = arms.find((a) => a.strategy === strategy)!;
    arm.tries += 1;
    if (market() < MARKET[strategy]) arm.orders += 1;
    regret += BEST - MARKET[strategy];
    if (t >= ROUNDS - 1_000) late.set(strategy, (late.get(strategy) ?? 0) + 1);
  }
  const mostChosenLate = [...late.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  return { regret, mostChosenLate };
}

const SEEDS = Array.from({ length: 20 }, (_, i) => 1_000 + i * 7_919);

function run(algorithm: BanditAlgorithm | 'uniform') {
  let regret = 0;
  let bestMostChosen = 0;
  for (const seed of SEEDS) {
    const random = mulberry32(seed);
    const result = play(
      (arms) => (algorithm === 'uniform' ? arms[Math.floor(random() * arms.length)]!.strategy : chooseArm(arms, algorithm, random)),
      seed,
    );
    regret += result.regret;
    if (result.mostChosenLate === 'emotional') bestMostChosen += 1;
  }
  return { regret, bestMostChosen };
}

describe('strategy bandit on a simulated market (6 % vs 4 %, 5,000 conversations, 20 seeds)', () => {
  it('Thompson sampling: regret at most half of uniform choice, the better arm most chosen late in ≥ 16 of 20 seeds', () => {
    const uniform = run('uniform');
    const thompson = run('thompson');
    expect(thompson.regret).toBeLessThanOrEqual(uniform.regret / 2);
    expect(thompson.bestMostChosen).toBeGreaterThanOrEqual(16);
  });

  it('the checker catches a bandit that does not learn (always the first arm)', () => {
    let regret = 0;
    for (const seed of SEEDS) regret += play((arms) => arms[0]!.strategy, seed).regret;
    const uniform = run('uniform');
    expect(regret).toBeGreaterThan(uniform.regret / 2);
  });

  it('ε-greedy (the option): ε = 0.2 decaying by 0.95 per conversation to 0.02, and it beats uniform', () => {
    expect(epsilonAfter(0)).toBe(0.2);
    expect(epsilonAfter(1)).toBeCloseTo(0.19);
    expect(epsilonAfter(10_000)).toBe(0.02);
    expect(run('epsilon_greedy').regret).toBeLessThan(run('uniform').regret);
  });

  it('reports a 95 % interval that contains the rate and narrows with tries', () => {
    const few = wilsonInterval(1, 20);
    const many = wilsonInterval(50, 1_000);
    expect(few.low).toBeLessThan(0.05);
    expect(few.high).toBeGreaterThan(0.05);
    expect(many.high - many.low).toBeLessThan(few.high - few.low);
  });
});

describe('bandit on the store', () => {
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });

  async function withConversations(n: number): Promise<Store> {
    store = await openDatabase({ file: ':memory:' });
    store.sqlite.exec(`INSERT INTO shops (name, currency, created_at) VALUES ('S', 'DZD', 'now');
      INSERT INTO accounts (shop_id, channel, label, created_at) VALUES (1, 'simulator', 'T', 'now');`);
    for (let i = 1; i <= n; i++) {
      store.sqlite.prepare(`INSERT INTO contacts (shop_id, jid, created_at) VALUES (1, ?, 'now')`).run(`${i}@s.whatsapp.net`);
      store.sqlite.prepare(`INSERT INTO conversations (shop_id, account_id, contact_id, created_at) VALUES (1, 1, ?, 'now')`).run(i);
    }
    return store;
  }

  it('keeps one strategy per conversation, counts one try, rewards an order once', async () => {
    const s = await withConversations(1);
    const bandit = makeBandit(s.sqlite, mulberry32(7));
    const ctx = {
      shopId: 1,
      conversationId: 1,
      segment: segmentOf(false, 'fr'),
      scarcityBacked: true,
      algorithm: 'thompson' as const,
      now: 'now',
    };
    const first = bandit.choose(ctx);
    expect(bandit.choose(ctx)).toBe(first);
    expect(bandit.reward(1)).toBe(true);
    expect(bandit.reward(1)).toBe(false);
    expect(bandit.stats(1)).toEqual([expect.objectContaining({ segment: 'new:fr', strategy: first, tries: 1, orders: 1, rate: 1 })]);
  });

  it('never chooses scarcity when stock does not back it', async () => {
    const s = await withConversations(300);
    const bandit = makeBandit(s.sqlite, mulberry32(11));
    const chosen = new Set<Strategy>();
    for (let i = 1; i <= 300; i++)
      chosen.add(
        bandit.choose({
          shopId: 1,
          conversationId: i,
          segment: 'new:dz-latn',
          scarcityBacked: false,
          algorithm: i % 2 ? 'thompson' : 'epsilon_greedy',
          now: 'now',
        }),
      );
    expect(chosen.has('scarcity')).toBe(false);
    expect(chosen.size).toBe(3);
  });
});
