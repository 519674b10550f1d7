// The seller's catalog search reads: statements over the FTS5 indexes and the products table,
// built with kysely on the read handle and prepared once per search service (a page of results
// runs each of them once or twice).
import { type SqlBool, sql } from 'kysely';
import { type ReadableSqlite, typedStatements } from '../store';
import type { CatalogTables } from './tables';

/** Every statement the catalog search runs; the search itself (catalog-search.ts) builds their inputs. */
export function catalogSearchStatements(sqlite: ReadableSqlite) {
  const statements = typedStatements<CatalogTables>(sqlite);
  /** The products whose ids are the JSON list, in the list's order unless sorted after. */
  const listed = (ids: string) => sql<{ value: number }>`json_each(${ids})`.as('j');
  return {
    words: statements.prepare((db, p: { match: string; limit: number }) =>
      db
        .selectFrom('products_words')
        .select('rowid')
        .where(sql<SqlBool>`products_words match ${p.match}`)
        .limit(p.limit),
    ),
    tri: statements.prepare((db, p: { match: string; limit: number }) =>
      db
        .selectFrom('products_tri')
        .select('rowid')
        .where(sql<SqlBool>`products_tri match ${p.match}`)
        .limit(p.limit),
    ),
    bySkuPrefix: statements.prepare((db, p: { shopId: number; pattern: string; limit: number }) =>
      db
        .selectFrom('products')
        .select('id')
        .where('shop_id', '=', p.shopId)
        .where('archived_at', 'is', null)
        .where(sql<SqlBool>`sku like ${p.pattern} escape '\\'`)
        .orderBy('sku')
        .limit(p.limit),
    ),
    ordered: statements.prepare((db, p: { ids: string; shopId: number }) =>
      db
        .selectFrom(listed(p.ids))
        .innerJoin('products as t', 't.id', 'j.value')
        .select('t.id')
        .where('t.shop_id', '=', p.shopId)
        .where('t.archived_at', 'is', null)
        .orderBy('t.name', (o) => o.collate('nocase'))
        .orderBy('t.id'),
    ),
    page: statements.prepare((db, p: { ids: string; shopId: number }) =>
      db.selectFrom(listed(p.ids)).innerJoin('products as t', 't.id', 'j.value').selectAll('t').where('t.shop_id', '=', p.shopId),
    ),
  };
}
