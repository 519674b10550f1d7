import { afterEach, describe, expect, it } from 'vitest';
import { ShopSettings } from '../../../../shared/domain/settings';
import { makeProductsRepo } from '../../catalog/products-repo';
import { EventBus } from '../../events';
import { makeBrainStateRepo } from '../../orders/brain-state-repo';
import { type Store, openDatabase } from '../../database';
import { loadCatalog } from '../../../../tests/brain/harness';
import { TurnMemo } from '../retrieval/turn-memo';
import type { BrainInput } from '../types';
import { makeCoreOfflineBrain } from './wire';
import { makeCoreServices } from '../../services';

let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

const NOW = '2026-03-01T10:00:00.000Z';

async function setUp() {
  store = await openDatabase({ file: ':memory:' });
  store.sqlite.prepare("INSERT INTO shops (id, name, currency, created_at) VALUES (1, 'Boutique', 'DZD', ?)").run(NOW);
  store.sqlite
    .prepare("INSERT INTO accounts (id, shop_id, channel, label, status, created_at) VALUES (1, 1, 'simulator', 't', 'connected', ?)")
    .run(NOW);
  for (const c of [1, 2]) {
    store.sqlite.prepare('INSERT INTO contacts (id, shop_id, jid, created_at) VALUES (?, 1, ?, ?)').run(c, `+21355000000${c}`, NOW);
    store.sqlite
      .prepare('INSERT INTO conversations (id, shop_id, account_id, contact_id, created_at) VALUES (?, 1, 1, ?, ?)')
      .run(c, c, NOW);
  }
  const products = makeProductsRepo(store.sqlite);
  for (const p of loadCatalog('catalog-dz-fashion.csv', 1)) {
    const { id: _id, shopId: _s, ...input } = p;
    products.upsertOne(1, input, NOW);
  }
  const settings = ShopSettings.parse({ facts: { deliveryZones: [{ name: 'Oran', fee: 600, delayDays: '2' }] } });
  const brain = makeCoreOfflineBrain({
    db: store.db,
    sqlite: store.sqlite,
    settingsOf: async () => settings,
    bus: new EventBus(),
    ...makeCoreServices(store),
  });
  const memory = makeBrainStateRepo(store.db);
  return { brain, memory };
}

const input = (conversationId: number, text: string, id: number): BrainInput => ({
  shopId: 1,
  conversationId,
  contactId: conversationId,
  inboundMessageIds: [id],
  text,
  history: [],
  now: new Date(NOW),
});

/**
 * On an LLM turn the offline plan reads the turn but does not write a question's answer
 * (PlanOptions.compose = false): what it observes must be what a written plan observes, it can
 * never be committed, and order steps are written as always (their reply is the one that goes out).
 */
describe('an offline plan that does not compose', () => {
  it('observes the same memory as a composed plan, and cannot be committed', async () => {
    const { brain, memory } = await setUp();
    const text = 'slm ch7al had sac noir?';
    const composed = await brain.plan(input(1, text, 1));
    const unwritten = await brain.plan(input(2, text, 2), { compose: false, memo: new TurnMemo() });
    expect(composed.written).toBe(true);
    expect(composed.decision.reply).not.toBe('');
    expect(unwritten.written).toBe(false);
    expect(unwritten.decision.intent).toBe(composed.decision.intent);
    expect(unwritten.decision.language).toBe(composed.decision.language);
    await expect(unwritten.commit()).rejects.toThrow(/only observed/);
    await composed.observe();
    await unwritten.observe();
    expect(await memory.get(2)).toEqual(await memory.get(1));
  });

  it('writes an order step even when told not to compose', async () => {
    const { brain } = await setUp();
    const plan = await brain.plan(input(1, 'nheb ncommandi sac noir', 1), { compose: false });
    expect(plan.written).toBe(true);
    expect(plan.decision.intent).toBe('order_request');
    expect(plan.decision.reply).not.toBe('');
  });

  it('reads each catalog question once per turn through the memo', async () => {
    const { brain } = await setUp();
    const memo = new TurnMemo();
    await brain.plan(input(1, 'slm ch7al had sac noir?', 1), { memo });
    const afterFirst = memo.hits;
    // The second plan of the same turn (after the LLM read order slots) asks the same questions.
    await brain.plan(input(1, 'slm ch7al had sac noir?', 1), { memo });
    expect(memo.hits).toBeGreaterThan(afterFirst);
  });
});
