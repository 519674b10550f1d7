import type { WritableSqlite } from '../store';
import { shopCountry } from '../text';
import { makeShopCountryRepo } from './country-repo';

/**
 * The country a shop's brain works in: the seller's choice (shops.country) or, unset, derived from
 * the catalog's currency (what `simulate --catalog` brings) or the shop's, and the time zone.
 * Two indexed single-row reads (country-repo.ts): cheap enough for every turn.
 */
export function makeShopCountryReader(sqlite: WritableSqlite) {
  const rows = makeShopCountryRepo(sqlite);
  return (shopId: number, timeZone: string): string => {
    const shop = rows.shop(shopId);
    if (shop?.country) return shopCountry(shop.country, null, null);
    return shopCountry(null, rows.catalogCurrency(shopId) ?? shop?.currency ?? null, timeZone);
  };
}
