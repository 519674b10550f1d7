import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ShopSettings } from '../shared/domain/settings';
import { makeCoreOfflineBrain, makeShopCountryReader } from '../electron/core/brain/offline/wire';
import { makeShopFacts } from '../electron/core/brain/shop-facts';
import { makeShopsRepo } from '../electron/core/shops';
import { importCatalog } from '../electron/core/catalog/import/import-catalog';
import { makeProductsRepo } from '../electron/core/catalog/products-repo';
import { EventBus } from '../electron/core/events';
import { type Store, openDatabase } from '../electron/core/database';
import type { Brain } from '../electron/core/brain/types';
import { percentile, round } from './lib/util';
import { CATEGORIES, COLOURS, QUALIFIERS, syntheticCatalogCsv } from './catalog-10k';
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
 * Round `r`'s messages in the same kinds as MESSAGES, each naming another of the generated catalog's products (noun,
 * qualifier, colour), so the words a turn searches for are new to every cache kept across turns.
 */
export function unseenMessages(r: number): string[] {
  const nouns = CATEGORIES.flatMap(([, n]) => n);
  const noun = (k: number) => (nouns[(r * 7 + k) % nouns.length] ?? 'Sac').toLowerCase();
  const qualifier = (k: number) => QUALIFIERS[(r * 5 + k) % QUALIFIERS.length] ?? 'classique';
  const colour = (k: number) => COLOURS[(r * 3 + k) % COLOURS.length] ?? 'noir';
  return [
    `slm ch7al had ${noun(0)} ${colour(0)}?`,
    `Bonjour, vous avez ${noun(1)} ${qualifier(1)} en 41 ?`,
    `3andkom ${noun(2)} ${colour(2)} ${qualifier(2)}?`,
    "c'est trop cher, dernier prix ?",
    `How much is the ${qualifier(4)} ${noun(4)} in ${colour(4)}?`,
    'Quel est le délai de livraison à Tamanrasset ?',
    `nheb ncommandi ${noun(6)} ${colour(6)}, livraison l wahran`,
    'merci bcp 3lik',
  ];
}

/**
 * Times one full `decide` per message of MESSAGES, each round in a fresh conversation; the first 5 rounds warm the
 * JIT and are not kept. Wall and process CPU time (ms) per turn, each sorted: on a shared machine wall time mostly
 * measures the neighbours. CPU time per message too (same order as MESSAGES, each sorted): the p95 is the ordinary
 * time of the slowest kinds, so that is where to look.
 */
export async function timeTurns(
  store: Store,
  brain: Pick<Brain, 'decide'>,
  rounds: number,
  options: { coldCatalog?: boolean; firstRound?: number; messagesOf?: (round: number) => readonly string[] } = {},
): Promise<{ wall: number[]; cpu: number[]; cpuByMessage: number[][] }> {
  const wall: number[] = [];
  const cpu: number[] = [];
  const cpuByMessage: number[][] = MESSAGES.map(() => []);
  const first = options.firstRound ?? 0;
  // A product edit moves the catalog version, which empties every cache kept across turns (FTS answers, the
  // finder's maps): each round then pays what a turn costs right after the seller changed the catalog.
  const touchCatalog = store.sqlite.prepare(`UPDATE products SET updated_at = ? WHERE id = (SELECT MIN(id) FROM products)`);
  for (let r = first; r < first + rounds; r++) {
    if (options.coldCatalog) touchCatalog.run(`cold ${r}`);
    const contactId = Number(
      store.sqlite.prepare(`INSERT INTO contacts (shop_id, jid, created_at) VALUES (1, ?, 'now')`).run(`+2135500${r}`).lastInsertRowid,
    );
    const conversationId = Number(
      store.sqlite.prepare(`INSERT INTO conversations (shop_id, account_id, contact_id, created_at) VALUES (1, 1, ?, 'now')`).run(contactId)
        .lastInsertRowid,
    );
    for (const [i, text] of (options.messagesOf?.(r) ?? MESSAGES).entries()) {
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      await brain.decide({ shopId: 1, conversationId, contactId, inboundMessageIds: [r * 100 + i], text, history: [], now: new Date() });
      if (r < first + 5) continue;
      wall.push(performance.now() - t0);
      const used = process.cpuUsage(cpu0);
      cpu.push((used.user + used.system) / 1000);
      cpuByMessage[i]?.push((used.user + used.system) / 1000);
    }
  }
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  for (const times of cpuByMessage) times.sort((a, b) => a - b);
  return { wall, cpu, cpuByMessage };
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
 * conversation's memory read and written), fresh conversations, warm process. Wired as core-brain.ts
 * wires it (the shop facts cache, the shop's name), so the figure is the turn core runs.
 * `cpu_slowest_message_p50_ms`: the median CPU time of the slowest message (what the p95 is made of).
 * The messages repeat each round, so after warm-up the first figures are turns served partly from caches kept across
 * turns; `cold_*` are the same rounds with the catalog edited before each one, which empties those caches;
 * `unseen_*` keep the catalog and name other products every round (unseenMessages), as new customers do.
 */
export async function run(): Promise<{
  p50_ms: number;
  p95_ms: number;
  cpu_p50_ms: number;
  cpu_p95_ms: number;
  cpu_slowest_message_p50_ms: number;
  cold_p95_ms: number;
  cold_cpu_p95_ms: number;
  unseen_p95_ms: number;
  unseen_cpu_p95_ms: number;
  products: number;
}> {
  const { times, cold, unseen, products } = await measure(40);
  const { wall, cpu, cpuByMessage } = times;
  return {
    p50_ms: round(percentile(wall, 50)),
    p95_ms: round(percentile(wall, 95)),
    cpu_p50_ms: round(percentile(cpu, 50)),
    cpu_p95_ms: round(percentile(cpu, 95)),
    cpu_slowest_message_p50_ms: round(Math.max(...cpuByMessage.map((t) => percentile(t, 50)))),
    cold_p95_ms: round(percentile(cold.wall, 95)),
    cold_cpu_p95_ms: round(percentile(cold.cpu, 95)),
    unseen_p95_ms: round(percentile(unseen.wall, 95)),
    unseen_cpu_p95_ms: round(percentile(unseen.cpu, 95)),
    products,
  };
}

type Timed = Awaited<ReturnType<typeof timeTurns>>;

/** The offline brain on a fresh in-memory store with the 10,000-product catalog, timed over `rounds` rounds. */
export async function measure(rounds: number): Promise<{ times: Timed; cold: Timed; unseen: Timed; products: number }> {
  const store = await openDatabase({ file: ':memory:' });
  try {
    const products = seedBenchShop(store);
    const settings = ShopSettings.parse({ facts: { deliveryZones: [{ name: 'Oran', fee: 600, delayDays: '2-3' }] } });
    const bus = new EventBus();
    const services = makeCoreServices(store);
    // As core-brain.ts wires it: the per-shop facts cache (shop row, country, sales figures) the router shares.
    const facts = makeShopFacts({
      shops: makeShopsRepo(store.db),
      countryOf: makeShopCountryReader(store.sqlite),
      orders: services.orders,
      bus,
    });
    const brain = makeCoreOfflineBrain({
      db: store.db,
      sqlite: store.sqlite,
      settingsOf: async () => settings,
      shopName: async (shopId) => (await facts.shop(shopId))?.name ?? null,
      bus,
      ...services,
      facts,
    });
    const times = await timeTurns(store, brain, rounds);
    const cold = await timeTurns(store, brain, rounds, { coldCatalog: true, firstRound: rounds });
    const unseen = await timeTurns(store, brain, rounds, { messagesOf: unseenMessages, firstRound: 2 * rounds });
    return { times, cold, unseen, products };
  } finally {
    await store.close();
  }
}

/**
 * `npx tsx bench/brain.ts [rounds]`: the part's figures, then each message's CPU time per turn (p50 and p90, ms),
 * slowest first: where the p95 comes from.
 */
if (import.meta.url === `file://${process.argv[1]}`) {
  const { times } = await measure(Number(process.argv[2] ?? 40));
  const rows = MESSAGES.map((text, i) => {
    const t = times.cpuByMessage[i] ?? [];
    return { text, p50: round(percentile(t, 50)), p90: round(percentile(t, 90)) };
  }).sort((a, b) => b.p50 - a.p50);
  for (const r of rows) console.log(`${String(r.p50).padStart(6)} ${String(r.p90).padStart(6)}  ${r.text}`);
  console.log(JSON.stringify({ cpu_p95_ms: round(percentile(times.cpu, 95)), wall_p95_ms: round(percentile(times.wall, 95)) }));
}
