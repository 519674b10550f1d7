import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Product } from '../../shared/domain/catalog';
import type { BrainDecision } from '../../shared/domain/brain';
import { ShopSettings, type ShopSettingsPatch } from '../../shared/domain/settings';
import { makeOfflineBrain } from '../../electron/core/brain/offline';
import { makeMemoryProductFinder } from '../../electron/core/brain/offline/product-match';
import type { TurnMessage } from '../../electron/core/brain/types';
import { EventBus } from '../../electron/core/events';
import { makeBrainStateRepo } from '../../electron/core/orders/brain-state-repo';
import { makeOrderPlacer } from '../../electron/core/orders/place-order';
import { makeOrdersRepo } from '../../electron/core/orders/repo';
import { type Store, openDatabase } from '../../electron/core/database';

const FIXTURES = path.join(import.meta.dirname, 'fixtures');

/** Minimal RFC 4180 reader for the fixture catalogs (the catalog module has the real importer). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else if (ch !== '\r') cell += ch;
  }
  if (cell || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** The shared sample catalogs as Products of `shopId`. */
export function loadCatalog(file: string, shopId: number): Product[] {
  const [header = [], ...rows] = parseCsv(readFileSync(path.join(FIXTURES, file), 'utf8'));
  const col = (r: string[], name: string) => r[header.indexOf(name)] ?? '';
  return rows
    .filter((r) => r.length > 1)
    .map((r, i) => ({
      id: shopId * 1000 + i + 1,
      shopId,
      sku: col(r, 'sku'),
      name: col(r, 'name'),
      altNames: col(r, 'name_ar') ? [col(r, 'name_ar')] : [],
      aliases: col(r, 'aliases')
        .split(';')
        .map((a) => a.trim())
        .filter(Boolean),
      category: col(r, 'category'),
      price: Number(col(r, 'price')),
      compareAtPrice: null,
      currency: col(r, 'currency'),
      stock: col(r, 'stock') === '' ? null : Number(col(r, 'stock')),
      variants: col(r, 'variants')
        .split('|')
        .filter(Boolean)
        .map((name) => ({ name, sku: null, price: null, stock: null })),
      images: [],
      description: col(r, 'description'),
      upsellSkus: [],
    }));
}

export const DZ_SHOP = 1;
export const BR_SHOP = 2;

export interface Harness {
  store: Store;
  products: Product[];
  bus: EventBus;
  events: { name: string; payload: unknown }[];
  settings: Map<number, ShopSettings>;
  /** A customer of `shopId` writing one message; returns the bot's decision. */
  conversation(shopId: number, contactPhone?: string): Promise<Customer>;
  close(): Promise<void>;
}

export interface Customer {
  conversationId: number;
  contactId: number;
  say(text: string): Promise<BrainDecision>;
  /** Re-runs the last turn with the same inbound message ids (a crash before the reply was stored). */
  replay(): Promise<BrainDecision>;
}

/** The labelled lines of a JSONL data set (blank lines skipped), typed as the caller reads them. */
export function readJsonl<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

/** When the sample shops and the harness's rows were made. */
const SEEDED_AT = '2026-01-01T00:00:00.000Z';

/** The two sample shops (`DZ_SHOP` Algerian fashion, `BR_SHOP` Brazilian digital), each with a connected simulator account. */
export function seedSampleShops(store: Store, now = SEEDED_AT): void {
  for (const [id, name, currency] of [
    [DZ_SHOP, 'Boutique Amina', 'DZD'],
    [BR_SHOP, 'Loja Digital', 'BRL'],
  ] as const) {
    store.sqlite.prepare('INSERT INTO shops (id, name, currency, created_at) VALUES (?, ?, ?, ?)').run(id, name, currency, now);
    store.sqlite
      .prepare("INSERT INTO accounts (id, shop_id, channel, label, status, created_at) VALUES (?, ?, 'simulator', 'test', 'connected', ?)")
      .run(id, id, now);
  }
}

/** A real SQLite store (all migrations), the offline brain wired to it, the fixture catalogs in memory. */
export async function makeHarness(patches: Partial<Record<number, ShopSettingsPatch>> = {}): Promise<Harness> {
  const store = await openDatabase({ file: ':memory:' });
  seedSampleShops(store);
  const now = SEEDED_AT;
  const products = [...loadCatalog('catalog-dz-fashion.csv', DZ_SHOP), ...loadCatalog('catalog-br-digital.csv', BR_SHOP)];
  const settings = new Map<number, ShopSettings>();
  for (const id of [DZ_SHOP, BR_SHOP]) {
    const p = patches[id] ?? {};
    settings.set(id, ShopSettings.parse({ sales: p.sales ?? {}, bot: p.bot ?? {}, facts: p.facts ?? {} }));
  }
  const bus = new EventBus();
  const events: { name: string; payload: unknown }[] = [];
  bus.subscribe((e) => events.push(e));
  const orders = makeOrdersRepo(store.db);
  const placeOrder = makeOrderPlacer({
    db: store.db,
    bus,
    // The fixture catalog lives in memory: take stock there, as the catalog table would.
    decrementStock: async (_trx, shopId, lines) => {
      for (const l of lines) {
        const p = products.find((x) => x.shopId === shopId && x.sku === l.sku);
        if (p && p.stock !== null) p.stock = Math.max(0, p.stock - l.quantity);
      }
    },
  });
  const brain = makeOfflineBrain({
    products: makeMemoryProductFinder(products),
    settings: async (shopId) => settings.get(shopId) ?? ShopSettings.parse({}),
    shopName: async (shopId) => (shopId === DZ_SHOP ? 'Boutique Amina' : 'Loja Digital'),
    orders,
    placeOrder,
    state: makeBrainStateRepo(store.db),
    sampleProducts: async (shopId, limit) => products.filter((p) => p.shopId === shopId).slice(0, limit),
  });

  let contacts = 0;
  let messageId = 0;
  return {
    store,
    products,
    bus,
    events,
    settings,
    async conversation(shopId, contactPhone) {
      contacts += 1;
      const jid = contactPhone ?? `+2135500000${String(contacts).padStart(2, '0')}`;
      const existing = store.sqlite.prepare('SELECT id FROM contacts WHERE shop_id = ? AND jid = ?').get(shopId, jid) as
        { id: number } | undefined;
      const contactId =
        existing?.id ??
        Number(
          store.sqlite.prepare('INSERT INTO contacts (shop_id, jid, created_at) VALUES (?, ?, ?)').run(shopId, jid, now).lastInsertRowid,
        );
      const conversationId = Number(
        store.sqlite
          .prepare('INSERT INTO conversations (shop_id, account_id, contact_id, created_at) VALUES (?, ?, ?, ?)')
          .run(shopId, shopId, contactId, now).lastInsertRowid,
      );
      const history: TurnMessage[] = [];
      let last: { text: string; ids: number[]; history: TurnMessage[] } | null = null;
      const run = async (text: string, ids: number[], before: TurnMessage[]) =>
        brain.decide({
          shopId,
          conversationId,
          contactId,
          inboundMessageIds: ids,
          text,
          history: before,
          now: new Date('2026-03-01T10:00:00Z'),
        });
      return {
        conversationId,
        contactId,
        async say(text) {
          messageId += 1;
          last = { text, ids: [messageId], history: [...history] };
          const decision = await run(text, last.ids, last.history);
          history.push(
            { direction: 'in', author: 'customer', text, at: now },
            { direction: 'out', author: 'bot', text: decision.reply, at: now },
          );
          return decision;
        },
        async replay() {
          if (!last) throw new Error('nothing to replay');
          return run(last.text, last.ids, last.history);
        },
      };
    },
    close: () => store.close(),
  };
}
