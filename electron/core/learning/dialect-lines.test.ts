import { afterEach, describe, expect, it } from 'vitest';
import type { Dialect } from '../../../shared/domain/country';
import type { Strategy } from '../../../shared/domain/learning';
import { ShopSettings } from '../../../shared/domain/settings';
import { strategyLine } from '../brain/strategy-lines';
import { followUpText } from './follow-ups/follow-up-text';
import { type Harness, makeLearningHarness } from './test-utils/learning-harness';

const MIN = 60_000;
const settings = ShopSettings.parse({});
const BAG = { name: 'Sac à main cuir noir', altNames: [], price: 4500, currency: 'DZD', stock: 7 };
const STRATEGIES: Strategy[] = ['consultative', 'scarcity', 'emotional', 'rational'];
const ARABIC = /[\u0600-\u06FF]/;
const LATIN = /[a-z]/i;

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function shopIn(country: 'MA' | 'TN'): Promise<Harness> {
  const t = await makeLearningHarness();
  await t.core.ctx.repos.shops.setCountry(t.shopId, country);
  return t;
}

describe('Moroccan and Tunisian Darija in learning’s lines', () => {
  it.each([
    ['ma', 'dz-latn', LATIN],
    ['ma', 'ar-dz', ARABIC],
    ['tn', 'dz-latn', LATIN],
    ['tn', 'ar-dz', ARABIC],
  ] as const)('%s dialect, %s script: its own follow-up and strategy lines, in the customer’s script', (dialect, language, script) => {
    const followUp = followUpText(BAG, language, 5, dialect);
    expect(followUp).not.toBe(followUpText(BAG, language, 5, 'dz'));
    expect(followUp).toMatch(script);
    // Latin Darija keeps its digits for the sounds Latin lacks (3, 7, 9).
    if (script === LATIN) expect(followUp).toMatch(/[a-z][379]|[379][a-z]/i);
    expect(followUp).toContain('4');
    for (const s of STRATEGIES) {
      const line = strategyLine(s, language, { stock: 4 }, settings, dialect)!;
      expect(line).not.toBe(strategyLine(s, language, { stock: 4 }, settings, 'dz'));
      expect(line).toMatch(script);
    }
    expect(strategyLine('scarcity', language, { stock: 4 }, settings, dialect)).toMatch(/\b4\b|4/);
  });

  it.each([
    ['MA', 'ma', 'slm ch7al had sac noir?', /Wach mazal bghiti/],
    ['TN', 'tn', 'slm ch7al had sac noir?', /3aslema/],
    ['MA', 'ma', 'السلام بشحال الصاك الأسود؟', /واش مازال بغيتي/],
    ['TN', 'tn', 'السلام بقداش الصاك الأسود؟', /عسلامة/],
  ] as const)('a %s shop’s follow-up speaks its Darija (%s): %s', async (country, _dialect, text, expected) => {
    h = await shopIn(country);
    await h.say('+212600000001', text);
    await h.advance(31 * MIN);
    const [f] = h.followUps();
    expect(f?.text).toMatch(expected);
    expect(f?.text).toMatch(/Sac à main cuir noir|حقيبة يد جلد سوداء/);
  });

  it('the offline brain’s strategy sentence follows the shop’s country', async () => {
    h = await shopIn('MA');
    const customers = ['+212600000011', '+212600000012', '+212600000013', '+212600000014', '+212600000015'];
    for (const from of customers) await h.say(from, 'slm ch7al robe de soirée rouge?');
    const rows = h.core.ctx.store.sqlite
      .prepare<[], { text: string; strategy: Strategy }>(
        `SELECT m.text, s.strategy FROM messages m JOIN strategy_choices s ON s.conversation_id = m.conversation_id WHERE m.direction = 'out' ORDER BY m.id`,
      )
      .all();
    expect(rows).toHaveLength(customers.length);
    for (const row of rows) {
      if (row.strategy === 'scarcity') continue; // the closer's urgency line may say the stock first
      expect(row.text).toContain(strategyLine(row.strategy, 'dz-latn', { stock: 3 }, settings, 'ma' satisfies Dialect));
    }
  });
});
