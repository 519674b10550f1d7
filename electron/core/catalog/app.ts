import { ContractError } from '../../../shared/contract';
import type { Product } from '../../../shared/domain/catalog';
import type { HandlerMap } from '../app';
import { makeRetriever } from '../brain/retrieval';
import type { CoreContext } from '../context';
import { requireShop } from '../shops/require-shop';
import { exportCatalogCsv } from './import/export-csv';
import { MappingNeededError, importCatalog } from './import/import-catalog';
import { readCatalog } from './import/read-catalog';
import { makeProductsRepo } from './products-repo';

/** Handlers of shared/contract/catalog.ts. Products live in SQLite; search goes through retrieval. */
export function catalogHandlers(ctx: CoreContext): HandlerMap {
  const { store, clock, bus } = ctx;
  const products = makeProductsRepo(store.sqlite);
  const retriever = makeRetriever({ sqlite: store.sqlite });
  const bySkuPrefix = store.sqlite.prepare<[number, string, number], { id: number }>(
    `SELECT id FROM products WHERE shop_id = ? AND sku LIKE ? ESCAPE '\\' ORDER BY sku LIMIT ?`,
  );

  const requireProduct = (shopId: number, productId: number): Product => {
    const product = products.get(shopId, productId);
    if (!product) throw new ContractError('not_found', `No product ${productId} in shop ${shopId}`);
    return product;
  };

  return {
    'catalog/list': async ({ shopId, query, category, offset, limit }) => {
      await requireShop(ctx, shopId);
      if (!query) return products.list(shopId, { offset, limit, ...(category !== undefined ? { category } : {}) });
      // The seller searches like a customer would, or by SKU.
      const likeSku = `${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const skuHits = bySkuPrefix.all(shopId, likeSku, limit).map((r) => products.get(shopId, r.id)).filter((p): p is Product => !!p);
      const textHits = retriever.searchProductsSync(shopId, query, limit).map((h) => h.product);
      const seen = new Set<number>();
      const merged = [...skuHits, ...textHits].filter((p) => (seen.has(p.id) ? false : (seen.add(p.id), true)));
      const filtered = category === undefined ? merged : merged.filter((p) => p.category === category);
      return { items: filtered.slice(offset, offset + limit), total: filtered.length };
    },
    'catalog/get': async ({ shopId, productId }) => {
      await requireShop(ctx, shopId);
      return requireProduct(shopId, productId);
    },
    'catalog/categories': async ({ shopId }) => {
      await requireShop(ctx, shopId);
      return products.categories(shopId);
    },
    'catalog/import-preview': async ({ shopId, csv, mapping, limit }) => {
      const shop = await requireShop(ctx, shopId);
      const read = readCatalog(csv, { defaultCurrency: shop.currency, ...(mapping ? { mapping } : {}) });
      return {
        format: read.format,
        headers: read.headers,
        mapping: read.mapping,
        missing: read.missing,
        rows: read.rows.slice(0, limit).map((r) => ({ line: r.line, product: r.product, exists: !!products.getBySku(shopId, r.product.sku) })),
        totalRows: read.totalRows,
        productCount: read.rows.length,
        errors: read.errors,
        assumptions: read.assumptions ?? [],
      };
    },
    'catalog/import-commit': async ({ shopId, csv, mapping }) => {
      const shop = await requireShop(ctx, shopId);
      try {
        const summary = importCatalog(products, {
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
        throw err;
      }
    },
    'catalog/export-csv': async ({ shopId }) => {
      await requireShop(ctx, shopId);
      const all = products.all(shopId);
      return { csv: exportCatalogCsv(all), count: all.length };
    },
    'catalog/update-product': async ({ shopId, productId, ...patch }) => {
      await requireShop(ctx, shopId);
      requireProduct(shopId, productId);
      const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      const updated = products.update(shopId, productId, defined, clock.now().toISOString());
      if (!updated) throw new ContractError('not_found', `No product ${productId} in shop ${shopId}`);
      bus.emit('catalog/changed', { shopId });
      return updated;
    },
    'catalog/delete-product': async ({ shopId, productId }) => {
      await requireShop(ctx, shopId);
      const deleted = products.delete(shopId, productId);
      if (deleted) bus.emit('catalog/changed', { shopId });
      return { deleted };
    },
  };
}
