// Retrieval's reads of whole rows, raw prepared statements on the reply's hot path (sixty candidates
// scored, the winners loaded, every turn): the products and knowledge rows the retriever returns.
import type { ProductRow } from '../../catalog';
import type { KnowledgeRow } from '../../knowledge';
import type { ReadableSqlite } from '../../store';

/** Candidates' search documents (and SKU) by id, in one query: `json_each` over the ids, this shop's rows only. */
export function searchDocsStatement(sqlite: ReadableSqlite, table: 'products' | 'knowledge', extraWhere: string) {
  return sqlite.prepare<[string, number], { id: number; search_doc: string; sku: string }>(
    `SELECT t.id, t.search_doc, ${table === 'products' ? 't.sku' : "''"} AS sku
     FROM json_each(?) AS j CROSS JOIN ${table} AS t ON t.id = j.value WHERE t.shop_id = ? ${extraWhere}`,
  );
}

/** A hit's full row (product, or active knowledge entry), and a shop's live products for the embeddings pass. */
export function retrievalStatements(sqlite: ReadableSqlite) {
  return {
    productRow: sqlite.prepare<[number, number], ProductRow>(`SELECT * FROM products WHERE shop_id = ? AND id = ?`),
    /** Several hits' rows at once (ids as a JSON array), this shop's only. */
    productRows: sqlite.prepare<[string, number], ProductRow>(
      `SELECT p.* FROM json_each(?) AS j CROSS JOIN products AS p ON p.id = j.value WHERE p.shop_id = ?`,
    ),
    knowledgeRow: sqlite.prepare<[number, number], KnowledgeRow>(
      `SELECT * FROM knowledge WHERE shop_id = ? AND id = ? AND status = 'active'`,
    ),
    loadAllProducts: sqlite.prepare<[number], ProductRow>(`SELECT * FROM products WHERE shop_id = ? AND archived_at IS NULL`),
  };
}
