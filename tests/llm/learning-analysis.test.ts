import { afterEach, describe, expect, it } from 'vitest';
import type { CallOutput } from '../../shared/contract';
import type { Harness } from '../../electron/core/learning/test-utils/learning-harness';
import { makeLearningHarness } from '../../electron/core/learning/test-utils/learning-harness';
import { call } from '../../electron/core/test-utils/temp-core';
import { completion } from '../../electron/core/test-utils/fake-openai-server';
import { fakeEndpointPerFile } from './endpoint-per-file';

/**
 * LLM-assisted analysis against a fake OpenAI-compatible endpoint on 127.0.0.1: what the model
 * proposes is kept only when the code finds it grounded; wrong prices, invented policies, stock
 * claims for an empty shelf and garbage are refused; the heuristics go on when the model cannot.
 */
const server = fakeEndpointPerFile();
let h: Harness | undefined;

afterEach(async () => {
  await h?.close();
  h = undefined;
});

const QUESTION = 'Le sac noir il est à combien ?';

/** A sale where the customer asked the bag's price (answered live by the bot) and then ordered. */
async function sale(t: Harness, phone: string, details: string): Promise<void> {
  await t.say(phone, QUESTION);
  await t.say(phone, 'nheb ncommandi sac noir');
  await t.say(phone, details);
  await t.say(phone, 'ih sa7a');
}

async function twoSalesThenModel(over: { dailyTokenCap?: number } = {}): Promise<Harness> {
  const t = await makeLearningHarness();
  await sale(t, '+213550000041', 'Amina Saidi, 0551112233, alger, cite 5 juillet bt 3');
  await sale(t, '+213550000042', 'Yacine Bouzid, 0662223344, oran, rue larbi ben mhidi 12');
  expect(t.core.ctx.store.sqlite.prepare('SELECT count(*) AS n FROM orders').get()).toEqual({ n: 2 });
  // Configured after the sales, so the customer turns above never reached the fake endpoint.
  await t.settings({ llm: { baseUrl: server.baseUrl, model: 'fake-model', ...over } });
  return t;
}

const pair = (question: string, answer: string, category = 'price', confidence = 0.9) => ({
  kind: 'qa',
  question,
  answer,
  keywords: ['sac', 'prix'],
  category,
  confidence,
});

describe('LLM-assisted analysis', () => {
  it('keeps grounded pairs, refuses wrong prices, invented answers, empty-stock claims and garbage', async () => {
    h = await twoSalesThenModel();
    server.script(
      completion({
        pairs: [
          pair(QUESTION, 'Le Sac à main cuir noir est à 4500 DA.'),
          pair(QUESTION, 'Le Sac à main cuir noir est à 3900 DA.'),
          pair('Vous faites les retours gratuits ?', 'Retour gratuit sous 30 jours.', 'returns'),
          pair(QUESTION, 'Garantie à vie et remboursement intégral sans conditions.', 'trust'),
          pair('le sac noir est disponible ?', "Oui, la Robe d'été fleurie est disponible.", 'availability'),
          { kind: 'qa', question: 'x' },
        ],
      }),
      completion('Sure! The customer wanted a bag and bought it.'),
    );
    const result = await call<CallOutput<'learning/learn-now'>>(h.core, 'learning/learn-now', { shopId: h.shopId });
    expect(result).toMatchObject({ analysed: 2, llm: { asked: 2, accepted: 1, rejected: 6 } });
    // The model saw the ordered conversation, the customer's question in it.
    expect(server.requests).toHaveLength(2);
    expect(server.requests[0]!.body.messages?.[1]?.content).toContain(`CUSTOMER: ${QUESTION}`);

    const overview = await call<CallOutput<'learning/get-overview'>>(h.core, 'learning/get-overview', { shopId: h.shopId });
    const answers = overview.entries.map((e) => e.answer);
    expect(answers).toContain('Le Sac à main cuir noir est à 4500 DA.');
    expect(answers.join('\n')).not.toMatch(/3900|Retour gratuit|Garantie à vie|Robe d'été/);
    const learned = overview.entries.find((e) => e.answer.includes('4500'))!;
    // Still the seller's decision, with the model's category and keywords, and a confidence below the seller's own words.
    expect(learned).toMatchObject({ status: 'pending', category: 'price', kind: 'qa', support: 1 });
    expect(learned.keywords).toEqual(expect.arrayContaining(['sac', 'prix']));
    expect(learned.confidence).toBeLessThanOrEqual(0.75);
  });

  it('a near-duplicate the model proposes in two sales merges into one entry', async () => {
    h = await twoSalesThenModel();
    server.script(
      completion({ pairs: [pair(QUESTION, 'Le Sac à main cuir noir est à 4500 DA.')] }),
      completion({ pairs: [pair('le sac noir à combien svp ?', 'Sac à main cuir noir : 4500 DA.')] }),
    );
    const result = await call<CallOutput<'learning/learn-now'>>(h.core, 'learning/learn-now', { shopId: h.shopId });
    expect(result).toMatchObject({ analysed: 2, learned: 1, merged: 1, llm: { asked: 2, accepted: 2, rejected: 0 } });
    const overview = await call<CallOutput<'learning/get-overview'>>(h.core, 'learning/get-overview', { shopId: h.shopId });
    expect(overview.entries).toHaveLength(1);
    expect(overview.entries[0]).toMatchObject({ support: 2, status: 'pending' });
  });

  it('respects the daily token cap: past it, the rest of the pass is heuristics only', async () => {
    h = await twoSalesThenModel({ dailyTokenCap: 100 });
    // One step only: a second one left unasked would leak into the next test.
    server.script(completion({ pairs: [] }, 150));
    server.fallback = completion({ pairs: [] }, 150);
    const result = await call<CallOutput<'learning/learn-now'>>(h.core, 'learning/learn-now', { shopId: h.shopId });
    expect(result).toMatchObject({ analysed: 2, llm: { asked: 1 } });
    expect(server.requests).toHaveLength(1);
  });

  it('a failing endpoint costs one request; the heuristics still learn what they can', async () => {
    h = await twoSalesThenModel();
    const result = await call<CallOutput<'learning/learn-now'>>(h.core, 'learning/learn-now', { shopId: h.shopId });
    expect(result).toMatchObject({ analysed: 2, llm: { asked: 1, accepted: 0 } });
    expect(server.requests).toHaveLength(1);
    const again = await call<CallOutput<'learning/learn-now'>>(h.core, 'learning/learn-now', { shopId: h.shopId });
    expect(again).toMatchObject({ analysed: 0 });
  });
});
