import type { BrainDecision } from '../../shared/domain/brain';
import type { Product } from '../../shared/domain/catalog';
import type { Violation } from '../../shared/domain/guardrails';
import type { Order } from '../../shared/domain/orders';
import { ShopSettings, type ShopSettingsPatch } from '../../shared/domain/settings';
import { checkReply } from '../../electron/core/brain/guardrails/check-reply';
import { makeOfflineBrain } from '../../electron/core/brain/offline';
import { makeMemoryProductFinder } from '../../electron/core/brain/offline/product-match';
import { makeCatalogProductFinder } from '../../electron/core/brain/offline/wire';
import { makeProductsRepo } from '../../electron/core/catalog/products-repo';
import type { TurnMessage } from '../../electron/core/brain/types';
import { EventBus } from '../../electron/core/events';
import { makeBrainStateRepo } from '../../electron/core/orders/brain-state-repo';
import { makeOrderPlacer } from '../../electron/core/orders/place-order';
import { makeOrdersRepo } from '../../electron/core/orders/repo';
import { makeShopCountryReader } from '../../electron/core/shops/shop-country';
import { openDatabase } from '../../electron/core/database';
import { makeRetriever } from '../../electron/core/brain/retrieval';

/** A product as a test writes it: only what matters to the conversation. */
export interface ProductSpec {
  sku: string;
  name: string;
  price: number;
  stock?: number | null;
  category?: string;
  aliases?: string[];
  altNames?: string[];
  description?: string;
  variants?: (string | { name: string; price?: number; stock?: number | null })[];
}

/** A shop nobody on the team has seen: its catalog, currency, country (or none: derived) and facts. */
export interface ShopSpec {
  name: string;
  currency: string;
  country?: string | null;
  products: ProductSpec[];
  settings?: ShopSettingsPatch;
}

export interface Turn extends BrainDecision {
  /** What the guardrails would say about this reply (the router replaces a failing one). */
  violations: Violation[];
}

export interface ShopCustomer {
  say(text: string): Promise<Turn>;
}

export interface OpenShop {
  customer(phone?: string): Promise<ShopCustomer>;
  orders(): Promise<Order[]>;
  products: Product[];
  close(): Promise<void>;
}

const SHOP_ID = 1;

function toProduct(p: ProductSpec, i: number, currency: string): Product {
  return {
    id: i + 1,
    shopId: SHOP_ID,
    sku: p.sku,
    name: p.name,
    altNames: p.altNames ?? [],
    aliases: p.aliases ?? [],
    category: p.category ?? '',
    price: p.price,
    compareAtPrice: null,
    currency,
    stock: p.stock === undefined ? 10 : p.stock,
    variants: (p.variants ?? []).map((v) =>
      typeof v === 'string'
        ? { name: v, sku: null, price: null, stock: null }
        : { name: v.name, sku: null, price: v.price ?? null, stock: v.stock ?? null },
    ),
    images: [],
    description: p.description ?? '',
    upsellSkus: [],
  };
}

/**
 * One invented shop on a real SQLite store (all migrations): the offline brain with the shop's
 * country read as core reads it, and every reply put through the guardrails.
 */
export async function openShop(spec: ShopSpec, options: { retrieval?: boolean } = {}): Promise<OpenShop> {
  const store = await openDatabase({ file: ':memory:' });
  const now = '2026-03-01T10:00:00.000Z';
  store.sqlite
    .prepare('INSERT INTO shops (id, name, currency, created_at, country) VALUES (?, ?, ?, ?, ?)')
    .run(SHOP_ID, spec.name, spec.currency, now, spec.country ?? null);
  store.sqlite
    .prepare("INSERT INTO accounts (id, shop_id, channel, label, status, created_at) VALUES (1, 1, 'simulator', 'test', 'connected', ?)")
    .run(now);
  const products = spec.products.map((p, i) => toProduct(p, i, spec.currency));
  const settings = ShopSettings.parse({
    sales: spec.settings?.sales ?? {},
    bot: spec.settings?.bot ?? {},
    facts: spec.settings?.facts ?? {},
  });
  const placeOrder = makeOrderPlacer({
    db: store.db,
    bus: new EventBus(),
    decrementStock: async (_trx, _shopId, lines) => {
      for (const l of lines) {
        const p = products.find((x) => x.sku === l.sku);
        if (p && p.stock !== null) p.stock = Math.max(0, p.stock - l.quantity);
      }
    },
  });
  const orders = makeOrdersRepo(store.db);
  const countryOf = makeShopCountryReader(store.sqlite);
  // With `retrieval`, the catalog goes through the products repository (search documents, FTS rows)
  // and the brain finds products the way core does; otherwise an in-memory finder over the list.
  if (options.retrieval)
    makeProductsRepo(store.sqlite).upsertMany(
      SHOP_ID,
      products.map(({ id: _id, shopId: _s, ...p }) => p),
      now,
    );
  const brain = makeOfflineBrain({
    products: options.retrieval
      ? makeCatalogProductFinder(makeProductsRepo(store.sqlite), makeRetriever({ sqlite: store.sqlite }), store.sqlite)
      : makeMemoryProductFinder(products),
    settings: async () => settings,
    country: async (shopId, s) => countryOf(shopId, s.facts.timeZone),
    shopName: async () => spec.name,
    orders,
    placeOrder,
    state: makeBrainStateRepo(store.db),
    sampleProducts: async (_shopId, limit) => products.slice(0, limit),
  });
  let contacts = 0;
  let messageId = 0;
  return {
    products,
    async customer(phone) {
      contacts += 1;
      const jid = phone ?? `+2126000000${String(contacts).padStart(2, '0')}`;
      const contactId = Number(
        store.sqlite.prepare('INSERT INTO contacts (shop_id, jid, created_at) VALUES (1, ?, ?)').run(jid, now).lastInsertRowid,
      );
      const conversationId = Number(
        store.sqlite
          .prepare('INSERT INTO conversations (shop_id, account_id, contact_id, created_at) VALUES (1, 1, ?, ?)')
          .run(contactId, now).lastInsertRowid,
      );
      const history: TurnMessage[] = [];
      return {
        async say(text) {
          messageId += 1;
          const decision = await brain.decide({
            shopId: SHOP_ID,
            conversationId,
            contactId,
            inboundMessageIds: [messageId],
            text,
            history: [...history],
            now: new Date(now),
          });
          history.push(
            { direction: 'in', author: 'customer', text, at: now },
            { direction: 'out', author: 'bot', text: decision.reply, at: now },
          );
          const named = products.filter((p) => decision.skus.includes(p.sku) || decision.orderItems.some((i) => i.sku === p.sku));
          const violations = checkReply({
            decision,
            store: {
              products: named,
              facts: settings.facts,
              sales: settings.sales,
              orderItems: decision.orderItems,
              salesCounts: new Map(),
              orderCount: null,
              knowledge: [],
              now: new Date(now),
            },
            knownSkus: new Set(products.map((p) => p.sku)),
            customerTexts: history.filter((m) => m.author === 'customer').map((m) => m.text),
            extraNames: [spec.name],
            strictNames: false,
            promptMarkers: [],
          });
          return { ...decision, violations };
        },
      };
    },
    async orders() {
      const page = await orders.list({ shopId: SHOP_ID, offset: 0, limit: 50 });
      const full = await Promise.all(page.items.map((o) => orders.get(SHOP_ID, o.id)));
      return full.filter((o): o is Order => o !== undefined && o !== null);
    },
    close: () => store.close(),
  };
}
