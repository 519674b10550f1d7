import type SQLite from 'better-sqlite3';
import { shopCountry } from '../text';

/**
 * The country a shop's brain works in: the seller's choice (shops.country) or, unset, derived from
 * the catalog's currency (what `simulate --catalog` brings) or the shop's, and the time zone.
 * Two indexed single-row reads: cheap enough for every turn.
 */
export function makeShopCountryReader(sqlite: SQLite.Database) {
  const shopRow = sqlite.prepare<[number], { country: string | null; currency: string }>(
    'SELECT country, currency FROM shops WHERE id = ?',
  );
  const catalogCurrency = sqlite.prepare<[number], { currency: string }>('SELECT currency FROM products WHERE shop_id = ? LIMIT 1');
  return (shopId: number, timeZone: string): string => {
    const shop = shopRow.get(shopId);
    if (shop?.country) return shopCountry(shop.country, null, null);
    return shopCountry(null, catalogCurrency.get(shopId)?.currency ?? shop?.currency ?? null, timeZone);
  };
}
