import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ShopSettings } from '../../../shared/domain/settings';
import { buildPrompt } from '../brain/llm/prompt';
import { makeCoreOfflineBrain } from '../brain/offline/wire';
import { EventBus } from '../events';
import { type Store, openDatabase } from '../database';
import { exportCatalogCsv } from './import/export-csv';
import { importCatalog } from './import/import-catalog';
import { makeProductsRepo } from './products-repo';
import { makeCoreServices } from '../services';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '../../../tests/fixtures', name), 'utf8');
const NOW = '2026-03-01T10:00:00.000Z';
let store: Store;

beforeEach(async () => {
  store = await openDatabase({ file: ':memory:' });
  for (const id of [1, 2])
    store.sqlite.prepare(`INSERT INTO shops (id, name, currency, created_at) VALUES (?, 'Dar Lalla', 'MAD', ?)`).run(id, NOW);
});
afterEach(() => store.close());

const variantFacts = (shopId: number) =>
  makeProductsRepo(store.sqlite)
    .all(shopId)
    .map((p) => ({
      sku: p.sku,
      price: p.price,
      stock: p.stock,
      variants: p.variants.map((v) => [v.name, v.sku, v.price, v.stock, v.options ?? []]),
    }));

describe('variants: export → import round trip', () => {
  it('keeps every variant SKU, price, stock and options of a Shopify and a WooCommerce import', () => {
    const repo = makeProductsRepo(store.sqlite);
    for (const file of ['shopify-products-sample.csv', 'woocommerce-products-sample.csv', 'catalog-dz-fashion.csv']) {
      importCatalog(repo, { shopId: 1, csv: fixture(file), defaultCurrency: 'MAD', now: NOW });
    }
    const before = variantFacts(1);
    expect(before.find((p) => p.sku === 'TSH-DZ')?.variants).toContainEqual(['L', 'TSH-DZ-L', 1500, 6, [{ name: 'Taille', value: 'L' }]]);

    const csv = exportCatalogCsv(repo.all(1));
    const again = importCatalog(repo, { shopId: 2, csv, defaultCurrency: 'MAD', now: NOW });
    expect(again.errors).toEqual([]);
    expect(variantFacts(2)).toEqual(before);
    // One row per variant: the difference between rows read and products made is explained.
    const grouped = again.assumptions.find((a) => a.code === 'variants_grouped');
    expect(again.created + (grouped?.count ?? 0)).toBe(again.totalRows);
  });
});

describe('variants: what the bot says', () => {
  async function ask(text: string) {
    const { sqlite } = store;
    sqlite
      .prepare(`INSERT INTO accounts (id, shop_id, channel, label, status, created_at) VALUES (1, 1, 'simulator', 't', 'connected', ?)`)
      .run(NOW);
    const contactId = Number(
      sqlite.prepare(`INSERT INTO contacts (shop_id, jid, created_at) VALUES (1, '+212600000001', ?)`).run(NOW).lastInsertRowid,
    );
    const conversationId = Number(
      sqlite.prepare(`INSERT INTO conversations (shop_id, account_id, contact_id, created_at) VALUES (1, 1, ?, ?)`).run(contactId, NOW)
        .lastInsertRowid,
    );
    const brain = makeCoreOfflineBrain({
      db: store.db,
      sqlite,
      settingsOf: async () => ShopSettings.parse({}),
      bus: new EventBus(),
      ...makeCoreServices(store),
    });
    return brain.decide({ shopId: 1, conversationId, contactId, inboundMessageIds: [1], text, history: [], now: new Date(NOW) });
  }

  it('never calls a product sold out while one of its sizes is in stock, even when the stored product stock says 0', async () => {
    importCatalog(makeProductsRepo(store.sqlite), {
      shopId: 1,
      csv: fixture('shopify-products-sample.csv'),
      defaultCurrency: 'MAD',
      now: NOW,
    });
    // A row written before variants were reconciled: product stock 0, sizes S and L in stock.
    store.sqlite.prepare(`UPDATE products SET stock = 0 WHERE sku = 'caftan-velours'`).run();
    const d = await ask('caftan velours disponible ?');
    expect(d.skus).toContain('caftan-velours');
    expect(d.reply).toMatch(/S \/ Bordeaux/);
    expect(d.reply).toMatch(/L \/ Vert/);
    expect(d.reply).not.toMatch(/M \/ Bordeaux/);
    expect(d.reply).not.toMatch(/plus disponible|épuisé|out of stock/i);
  });
});

describe('variants: what an LLM brain is told', () => {
  it('lists each variant with its SKU, the price that applies and its stock, a sold-out size named as such', () => {
    importCatalog(makeProductsRepo(store.sqlite), {
      shopId: 1,
      csv: fixture('shopify-products-sample.csv'),
      defaultCurrency: 'MAD',
      now: NOW,
    });
    const caftan = makeProductsRepo(store.sqlite).getBySku(1, 'caftan-velours');
    if (!caftan) throw new Error('caftan not imported');
    const messages = buildPrompt({
      shop: { name: 'Dar Lalla', currency: 'MAD' },
      settings: ShopSettings.parse({}),
      products: [caftan],
      knowledge: [],
      profile: null,
      history: [],
      text: 'caftan M ?',
      strategy: 'consultative',
      corrections: [],
    });
    const system = messages[0]?.content ?? '';
    expect(system).toContain('{"name":"M / Bordeaux","sku":"CF-VEL-M-BOR","price":1290,"stock":"sold out"}');
    expect(system).toContain('{"name":"L / Vert","sku":"CF-VEL-L-VER","price":1290,"stock":7}');
  });
});
