import type SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { ShopSettings } from '../../../../shared/domain/settings';
import { makeProductsRepo } from '../../catalog/products-repo';
import type { EventBus } from '../../events';
import { makeBrainStateRepo } from '../../orders/brain-state-repo';
import { makeOrderPlacer } from '../../orders/place-order';
import { makeOrdersRepo } from '../../orders/repo';
import { decrementCatalogStock } from '../../orders/stock';
import type { Database } from '../../store/schema';
import { makeRetriever } from '../retrieval/retriever';
import { makeShopCountryReader } from '../../shops/shop-country';

/** The shop's country as core reads it (set, else derived): the router's guardrails use the same reader. */
export { makeShopCountryReader };
import { type OfflineBrain, makeOfflineBrain } from './index';
import type { ProductFinder } from './product-match';

export interface CoreOfflineBrainConfig {
  db: Kysely<Database>;
  sqlite: SQLite.Database;
  settingsOf(shopId: number): Promise<ShopSettings>;
  shopName?(shopId: number): Promise<string | null>;
  bus: EventBus;
}

/** The catalog as the offline brain sees it: FTS retrieval for search, the products repository for the rest. */
export function makeCatalogProductFinder(
  sqlite: SQLite.Database,
): ProductFinder & { sample(shopId: number, limit: number): { name: string }[] } {
  const retriever = makeRetriever({ sqlite });
  const products = makeProductsRepo(sqlite);
  return {
    search: (shopId, text, k) => Promise.resolve(retriever.searchProductsSync(shopId, text, k)),
    bySku: async (shopId, sku) => products.getBySku(shopId, sku) ?? null,
    inCategory: async (shopId, category, limit) => products.inCategory(shopId, category, limit),
    sample: (shopId, limit) => products.list(shopId, { offset: 0, limit }).items,
  };
}

/** The offline brain wired to core's store: catalog, settings, orders, per-conversation memory. */
export function makeCoreOfflineBrain(config: CoreOfflineBrainConfig): OfflineBrain {
  const finder = makeCatalogProductFinder(config.sqlite);
  const countryOf = makeShopCountryReader(config.sqlite);
  return makeOfflineBrain({
    products: finder,
    settings: config.settingsOf,
    country: async (shopId, settings) => countryOf(shopId, settings.facts.timeZone),
    ...(config.shopName && { shopName: config.shopName }),
    orders: makeOrdersRepo(config.db),
    placeOrder: makeOrderPlacer({ db: config.db, decrementStock: decrementCatalogStock, bus: config.bus }),
    orderPlacedBy: (messageId) => makeOrdersRepo(config.db).byMessage(messageId),
    state: makeBrainStateRepo(config.db),
    sampleProducts: async (shopId, limit) => finder.sample(shopId, limit),
  });
}
