import fs from 'node:fs';
import path from 'node:path';
import { makeProductsRepo } from '../catalog/products-repo';
import { readCatalog } from '../catalog/import/read-catalog';
import { openDatabase, type Store } from '../database';

/** Test helper: an in-memory store with the fixture catalogs imported (shop 1 DZ fashion, 2 BR digital, 3 Shopify + Woo). */
export async function openFixtureStore(): Promise<Store> {
  const store = await openDatabase({ file: ':memory:' });
  store.sqlite
    .prepare(`INSERT INTO shops (name, currency, created_at) VALUES ('dz', 'DZD', 'now'), ('br', 'BRL', 'now'), ('ma', 'MAD', 'now')`)
    .run();
  const repo = makeProductsRepo(store.sqlite);
  const load = (shopId: number, file: string, currency: string) => {
    const csv = fs.readFileSync(path.join(__dirname, '../../../tests/fixtures', file), 'utf8');
    repo.upsertMany(
      shopId,
      readCatalog(csv, { defaultCurrency: currency }).rows.map((r) => r.product),
      'now',
    );
  };
  load(1, 'catalog-dz-fashion.csv', 'DZD');
  load(2, 'catalog-br-digital.csv', 'BRL');
  load(3, 'shopify-products-sample.csv', 'MAD');
  load(3, 'woocommerce-products-sample.csv', 'MAD');
  return store;
}
