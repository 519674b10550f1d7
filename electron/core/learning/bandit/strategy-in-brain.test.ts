import { afterEach, describe, expect, it } from 'vitest';
import { ShopSettings } from '../../../../shared/domain/settings';
import type { Strategy } from '../../../../shared/domain/learning';
import { type Harness, makeLearningHarness } from '../test-utils/learning-harness';
import { applyStrategy, strategyLine, strategyPrompt } from '../../brain/strategy-lines';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const settings = ShopSettings.parse({});

describe('strategies change what the brains say', () => {
  it('each strategy has its own sentence; scarcity only with low limited stock, rational only with cash on delivery', () => {
    const low = { stock: 3 };
    const lines = (['consultative', 'scarcity', 'emotional', 'rational'] as const).map((s) => strategyLine(s, 'fr', low, settings));
    expect(new Set(lines).size).toBe(4);
    expect(strategyLine('scarcity', 'fr', low, settings)).toMatch(/\b3\b/);
    expect(strategyLine('scarcity', 'fr', { stock: null }, settings)).toBeNull();
    expect(strategyLine('scarcity', 'fr', { stock: 500 }, settings)).toBeNull();
    expect(strategyLine('rational', 'fr', low, ShopSettings.parse({ facts: { paymentMethods: ['bank_transfer'] } }))).toBeNull();
    expect(strategyPrompt('emotional')).toMatch(/emotional/);
    expect(strategyPrompt('scarcity')).not.toBe(strategyPrompt('rational'));
  });

  it('adds the sentence to a product answer, never to an escalation or an order step', async () => {
    const bySku = async () => ({ stock: 4 });
    const answer = { parts: ['Sac : 4 500 DA.'], intent: 'price_question', escalate: false, salesAction: 'none', skus: ['S1'] };
    await applyStrategy(answer, 'consultative', { language: 'fr', settings, bySku });
    expect(answer.parts).toHaveLength(2);
    const escalated = { ...answer, parts: ['…'], escalate: true };
    await applyStrategy(escalated, 'consultative', { language: 'fr', settings, bySku });
    expect(escalated.parts).toHaveLength(1);
    const ordering = { ...answer, parts: ['…'], intent: 'order_request' };
    await applyStrategy(ordering, 'emotional', { language: 'fr', settings, bySku });
    expect(ordering.parts).toHaveLength(1);
  });

  it('stores the conversation’s strategy on each bot message and the offline reply carries its sentence', async () => {
    h = await makeLearningHarness();
    const customers = ['+213550000011', '+213550000012', '+213550000013', '+213550000014', '+213550000015', '+213550000016'];
    for (const from of customers) await h.say(from, 'Bonjour, combien coûte la robe de soirée rouge ?');
    const rows = h.core.ctx.store.sqlite
      .prepare<[], { text: string; meta: string; strategy: Strategy }>(
        `SELECT m.text, m.meta, s.strategy FROM messages m JOIN strategy_choices s ON s.conversation_id = m.conversation_id WHERE m.direction = 'out' ORDER BY m.id`,
      )
      .all();
    expect(rows).toHaveLength(customers.length);
    for (const row of rows) {
      expect((JSON.parse(row.meta) as { strategy: string }).strategy).toBe(row.strategy);
      // The red evening dress has 3 in stock: every strategy has something true to say (scarcity's
      // stock line is the closer's own urgency line when that already said it).
      if (row.strategy === 'scarcity') expect(row.text).toMatch(/\b3\b/);
      else expect(row.text).toContain(strategyLine(row.strategy, 'fr', { stock: 3 }, settings));
    }
    expect(h.core.learning.bandit.stats(h.shopId).reduce((n, s) => n + s.tries, 0)).toBe(customers.length);
  });
});
