import { createHash } from 'node:crypto';
import { type Kysely, type Selectable, type SqlBool, sql } from 'kysely';
import type { DocumentKind, KnowledgeDocument } from '../../../../shared/domain/knowledge';
import { chunkText } from './chunk';
import { contentWordsOf, indexWords, stemOf } from './words';
import { type WritableSqlite, typedStatements } from '../../store';
import type { KnowledgeDocumentsTable, KnowledgeTables } from '../tables';

/** A document's row with its chunk count, as the queries below read it. */
type DocumentRow = Selectable<KnowledgeDocumentsTable> & { chunks: number | null };

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
  // The column holds what `save` wrote: a DocumentKind.
  kind: r.kind as DocumentKind,
  bytes: r.bytes,
  chars: r.chars,
  // A count is never null; the type says a scalar subquery may be.
  chunks: r.chunks ?? 0,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/**
 * Knowledge documents, their chunks and the chunks' FTS rows, kept in step in one transaction per
 * write: adding a document under a name the shop already has replaces it (re-indexed), deleting
 * it removes its passages from retrieval at once.
 */
export function makeDocumentsRepo(sqlite: WritableSqlite) {
  const statements = typedStatements<KnowledgeTables>(sqlite);
  type Fields = { shopId: number; name: string; kind: DocumentKind; bytes: number; sha256: string; chars: number; now: string };
  /** A document's row with how many chunks it has. */
  const documents = (db: Kysely<KnowledgeTables>) =>
    db
      .selectFrom('knowledge_documents as d')
      .selectAll('d')
      .select((eb) =>
        eb.selectFrom('knowledge_chunks as c').select(eb.fn.countAll<number>().as('n')).whereRef('c.document_id', '=', 'd.id').as('chunks'),
      );
  const s = {
    list: statements.prepare((db, p: { shopId: number }) =>
      documents(db).where('d.shop_id', '=', p.shopId).orderBy('d.updated_at', 'desc').orderBy('d.id', 'desc'),
    ),
    byId: statements.prepare((db, p: { shopId: number; id: number }) =>
      documents(db).where('d.shop_id', '=', p.shopId).where('d.id', '=', p.id),
    ),
    byName: statements.prepare((db, p: { shopId: number; name: string }) =>
      db.selectFrom('knowledge_documents').select('id').where('shop_id', '=', p.shopId).where('name', '=', p.name),
    ),
    insert: statements.prepare((db, p: Fields) =>
      db.insertInto('knowledge_documents').values({
        shop_id: p.shopId,
        name: p.name,
        kind: p.kind,
        bytes: p.bytes,
        sha256: p.sha256,
        chars: p.chars,
        created_at: p.now,
        updated_at: p.now,
      }),
    ),
    update: statements.prepare((db, p: Fields & { id: number }) =>
      db
        .updateTable('knowledge_documents')
        .set({ name: p.name, kind: p.kind, bytes: p.bytes, sha256: p.sha256, chars: p.chars, updated_at: p.now })
        .where('id', '=', p.id)
        .where('shop_id', '=', p.shopId),
    ),
    chunkIds: statements.prepare((db, p: { documentId: number }) =>
      db.selectFrom('knowledge_chunks').select('id').where('document_id', '=', p.documentId),
    ),
    deleteWords: statements.prepare((db, p: { id: number }) => db.deleteFrom('knowledge_chunk_words').where('rowid', '=', p.id)),
    deleteChunks: statements.prepare((db, p: { documentId: number }) =>
      db.deleteFrom('knowledge_chunks').where('document_id', '=', p.documentId),
    ),
    deleteDocument: statements.prepare((db, p: { shopId: number; id: number }) =>
      db.deleteFrom('knowledge_documents').where('shop_id', '=', p.shopId).where('id', '=', p.id),
    ),
    insertChunk: statements.prepare((db, p: { documentId: number; shopId: number; ord: number; text: string }) =>
      db.insertInto('knowledge_chunks').values({ document_id: p.documentId, shop_id: p.shopId, ord: p.ord, text: p.text }),
    ),
    insertWords: statements.prepare((db, p: { id: number; words: string }) =>
      db.insertInto('knowledge_chunk_words').values({ rowid: p.id, words: p.words }),
    ),
    search: statements.prepare((db, p: { match: string; shopId: number; limit: number }) =>
      db
        .selectFrom('knowledge_chunk_words as w')
        .innerJoin('knowledge_chunks as c', 'c.id', 'w.rowid')
        .innerJoin('knowledge_documents as d', 'd.id', 'c.document_id')
        .select(['c.id as chunk_id', 'c.text', 'd.id as document_id', 'd.name'])
        .where(sql<SqlBool>`knowledge_chunk_words match ${p.match}`)
        .where('c.shop_id', '=', p.shopId)
        .orderBy(sql`bm25(knowledge_chunk_words)`)
        .limit(p.limit),
    ),
  };

  function dropChunks(documentId: number): void {
    for (const { id } of s.chunkIds.all({ documentId })) s.deleteWords.run({ id });
    s.deleteChunks.run({ documentId });
  }

  return {
    list: (shopId: number): KnowledgeDocument[] => s.list.all({ shopId }).map(toDocument),
    get(shopId: number, id: number): KnowledgeDocument | undefined {
      const row = s.byId.get({ shopId, id });
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
        const sameName = s.byName.get({ shopId, name: doc.name })?.id;
        let id = doc.replaceId ?? sameName;
        if (id !== undefined && !s.byId.get({ shopId, id })) return undefined;
        // Replacing under a new name that another document already has: that one goes.
        if (doc.replaceId !== undefined && sameName !== undefined && sameName !== doc.replaceId) {
          dropChunks(sameName);
          s.deleteDocument.run({ shopId, id: sameName });
        }
        if (id === undefined) id = Number(s.insert.run(fields).lastInsertRowid);
        else {
          dropChunks(id);
          s.update.run({ ...fields, id });
        }
        chunks.forEach((text, ord) => {
          const chunkId = Number(s.insertChunk.run({ documentId: id, shopId, ord, text }).lastInsertRowid);
          s.insertWords.run({ id: chunkId, words: indexWords(text) });
        });
        return toDocument(s.byId.get({ shopId, id })!);
      })();
    },
    delete(shopId: number, id: number): boolean {
      return sqlite.transaction(() => {
        if (!s.byId.get({ shopId, id })) return false;
        dropChunks(id);
        return s.deleteDocument.run({ shopId, id }).changes === 1;
      })();
    },
    /** Passages that answer `question`, best first: FTS over word prefixes, scored by coverage. */
    search(shopId: number, question: string, k = 3): DocumentHit[] {
      const words = contentWordsOf(question).slice(0, 12);
      if (words.length === 0) return [];
      const stems = words.map(stemOf);
      const match = [...new Set(stems)].map((st) => `"${st.replace(/"/g, '')}"*`).join(' OR ');
      const rows = s.search.all({ match, shopId, limit: 20 });
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
