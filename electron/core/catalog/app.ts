import { ContractError } from '../../../shared/contract';
import type { Product } from '../../../shared/domain/catalog';
import type { HandlerMap } from '../app';
import type { CoreContext } from '../context';
import { requireShop } from '../shops';
import { type ProductSearchPort, makeCatalogSearch } from './catalog-search';
import { catalogEditHandlers } from './edit-handlers';
import { exportCatalogCsv } from './import/export-csv';
import { importCatalogChunked } from './import/chunked-import';
import { MappingNeededError } from './import/import-catalog';
import { readCatalogChunked } from './import/read-catalog-chunked';
import { makeCatalogIndexer } from './index-queue';
import { type ProductsRepo, VariantSkuTakenError } from './products-repo';

export interface CatalogDeps {
  /** The products repository core shares (built once by create-core). */
  products: ProductsRepo;
  /** The bot's product search (the retriever create-core builds once): it ranks the seller's matches. */
  retrieval: ProductSearchPort;
}

/** Handlers of shared/contract/catalog.ts. Products live in SQLite; search goes through retrieval. */
export function catalogHandlers(ctx: CoreContext, { products, retrieval }: CatalogDeps): HandlerMap {
  const { store, clock, bus } = ctx;
  const search = makeCatalogSearch(store.sqlite, retrieval);
  const indexer = makeCatalogIndexer(store.sqlite, (err) => ctx.logger.error({ err }, 'catalog search index batch failed'));
  // Products a crash left unindexed (an import committed, its index not yet written) are indexed now.
  void indexer.schedule();

  const requireProduct = (shopId: number, productId: number): Product => {
    const product = products.get(shopId, productId);
    if (!product) throw new ContractError('not_found', `No product ${productId} in shop ${shopId}`);
    return product;
  };

  return {
    'catalog/list': async ({ shopId, query, category, offset, limit, archived }) => {
      await requireShop(ctx, shopId);
      const inCategory = category !== undefined ? { category } : {};
      // Archived products are listed by name only (they have no search index rows).
      if (!query || archived) return products.list(shopId, { offset, limit, archived: archived ?? false, ...inCategory });
      return search.search(shopId, query, { offset, limit, ...inCategory });
    },
    'catalog/get': async ({ shopId, productId }) => {
      await requireShop(ctx, shopId);
      return requireProduct(shopId, productId);
    },
    'catalog/list-categories': async ({ shopId }) => {
      await requireShop(ctx, shopId);
      return products.categories(shopId);
    },
    'catalog/preview-import': async ({ shopId, csv, mapping, limit }) => {
      const shop = await requireShop(ctx, shopId);
      const read = await readCatalogChunked(
        csv,
        { defaultCurrency: shop.currency, ...(mapping ? { mapping } : {}) },
        () => new Promise((r) => setImmediate(r)),
      );
      return {
        format: read.format,
        headers: read.headers,
        mapping: read.mapping,
        missing: read.missing,
        rows: read.rows
          .slice(0, limit)
          .map((r) => ({ line: r.line, product: r.product, exists: !!products.getBySku(shopId, r.product.sku) })),
        totalRows: read.totalRows,
        productCount: read.rows.length,
        errors: read.errors,
        assumptions: read.assumptions ?? [],
      };
    },
    'catalog/commit-import': async ({ shopId, csv, mapping }) => {
      const shop = await requireShop(ctx, shopId);
      try {
        const summary = await importCatalogChunked(store.sqlite, {
          indexer,
          shopId,
          csv,
          defaultCurrency: shop.currency,
          now: clock.now().toISOString(),
          ...(mapping ? { mapping } : {}),
          onProgress: (done, total) => bus.emit('catalog/import-progress', { shopId, done, total }),
        });
        bus.emit('catalog/changed', { shopId });
        return summary;
      } catch (err) {
        if (err instanceof MappingNeededError) throw new ContractError('invalid_input', err.message);
        if (err instanceof VariantSkuTakenError) throw new ContractError('conflict', err.message);
        throw err;
      }
    },
    'catalog/export-csv': async ({ shopId }) => {
      await requireShop(ctx, shopId);
      const all = products.all(shopId);
      return { csv: exportCatalogCsv(all), count: all.length };
    },
    ...catalogEditHandlers(ctx, products),
  };
}
