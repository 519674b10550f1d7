import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Store } from '../../database';

let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

describe('migration 0056-knowledge-documents', () => {
  it('one document per shop and name, chunks gone with their document, an FTS index over chunk words', async () => {
    store = await openDatabase({ file: ':memory:' });
    const db = store.sqlite;
    db.exec(`INSERT INTO shops (name, currency, created_at) VALUES ('S', 'DZD', 'now')`);
    const doc = db.prepare(
      `INSERT INTO knowledge_documents (shop_id, name, kind, bytes, sha256, chars, created_at, updated_at) VALUES (1, 'cgv.pdf', 'pdf', 10, 'x', 5, 'now', 'now')`,
    );
    doc.run();
    expect(() => doc.run()).toThrow(/UNIQUE/);
    db.prepare(`INSERT INTO knowledge_chunks (document_id, shop_id, ord, text) VALUES (1, 1, 0, 'Garantie 12 mois')`).run();
    db.prepare(`INSERT INTO knowledge_chunk_words (rowid, words) VALUES (1, 'garantie 12 mois')`).run();
    expect(db.prepare(`SELECT rowid FROM knowledge_chunk_words WHERE knowledge_chunk_words MATCH 'garan*'`).all()).toEqual([{ rowid: 1 }]);
    const plan = (
      db.prepare('EXPLAIN QUERY PLAN SELECT * FROM knowledge_chunks WHERE document_id = 1 ORDER BY ord').all() as { detail: string }[]
    )
      .map((r) => r.detail)
      .join(' ');
    expect(plan).toMatch(/INDEX knowledge_chunks_document/);
    db.prepare('DELETE FROM shops WHERE id = 1').run();
    expect(db.prepare('SELECT (SELECT count(*) FROM knowledge_documents) + (SELECT count(*) FROM knowledge_chunks) AS n').get()).toEqual({
      n: 0,
    });
  });
});
