import { createHash } from 'node:crypto';
import type { DocumentKind, KnowledgeDocument } from '../../../../shared/domain/knowledge';
import { chunkText } from './chunk';
import { contentWordsOf, indexWords, stemOf } from './words';
import type { WritableSqlite } from '../../store';

interface DocumentRow {
  id: number;
  shop_id: number;
  name: string;
  kind: DocumentKind;
  bytes: number;
  sha256: string;
  chars: number;
  chunks: number;
  created_at: string;
  updated_at: string;
}

/** One passage of a document that matched a question, with how much of the question it covers. */
export interface DocumentHit {
  documentId: number;
  documentName: string;
  chunkId: number;
  text: string;
  /** Share of the question's content words found in the passage (0..1). */
  score: number;
  matched: string[];
}

const toDocument = (r: DocumentRow): KnowledgeDocument => ({
  id: r.id,
  shopId: r.shop_id,
  name: r.name,
  kind: r.kind,
  bytes: r.bytes,
  chars: r.chars,
  chunks: r.chunks,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const SELECT = `SELECT d.*, (SELECT count(*) FROM knowledge_chunks c WHERE c.document_id = d.id) AS chunks FROM knowledge_documents d`;

/**
 * Knowledge documents, their chunks and the chunks' FTS rows, kept in step in one transaction per
 * write: adding a document under a name the shop already has replaces it (re-indexed), deleting
 * it removes its passages from retrieval at once.
 */
export function makeDocumentsRepo(sqlite: WritableSqlite) {
  const s = {
    list: sqlite.prepare<[number], DocumentRow>(`${SELECT} WHERE d.shop_id = ? ORDER BY d.updated_at DESC, d.id DESC`),
    byId: sqlite.prepare<[number, number], DocumentRow>(`${SELECT} WHERE d.shop_id = ? AND d.id = ?`),
    byName: sqlite.prepare<[number, string], { id: number }>('SELECT id FROM knowledge_documents WHERE shop_id = ? AND name = ?'),
    insert: sqlite.prepare(
      `INSERT INTO knowledge_documents (shop_id, name, kind, bytes, sha256, chars, created_at, updated_at)
       VALUES (@shopId, @name, @kind, @bytes, @sha256, @chars, @now, @now)`,
    ),
    update: sqlite.prepare(
      `UPDATE knowledge_documents SET name = @name, kind = @kind, bytes = @bytes, sha256 = @sha256, chars = @chars, updated_at = @now
       WHERE id = @id AND shop_id = @shopId`,
    ),
    chunkIds: sqlite.prepare<[number], { id: number }>('SELECT id FROM knowledge_chunks WHERE document_id = ?'),
    deleteWords: sqlite.prepare<[number]>('DELETE FROM knowledge_chunk_words WHERE rowid = ?'),
    deleteChunks: sqlite.prepare<[number]>('DELETE FROM knowledge_chunks WHERE document_id = ?'),
    deleteDocument: sqlite.prepare<[number, number]>('DELETE FROM knowledge_documents WHERE shop_id = ? AND id = ?'),
    insertChunk: sqlite.prepare<[number, number, number, string]>(
      'INSERT INTO knowledge_chunks (document_id, shop_id, ord, text) VALUES (?, ?, ?, ?)',
    ),
    insertWords: sqlite.prepare<[number, string]>('INSERT INTO knowledge_chunk_words (rowid, words) VALUES (?, ?)'),
    search: sqlite.prepare<[string, number, number], { chunk_id: number; text: string; document_id: number; name: string }>(
      `SELECT c.id AS chunk_id, c.text, d.id AS document_id, d.name FROM knowledge_chunk_words w
       JOIN knowledge_chunks c ON c.id = w.rowid JOIN knowledge_documents d ON d.id = c.document_id
       WHERE knowledge_chunk_words MATCH ? AND c.shop_id = ? ORDER BY bm25(knowledge_chunk_words) LIMIT ?`,
    ),
  };

  function dropChunks(documentId: number): void {
    for (const { id } of s.chunkIds.all(documentId)) s.deleteWords.run(id);
    s.deleteChunks.run(documentId);
  }

  return {
    list: (shopId: number): KnowledgeDocument[] => s.list.all(shopId).map(toDocument),
    get(shopId: number, id: number): KnowledgeDocument | undefined {
      const row = s.byId.get(shopId, id);
      return row && toDocument(row);
    },
    /**
     * Stores a document's text, chunked and indexed. `replaceId`, or an existing document of the
     * same name, is replaced in place (same id, new text and index); otherwise a new one is added.
     */
    save(
      shopId: number,
      doc: { name: string; kind: DocumentKind; bytes: Uint8Array; text: string; replaceId?: number },
      now: string,
    ): KnowledgeDocument | undefined {
      const chunks = chunkText(doc.text);
      const fields = {
        shopId,
        name: doc.name,
        kind: doc.kind,
        bytes: doc.bytes.byteLength,
        sha256: createHash('sha256').update(doc.bytes).digest('hex'),
        chars: doc.text.trim().length,
        now,
      };
      return sqlite.transaction(() => {
        const sameName = s.byName.get(shopId, doc.name)?.id;
        let id = doc.replaceId ?? sameName;
        if (id !== undefined && !s.byId.get(shopId, id)) return undefined;
        // Replacing under a new name that another document already has: that one goes.
        if (doc.replaceId !== undefined && sameName !== undefined && sameName !== doc.replaceId) {
          dropChunks(sameName);
          s.deleteDocument.run(shopId, sameName);
        }
        if (id === undefined) id = Number(s.insert.run(fields).lastInsertRowid);
        else {
          dropChunks(id);
          s.update.run({ ...fields, id });
        }
        chunks.forEach((text, ord) => {
          const chunkId = Number(s.insertChunk.run(id, shopId, ord, text).lastInsertRowid);
          s.insertWords.run(chunkId, indexWords(text));
        });
        return toDocument(s.byId.get(shopId, id)!);
      })();
    },
    delete(shopId: number, id: number): boolean {
      return sqlite.transaction(() => {
        if (!s.byId.get(shopId, id)) return false;
        dropChunks(id);
        return s.deleteDocument.run(shopId, id).changes === 1;
      })();
    },
    /** Passages that answer `question`, best first: FTS over word prefixes, scored by coverage. */
    search(shopId: number, question: string, k = 3): DocumentHit[] {
      const words = contentWordsOf(question).slice(0, 12);
      if (words.length === 0) return [];
      const stems = words.map(stemOf);
      const match = [...new Set(stems)].map((st) => `"${st.replace(/"/g, '')}"*`).join(' OR ');
      const rows = s.search.all(match, shopId, 20);
      return rows
        .map((r) => {
          const passage = indexWords(r.text).split(' ');
          const matched = words.filter((_, i) => passage.some((w) => w.startsWith(stems[i]!)));
          return {
            documentId: r.document_id,
            documentName: r.name,
            chunkId: r.chunk_id,
            text: r.text,
            score: matched.length / words.length,
            matched,
          };
        })
        .sort((a, b) => b.score - a.score)
        .slice(0, k);
    },
  };
}
export type DocumentsRepo = ReturnType<typeof makeDocumentsRepo>;
