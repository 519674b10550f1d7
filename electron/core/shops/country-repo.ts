import type SQLite from 'better-sqlite3';

/**
 * The rows a shop's country is derived from (shop-country.ts). Raw prepared statements, not kysely:
 * the caller is synchronous, on every turn of the brain (the reply path bench/pipeline.ts times:
 * reply p99 at 10 messages a second), and these are two indexed single-row reads.
 */
export function makeShopCountryRepo(sqlite: SQLite.Database) {
  const shopRow = sqlite.prepare<[number], { country: string | null; currency: string }>(
    'SELECT country, currency FROM shops WHERE id = ?',
  );
  const catalogCurrency = sqlite.prepare<[number], { currency: string }>('SELECT currency FROM products WHERE shop_id = ? LIMIT 1');
  return {
    shop: (shopId: number) => shopRow.get(shopId),
    /** The currency of any of the shop's products (imports bring one currency per catalog). */
    catalogCurrency: (shopId: number) => catalogCurrency.get(shopId)?.currency,
  };
}
