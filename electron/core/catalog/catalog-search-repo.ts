// The seller's catalog search reads: raw prepared statements over the FTS5 indexes and the products table,
// prepared once per search service (a page of results runs each of them once or twice).
import type { ReadableSqlite } from '../store';
import type { ProductRow } from './products-repo';

/** Every statement the catalog search runs; the search itself (catalog-search.ts) builds their inputs. */
export function catalogSearchStatements(sqlite: ReadableSqlite) {
  return {
    words: sqlite.prepare<[string, number], { rowid: number }>(`SELECT rowid FROM products_words WHERE products_words MATCH ? LIMIT ?`),
    tri: sqlite.prepare<[string, number], { rowid: number }>(`SELECT rowid FROM products_tri WHERE products_tri MATCH ? LIMIT ?`),
    bySkuPrefix: sqlite.prepare<[number, string, number], { id: number }>(
      `SELECT id FROM products WHERE shop_id = ? AND archived_at IS NULL AND sku LIKE ? ESCAPE '\\' ORDER BY sku LIMIT ?`,
    ),
    ordered: sqlite.prepare<[string, number], { id: number }>(
      `SELECT t.id FROM json_each(?) AS j JOIN products AS t ON t.id = j.value WHERE t.shop_id = ? AND t.archived_at IS NULL ORDER BY t.name COLLATE NOCASE, t.id`,
    ),
    page: sqlite.prepare<[string, number], ProductRow>(
      `SELECT t.* FROM json_each(?) AS j JOIN products AS t ON t.id = j.value WHERE t.shop_id = ?`,
    ),
  };
}
