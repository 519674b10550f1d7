import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BR_SHOP, DZ_SHOP, type Harness, makeHarness, readJsonl } from './harness';

interface Labelled {
  text: string;
  lang: string;
  intent: string;
  sku?: string;
  shop?: 'dz' | 'br';
}

const read = (file: string) => readJsonl<Labelled>(file);

// The dev set mixes both sample shops; a line's product prefix says which catalog it is about.
const shopOf = (m: Labelled) => (m.shop === 'br' || m.sku?.startsWith('BR-') ? BR_SHOP : DZ_SHOP);

interface Score {
  n: number;
  language: number;
  intent: number;
  productN: number;
  product: number;
  misses: { text: string; expected: string; got: string }[];
}

async function measure(h: Harness, set: Labelled[]): Promise<Score> {
  const s: Score = { n: 0, language: 0, intent: 0, productN: 0, product: 0, misses: [] };
  for (const m of set) {
    // Each message opens a fresh conversation: no memory helps it.
    const customer = await h.conversation(shopOf(m));
    const d = await customer.say(m.text);
    s.n += 1;
    if (d.language === m.lang) s.language += 1;
    else s.misses.push({ text: m.text, expected: `lang ${m.lang}`, got: d.language });
    if (d.intent === m.intent) s.intent += 1;
    else s.misses.push({ text: m.text, expected: `intent ${m.intent}`, got: d.intent });
    if (m.sku) {
      s.productN += 1;
      if (d.skus[0] === m.sku) s.product += 1;
      else s.misses.push({ text: m.text, expected: `sku ${m.sku}`, got: d.skus.join(',') || '-' });
    }
    expect(d.reply.trim().length, `every message is answered: ${m.text}`).toBeGreaterThan(0);
  }
  return s;
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : Math.round((a / b) * 1000) / 1000);
const summary = (s: Score) => ({
  messages: s.n,
  language: ratio(s.language, s.n),
  intent: ratio(s.intent, s.n),
  product: ratio(s.product, s.productN),
  productMessages: s.productN,
  misses: s.misses,
});

describe('offline brain accuracy', () => {
  let h: Harness;
  const report: Record<string, ReturnType<typeof summary>> = {};
  beforeAll(async () => {
    h = await makeHarness();
  });
  afterAll(async () => {
    await h.close();
    const out = path.resolve('test-results/brain-accuracy.json');
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify({ generatedAt: new Date().toISOString(), ...report }, null, 2)}\n`);
  });

  it('meets the thresholds on the dev set', async () => {
    const s = summary(await measure(h, read(path.resolve('tests/fixtures/messages-dev.jsonl'))));
    report.dev = s;
    expect(s.language).toBeGreaterThanOrEqual(0.9);
    expect(s.intent).toBeGreaterThanOrEqual(0.8);
    expect(s.product).toBeGreaterThanOrEqual(0.85);
  });

  it('meets the thresholds on the held-out set (150+ messages, 7 languages)', async () => {
    const set = read(path.resolve('tests/brain/fixtures/heldout.jsonl'));
    expect(set.length).toBeGreaterThanOrEqual(150);
    expect(new Set(set.map((m) => m.lang)).size).toBe(7);
    const s = summary(await measure(h, set));
    report.heldout = s;
    expect(s.language).toBeGreaterThanOrEqual(0.9);
    expect(s.intent).toBeGreaterThanOrEqual(0.8);
    expect(s.product).toBeGreaterThanOrEqual(0.85);
  });

  // A second set written after the rules, measured once before any change (language 0.943,
  // intent 0.886, product 1.0 on that first run); kept so regressions show.
  it('meets the thresholds on the later set (70 messages)', async () => {
    const s = summary(await measure(h, read(path.resolve('tests/brain/fixtures/blind.jsonl'))));
    report.later = s;
    expect(s.language).toBeGreaterThanOrEqual(0.9);
    expect(s.intent).toBeGreaterThanOrEqual(0.8);
    expect(s.product).toBeGreaterThanOrEqual(0.85);
  });
});
