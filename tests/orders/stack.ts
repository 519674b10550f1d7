import type { Product } from '../../shared/domain/catalog';
import type { Order } from '../../shared/domain/orders';
import { ShopSettings } from '../../shared/domain/settings';
import { makeShopBrain } from '../../electron/core/brain/index';
import { makeViolationsRepo } from '../../electron/core/brain/guardrails/violations-repo';
import { type OfflineBrain, makeOfflineBrain } from '../../electron/core/brain/offline';
import { makeMemoryProductFinder } from '../../electron/core/brain/offline/product-match';
import type { Brain, TurnMessage } from '../../electron/core/brain/types';
import { makeSpendCap } from '../../electron/core/brain/usage/spend-cap';
import { makeUsageRepo } from '../../electron/core/brain/usage/usage-repo';
import { EventBus } from '../../electron/core/events';
import { makeBrainStateRepo } from '../../electron/core/orders/brain-state-repo';
import { makeOrderPlacer } from '../../electron/core/orders/place-order';
import { makeOrdersRepo } from '../../electron/core/orders/repo';
import { apiKeySecretName } from '../../electron/core/settings/app';
import { type Store, openDatabase } from '../../electron/core/database';
import { newConversation } from '../../electron/core/test-utils/seed-conversations';
import { DZ_SHOP, loadCatalog } from '../brain/harness';
import type { Exchange } from './consistency';

export interface StackOptions {
  /** An OpenAI-compatible endpoint: the LLM is configured for the shop. */
  llmBaseUrl?: string;
  /** The store's rows as the router and guardrails read them (default: as the offline brain reads them). */
  storeView?: (p: Product) => Product;
  /** Replaces the offline brain (a planted bug wraps the real one). */
  wrapOffline?: (real: OfflineBrain) => OfflineBrain;
}

export interface Customer {
  conversationId: number;
  exchanges: Exchange[];
  say(text: string): Promise<Exchange>;
  /** What actually went out instead of the last reply (approval mode: the seller rewrote the draft). */
  sellerRewroteLast(text: string): void;
  /** Runs the last turn again with the same message ids (a crash before its reply was stored). */
  replayLast(): Promise<Exchange>;
}

export interface Stack {
  store: Store;
  products: Product[];
  brain: Brain;
  logs: string[];
  /** One customer's conversation: every reply that went out, in order. */
  customer(): Promise<Customer>;
  orders(): Promise<Order[]>;
  memory(conversationId: number): Record<string, unknown>;
  close(): Promise<void>;
}

export const SHOP_SETTINGS = ShopSettings.parse({
  sales: { maxDiscountPercent: 10, intensity: 'balanced' },
  llm: { model: 'fake-model' },
  facts: {
    deliveryZones: [
      { name: 'Alger', fee: 400, delayDays: '1-2' },
      { name: 'Oran', fee: 600, delayDays: '2-3' },
    ],
  },
});

/** The real router over the real offline brain, orders and memory on SQLite; the DZ fixture catalog in memory. */
export async function makeOrderStack(options: StackOptions = {}): Promise<Stack> {
  const store = await openDatabase({ file: ':memory:' });
  store.sqlite.prepare(`INSERT INTO shops (id, name, currency, created_at) VALUES (?, 'Boutique Amina', 'DZD', 'now')`).run(DZ_SHOP);
  store.sqlite
    .prepare(`INSERT INTO accounts (id, shop_id, channel, label, status, created_at) VALUES (?, ?, 'simulator', 't', 'connected', 'now')`)
    .run(DZ_SHOP, DZ_SHOP);
  const products = loadCatalog('catalog-dz-fashion.csv', DZ_SHOP);
  const settings = ShopSettings.parse({ ...SHOP_SETTINGS, llm: { ...SHOP_SETTINGS.llm, baseUrl: options.llmBaseUrl ?? '' } });
  const orders = makeOrdersRepo(store.db);
  const finder = makeMemoryProductFinder(products);
  const real = makeOfflineBrain({
    products: finder,
    settings: async () => settings,
    orders,
    placeOrder: makeOrderPlacer({ db: store.db, bus: new EventBus(), decrementStock: async () => {} }),
    orderPlacedBy: (messageId) => orders.byMessage(messageId),
    state: makeBrainStateRepo(store.db),
    sampleProducts: async (_shopId, limit) => products.slice(0, limit),
  });
  const view = options.storeView ?? ((p: Product) => p);
  const viewed = (p: Product | undefined) => (p ? view(p) : undefined);
  const logs: string[] = [];
  const log = (level: string) => (obj: object, msg?: string) => void logs.push(`${level} ${msg ?? ''} ${JSON.stringify(obj)}`);
  const brain = makeShopBrain({
    offline: options.wrapOffline ? options.wrapOffline(real) : real,
    settings: { get: async () => settings },
    shops: { get: async () => ({ name: 'Boutique Amina', currency: 'DZD' }) },
    secrets: {
      get: async (name) => (options.llmBaseUrl && name === apiKeySecretName(DZ_SHOP) ? 'sk-test-key' : null),
      set: async () => {},
      delete: async () => {},
    },
    catalog: { getBySku: (_shopId, sku) => viewed(products.find((p) => p.sku === sku)) },
    search: {
      searchProducts: async (shopId, text, k = 5) =>
        (await finder.search(shopId, text, k)).map((h) => ({ ...h, product: viewed(h.product)! })),
    },
    orders,
    spendCap: makeSpendCap(makeUsageRepo(store.sqlite)),
    violations: makeViolationsRepo(store.sqlite),
    clock: { now: () => new Date('2026-03-01T10:00:00Z') },
    logger: { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') },
    llm: { timeoutMs: 2_000, retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 } },
  });
  let contacts = 0;
  let messageId = 0;
  return {
    store,
    products,
    brain,
    logs,
    async customer() {
      contacts += 1;
      const { contactId, conversationId } = newConversation(store, DZ_SHOP, `+21355000${contacts}`);
      const history: TurnMessage[] = [];
      const exchanges: Exchange[] = [];
      let last: { text: string; id: number; before: TurnMessage[] } | null = null;
      return {
        conversationId,
        exchanges,
        async say(text) {
          messageId += 1;
          last = { text, id: messageId, before: [...history] };
          const decision = await brain.decide({
            shopId: DZ_SHOP,
            conversationId,
            contactId,
            inboundMessageIds: [messageId],
            text,
            history: [...history],
            now: new Date('2026-03-01T10:00:00Z'),
          });
          history.push(
            { direction: 'in', author: 'customer', text, at: 'now' },
            { direction: 'out', author: 'bot', text: decision.reply, at: 'now' },
          );
          const exchange = { text, decision };
          exchanges.push(exchange);
          return exchange;
        },
        async replayLast() {
          if (!last) throw new Error('nothing to replay');
          const decision = await brain.decide({
            shopId: DZ_SHOP,
            conversationId,
            contactId,
            inboundMessageIds: [last.id],
            text: last.text,
            history: last.before,
            now: new Date('2026-03-01T10:00:00Z'),
          });
          return { text: last.text, decision };
        },
        sellerRewroteLast(text) {
          const last = history.at(-1);
          if (last) history[history.length - 1] = { ...last, author: 'seller', text };
        },
      };
    },
    async orders() {
      const rows = await orders.list({ shopId: DZ_SHOP, limit: 100, offset: 0 });
      return Promise.all(rows.items.map(async (o) => (await orders.get(DZ_SHOP, o.id))!));
    },
    memory(conversationId) {
      const row = store.sqlite.prepare('SELECT doc FROM brain_state WHERE conversation_id = ?').get(conversationId) as
        { doc: string } | undefined;
      return row ? (JSON.parse(row.doc) as Record<string, unknown>) : {};
    },
    close: () => store.close(),
  };
}

/** The planted bug the consistency tests exist to catch: a replaced reply still commits its plan. */
export const commitsEvenWhenReplaced = (real: OfflineBrain): OfflineBrain => ({
  decide: (input) => real.decide(input),
  async plan(input, options) {
    // The plan is written in full (as if its reply could go out) so that committing it is possible.
    const plan = await real.plan(input, { ...options, compose: true });
    return { ...plan, observe: async () => void (await plan.commit()) };
  },
});
