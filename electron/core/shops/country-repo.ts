import type { Database } from '../database';
import { type ReadableSqlite, typedStatements } from '../store';

/**
 * The rows a shop's country is derived from (shop-country.ts). Prepared once (typedStatements):
 * the caller is synchronous, on every turn of the brain (the reply path bench/pipeline.ts times:
 * reply p99 at 10 messages a second), and these are two indexed single-row reads.
 */
export function makeShopCountryRepo(sqlite: ReadableSqlite) {
  const statements = typedStatements<Database>(sqlite);
  const shopRow = statements.prepare((db, p: { shopId: number }) =>
    db.selectFrom('shops').select(['country', 'currency']).where('id', '=', p.shopId),
  );
  const catalogCurrency = statements.prepare((db, p: { shopId: number }) =>
    db.selectFrom('products').select('currency').where('shop_id', '=', p.shopId).limit(1),
  );
  return {
    shop: (shopId: number) => shopRow.get({ shopId }),
    /** The currency of any of the shop's products (imports bring one currency per catalog). */
    catalogCurrency: (shopId: number) => catalogCurrency.get({ shopId })?.currency,
  };
}
