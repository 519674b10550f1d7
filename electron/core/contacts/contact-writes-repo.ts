import type { WritableSqlite } from '../store';

/**
 * The pipeline's writes of `contacts` (a new address, a changed name), as raw prepared statements: accept, the
 * measured hot path, runs them inside pipeline-store's transaction. They live here so the table has one writer.
 */
export function prepareContactWrites(sqlite: WritableSqlite) {
  return {
    insertContact: sqlite.prepare<[number, string, string | null, string], { id: number }>(
      'INSERT INTO contacts (shop_id, jid, name, created_at) VALUES (?, ?, ?, ?) RETURNING id',
    ),
    renameContact: sqlite.prepare<[string, number]>('UPDATE contacts SET name = ? WHERE id = ?'),
  };
}
