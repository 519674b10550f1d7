import type { KnowledgeEntry, KnowledgeSource, KnowledgeStatus } from '../../../shared/domain/knowledge';
import { knowledgeSearchDoc, shopToken } from '../catalog';
import { type WritableSqlite, typedStatements } from '../store';
import type { KnowledgeTables } from './tables';

export interface KnowledgeRow {
  id: number;
  shop_id: number;
  question: string;
  answer: string;
  keywords: string;
  source: KnowledgeSource;
  status: KnowledgeStatus;
  search_doc: string;
  created_at: string;
  updated_at: string;
}

export function rowToEntry(row: KnowledgeRow): KnowledgeEntry {
  const keywords: unknown = JSON.parse(row.keywords);
  return {
    id: row.id,
    shopId: row.shop_id,
    question: row.question,
    answer: row.answer,
    keywords: Array.isArray(keywords) ? keywords.map(String) : [],
    source: row.source,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface KnowledgeInput {
  question: string;
  answer: string;
  keywords: string[];
  source: KnowledgeSource;
  status: KnowledgeStatus;
}

/**
 * FAQ entries and their two FTS rows, kept in step in one transaction per write. Only active
 * entries are indexed: pending and dismissed ones can never reach a customer through retrieval.
 */
/** An entry's row in knowledge_tri and knowledge_words (rowid = the entry's id). */
type IndexRow = { id: number; shop: string; question: string; keywords: string; answer: string; concepts: string };

export function makeKnowledgeRepo(sqlite: WritableSqlite) {
  const statements = typedStatements<KnowledgeTables>(sqlite);
  type Row = ReturnType<typeof params> & { search_doc: string };
  const s = {
    byId: statements.prepare((db, p: { shopId: number; id: number }) =>
      db.selectFrom('knowledge').selectAll().where('shop_id', '=', p.shopId).where('id', '=', p.id),
    ),
    insert: statements.prepare((db, p: Row) =>
      db.insertInto('knowledge').values({
        shop_id: p.shop_id,
        question: p.question,
        answer: p.answer,
        keywords: p.keywords,
        source: p.source,
        status: p.status,
        search_doc: p.search_doc,
        created_at: p.now,
        updated_at: p.now,
      }),
    ),
    update: statements.prepare((db, p: Row & { id: number }) =>
      db
        .updateTable('knowledge')
        .set({
          question: p.question,
          answer: p.answer,
          keywords: p.keywords,
          source: p.source,
          status: p.status,
          search_doc: p.search_doc,
          updated_at: p.now,
        })
        .where('shop_id', '=', p.shop_id)
        .where('id', '=', p.id),
    ),
    delete: statements.prepare((db, p: { shopId: number; id: number }) =>
      db.deleteFrom('knowledge').where('shop_id', '=', p.shopId).where('id', '=', p.id),
    ),
    list: statements.prepare((db, p: { shopId: number }) =>
      db.selectFrom('knowledge').selectAll().where('shop_id', '=', p.shopId).orderBy('id', 'desc'),
    ),
    listByStatus: statements.prepare((db, p: { shopId: number; status: KnowledgeStatus }) =>
      db.selectFrom('knowledge').selectAll().where('shop_id', '=', p.shopId).where('status', '=', p.status).orderBy('id', 'desc'),
    ),
    triDelete: statements.prepare((db, p: { id: number }) => db.deleteFrom('knowledge_tri').where('rowid', '=', p.id)),
    wordsDelete: statements.prepare((db, p: { id: number }) => db.deleteFrom('knowledge_words').where('rowid', '=', p.id)),
    triInsert: statements.prepare((db, p: IndexRow) =>
      db.insertInto('knowledge_tri').values({ rowid: p.id, shop: p.shop, question: p.question, keywords: p.keywords, answer: p.answer }),
    ),
    wordsInsert: statements.prepare((db, p: IndexRow) =>
      db.insertInto('knowledge_words').values({
        rowid: p.id,
        shop: p.shop,
        question: p.question,
        keywords: p.keywords,
        answer: p.answer,
        concepts: p.concepts,
      }),
    ),
  };

  function writeIndex(id: number, shopId: number, input: KnowledgeInput): string {
    const doc = knowledgeSearchDoc(input);
    s.triDelete.run({ id });
    s.wordsDelete.run({ id });
    if (input.status === 'active') {
      const keywords = doc.keywords.map((k) => k.join(' ')).join(' ; ');
      const row = {
        id,
        shop: shopToken(shopId),
        question: doc.question.join(' '),
        keywords,
        answer: doc.answer.join(' '),
        concepts: doc.concepts.join(' '),
      };
      s.triInsert.run(row);
      s.wordsInsert.run(row);
    }
    return JSON.stringify(doc);
  }

  function params(shopId: number, input: KnowledgeInput, now: string) {
    return {
      shop_id: shopId,
      question: input.question,
      answer: input.answer,
      keywords: JSON.stringify(input.keywords),
      source: input.source,
      status: input.status,
      now,
    };
  }

  return {
    get(shopId: number, id: number): KnowledgeEntry | undefined {
      const row = s.byId.get({ shopId, id });
      return row && rowToEntry(row);
    },
    list(shopId: number, status?: KnowledgeStatus): KnowledgeEntry[] {
      return (status ? s.listByStatus.all({ shopId, status }) : s.list.all({ shopId })).map(rowToEntry);
    },
    create(shopId: number, input: KnowledgeInput, now: string): KnowledgeEntry {
      return sqlite.transaction(() => {
        const id = Number(s.insert.run({ ...params(shopId, input, now), search_doc: '{}' }).lastInsertRowid);
        const search_doc = writeIndex(id, shopId, input);
        s.update.run({ ...params(shopId, input, now), search_doc, id });
        return rowToEntry(s.byId.get({ shopId, id }) as KnowledgeRow);
      })();
    },
    update(shopId: number, id: number, patch: Partial<KnowledgeInput>, now: string): KnowledgeEntry | undefined {
      return sqlite.transaction(() => {
        const row = s.byId.get({ shopId, id });
        if (!row) return undefined;
        const current = rowToEntry(row);
        const next: KnowledgeInput = {
          question: patch.question ?? current.question,
          answer: patch.answer ?? current.answer,
          keywords: patch.keywords ?? current.keywords,
          source: patch.source ?? current.source,
          status: patch.status ?? current.status,
        };
        const search_doc = writeIndex(id, shopId, next);
        s.update.run({ ...params(shopId, next, now), search_doc, id });
        return rowToEntry(s.byId.get({ shopId, id }) as KnowledgeRow);
      })();
    },
    delete(shopId: number, id: number): boolean {
      return sqlite.transaction(() => {
        if (s.delete.run({ shopId, id }).changes === 0) return false;
        s.triDelete.run({ id });
        s.wordsDelete.run({ id });
        return true;
      })();
    },
  };
}
export type KnowledgeRepo = ReturnType<typeof makeKnowledgeRepo>;
