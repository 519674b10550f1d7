import type { WritableDB, WritableSqlite } from '../../store';
import type { ShopSettings } from '../../../../shared/domain/settings';
import { type ProductsRepo, decrementCatalogStock } from '../../catalog';
import type { EventBus } from '../../events';
import { type OrdersRepo, makeBrainStateRepo, makeOrderPlacer } from '../../orders';
import type { Database } from '../../database';
import type { Retriever } from '../retrieval/retriever';
import { cachedInCategory, catalogVersion, readThrough, versionedCache } from '../retrieval/catalog-version-store';
import type { Product } from '../../../../shared/domain/catalog';
import type { ShopFacts } from '../shop-facts';
import { makeShopCountryReader } from '../../shops';

/** The shop's country as core reads it (set, else derived): the router's guardrails use the same reader. */
export { makeShopCountryReader };
import { type OfflineBrain, makeOfflineBrain } from './index';
import type { ProductFinder } from './product-match';

export interface CoreOfflineBrainConfig {
  /** The kysely handle for the catalog and orders repositories. */
  db: WritableDB<Database>;
  /** The raw handle: FTS retrieval and the brain state. */
  sqlite: WritableSqlite;
  /** A shop's settings, read per turn. */
  settingsOf(shopId: number): Promise<ShopSettings>;
  /** The shop's name for the assistant's introduction; absent: introduces without it. */
  shopName?(shopId: number): Promise<string | null>;
  /** Publishes orders/created for an order the brain places. */
  bus: EventBus;
  /** Built once by create-core (makeCoreServices) and shared with the router and the pages. */
  products: ProductsRepo;
  /** Core's orders repository: sales figures and a contact's past orders. */
  orders: OrdersRepo;
  /** Core's one retriever: the catalog search the offline brain reads. */
  retriever: Retriever;
  /** The per-shop facts cache the router uses too (country, sales figures); else read per turn. */
  facts?: Pick<ShopFacts, 'country' | 'countPlaced' | 'unitsSoldSince'>;
}

/** The catalog as the offline brain sees it: FTS retrieval for search, the products repository for the rest. */
export function makeCatalogProductFinder(
  products: ProductsRepo,
  retriever: Pick<Retriever, 'searchProductsSync'>,
  /** The connection whose catalog version keys the category cache. */
  sqlite: WritableSqlite,
): ProductFinder & { sample(shopId: number, limit: number): { name: string }[] } {
  const inCategory = cachedInCategory(sqlite, (...a) => products.inCategory(...a));
  // The cart's and the remembered products, and the shop's first few names, are read turn after
  // turn: each read is a row plus its variants. Kept until the catalog changes (its version).
  const version = catalogVersion(sqlite);
  const skus = versionedCache<Product | null>(version, 2_048);
  const samples = versionedCache<{ name: string }[]>(version, 64);
  return {
    search: (shopId, text, k) => Promise.resolve(retriever.searchProductsSync(shopId, text, k)),
    bySku: async (shopId, sku) => readThrough(skus(), `${shopId}\u0000${sku}`, () => products.getBySku(shopId, sku) ?? null),
    inCategory: async (shopId, category, limit) => inCategory(shopId, category, limit),
    sample: (shopId, limit) => readThrough(samples(), `${shopId}\u0000${limit}`, () => products.first(shopId, limit)).slice(),
  };
}

/** The offline brain wired to core's store: catalog, settings, orders, per-conversation memory. */
export function makeCoreOfflineBrain(config: CoreOfflineBrainConfig): OfflineBrain {
  const finder = makeCatalogProductFinder(config.products, config.retriever, config.sqlite);
  const countryOf = makeShopCountryReader(config.sqlite);
  const { facts, orders } = config;
  return makeOfflineBrain({
    products: finder,
    settings: config.settingsOf,
    country: async (shopId, settings) => (facts ? facts.country : countryOf)(shopId, settings.facts.timeZone),
    ...(config.shopName && { shopName: config.shopName }),
    orders: facts
      ? { ...orders, countPlaced: (shopId) => facts.countPlaced(shopId), unitsSoldSince: (...a) => facts.unitsSoldSince(...a) }
      : orders,
    placeOrder: makeOrderPlacer({ db: config.db, orders, decrementStock: decrementCatalogStock, bus: config.bus }),
    orderPlacedBy: (messageId) => orders.byMessage(messageId),
    state: makeBrainStateRepo(config.db),
    sampleProducts: async (shopId, limit) => finder.sample(shopId, limit),
  });
}
