import type { KnowledgeEntry, KnowledgeSource, KnowledgeStatus } from '../../../shared/domain/knowledge';
import { knowledgeSearchDoc, shopToken } from '../catalog';
import type { WritableSqlite } from '../store';

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
export function makeKnowledgeRepo(sqlite: WritableSqlite) {
  const s = {
    byId: sqlite.prepare<[number, number], KnowledgeRow>(`SELECT * FROM knowledge WHERE shop_id = ? AND id = ?`),
    insert: sqlite.prepare(
      `INSERT INTO knowledge (shop_id, question, answer, keywords, source, status, search_doc, created_at, updated_at)
       VALUES (@shop_id, @question, @answer, @keywords, @source, @status, @search_doc, @now, @now)`,
    ),
    update: sqlite.prepare(
      `UPDATE knowledge SET question = @question, answer = @answer, keywords = @keywords, source = @source, status = @status,
         search_doc = @search_doc, updated_at = @now WHERE shop_id = @shop_id AND id = @id`,
    ),
    delete: sqlite.prepare(`DELETE FROM knowledge WHERE shop_id = ? AND id = ?`),
    list: sqlite.prepare<[number], KnowledgeRow>(`SELECT * FROM knowledge WHERE shop_id = ? ORDER BY id DESC`),
    listByStatus: sqlite.prepare<[number, string], KnowledgeRow>(
      `SELECT * FROM knowledge WHERE shop_id = ? AND status = ? ORDER BY id DESC`,
    ),
    triDelete: sqlite.prepare(`DELETE FROM knowledge_tri WHERE rowid = ?`),
    wordsDelete: sqlite.prepare(`DELETE FROM knowledge_words WHERE rowid = ?`),
    triInsert: sqlite.prepare(`INSERT INTO knowledge_tri (rowid, shop, question, keywords, answer) VALUES (?, ?, ?, ?, ?)`),
    wordsInsert: sqlite.prepare(
      `INSERT INTO knowledge_words (rowid, shop, question, keywords, answer, concepts) VALUES (?, ?, ?, ?, ?, ?)`,
    ),
  };

  function writeIndex(id: number, shopId: number, input: KnowledgeInput): string {
    const doc = knowledgeSearchDoc(input);
    s.triDelete.run(id);
    s.wordsDelete.run(id);
    if (input.status === 'active') {
      const keywords = doc.keywords.map((k) => k.join(' ')).join(' ; ');
      s.triInsert.run(id, shopToken(shopId), doc.question.join(' '), keywords, doc.answer.join(' '));
      s.wordsInsert.run(id, shopToken(shopId), doc.question.join(' '), keywords, doc.answer.join(' '), doc.concepts.join(' '));
    }
    return JSON.stringify(doc);
  }

  const params = (shopId: number, input: KnowledgeInput, now: string) => ({
    shop_id: shopId,
    question: input.question,
    answer: input.answer,
    keywords: JSON.stringify(input.keywords),
    source: input.source,
    status: input.status,
    now,
  });

  return {
    get(shopId: number, id: number): KnowledgeEntry | undefined {
      const row = s.byId.get(shopId, id);
      return row && rowToEntry(row);
    },
    list(shopId: number, status?: KnowledgeStatus): KnowledgeEntry[] {
      return (status ? s.listByStatus.all(shopId, status) : s.list.all(shopId)).map(rowToEntry);
    },
    create(shopId: number, input: KnowledgeInput, now: string): KnowledgeEntry {
      return sqlite.transaction(() => {
        const id = Number(s.insert.run({ ...params(shopId, input, now), search_doc: '{}' }).lastInsertRowid);
        const search_doc = writeIndex(id, shopId, input);
        s.update.run({ ...params(shopId, input, now), search_doc, id });
        return rowToEntry(s.byId.get(shopId, id) as KnowledgeRow);
      })();
    },
    update(shopId: number, id: number, patch: Partial<KnowledgeInput>, now: string): KnowledgeEntry | undefined {
      return sqlite.transaction(() => {
        const row = s.byId.get(shopId, id);
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
        return rowToEntry(s.byId.get(shopId, id) as KnowledgeRow);
      })();
    },
    delete(shopId: number, id: number): boolean {
      return sqlite.transaction(() => {
        if (s.delete.run(shopId, id).changes === 0) return false;
        s.triDelete.run(id);
        s.wordsDelete.run(id);
        return true;
      })();
    },
  };
}
export type KnowledgeRepo = ReturnType<typeof makeKnowledgeRepo>;
