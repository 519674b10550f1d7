import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ShopSettings } from '../shared/domain/settings';
import { makeCoreOfflineBrain } from '../electron/core/brain/offline/wire';
import { importCatalog } from '../electron/core/catalog/import/import-catalog';
import { makeProductsRepo } from '../electron/core/catalog/products-repo';
import { EventBus } from '../electron/core/events';
import { type Store, openDatabase } from '../electron/core/database';
import type { Brain } from '../electron/core/brain/types';
import { percentile, round } from './lib/util';
import { syntheticCatalogCsv } from './catalog-10k';
import { makeCoreServices } from '../electron/core/services';

export const MESSAGES = [
  'slm ch7al had sac noir?',
  'Bonjour, vous avez les baskets en 41 ?',
  'السلام عليكم بشحال الفستان الأحمر؟',
  "c'est trop cher, dernier prix ?",
  'How much is the oud perfume gift box?',
  'Quel est le délai de livraison à Tamanrasset ?',
  'nheb ncommandi sac noir, livraison l wahran',
  'merci bcp 3lik',
];

export const PRODUCTS = 10_000;

/**
 * Times one full `decide` per message of MESSAGES, each round in a fresh conversation; the first 5 rounds warm the
 * JIT and are not kept. Wall and process CPU time (ms) per turn, each sorted: on a shared machine wall time mostly
 * measures the neighbours.
 */
export async function timeTurns(store: Store, brain: Pick<Brain, 'decide'>, rounds: number): Promise<{ wall: number[]; cpu: number[] }> {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const contactId = Number(
      store.sqlite.prepare(`INSERT INTO contacts (shop_id, jid, created_at) VALUES (1, ?, 'now')`).run(`+2135500${r}`).lastInsertRowid,
    );
    const conversationId = Number(
      store.sqlite.prepare(`INSERT INTO conversations (shop_id, account_id, contact_id, created_at) VALUES (1, 1, ?, 'now')`).run(contactId)
        .lastInsertRowid,
    );
    for (const [i, text] of MESSAGES.entries()) {
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      await brain.decide({ shopId: 1, conversationId, contactId, inboundMessageIds: [r * 100 + i], text, history: [], now: new Date() });
      if (r < 5) continue;
      wall.push(performance.now() - t0);
      const used = process.cpuUsage(cpu0);
      cpu.push((used.user + used.system) / 1000);
    }
  }
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return { wall, cpu };
}

/** Shop 1 with a simulator account and PRODUCTS synthetic products (from the Algerian fashion fixture); returns how many were stored. */
export function seedBenchShop(store: Store): number {
  store.sqlite.prepare(`INSERT INTO shops (id, name, currency, created_at) VALUES (1, 'Boutique Amina', 'DZD', 'now')`).run();
  store.sqlite
    .prepare(`INSERT INTO accounts (id, shop_id, channel, label, status, created_at) VALUES (1, 1, 'simulator', 'b', 'connected', 'now')`)
    .run();
  const fixture = readFileSync(path.join(import.meta.dirname, '../tests/fixtures/catalog-dz-fashion.csv'), 'utf8');
  importCatalog(makeProductsRepo(store.sqlite), {
    shopId: 1,
    csv: syntheticCatalogCsv(fixture, PRODUCTS),
    defaultCurrency: 'DZD',
    now: new Date().toISOString(),
  });
  return (store.sqlite.prepare('SELECT COUNT(*) AS n FROM products WHERE shop_id = 1').get() as { n: number }).n;
}

/**
 * Offline-brain decision time at 10,000 products, as core wires it: one full `decide` per message
 * (language, intent, FTS retrieval over the shop's catalog in SQLite, closer, order flow, the
 * conversation's memory read and written), fresh conversations, warm process.
 */
export async function run(): Promise<{ p50_ms: number; p95_ms: number; cpu_p50_ms: number; cpu_p95_ms: number; products: number }> {
  const store = await openDatabase({ file: ':memory:' });
  try {
    const products = seedBenchShop(store);
    const settings = ShopSettings.parse({ facts: { deliveryZones: [{ name: 'Oran', fee: 600, delayDays: '2-3' }] } });
    const brain = makeCoreOfflineBrain({
      db: store.db,
      sqlite: store.sqlite,
      settingsOf: async () => settings,
      bus: new EventBus(),
      ...makeCoreServices(store),
    });
    const { wall, cpu } = await timeTurns(store, brain, 40);
    return {
      p50_ms: round(percentile(wall, 50)),
      p95_ms: round(percentile(wall, 95)),
      cpu_p50_ms: round(percentile(cpu, 50)),
      cpu_p95_ms: round(percentile(cpu, 95)),
      products,
    };
  } finally {
    await store.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify({ brain: await run() }));
}
