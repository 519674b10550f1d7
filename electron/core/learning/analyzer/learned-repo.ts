import type SQLite from 'better-sqlite3';
import type { LearnedEntry } from '../../../../shared/domain/learning';

interface Row {
  knowledge_id: number;
  question: string;
  answer: string;
  keywords: string;
  status: LearnedEntry['status'];
  kind: LearnedEntry['kind'];
  category: string;
  confidence: number;
  support: number;
  conversation_id: number | null;
  created_at: string;
}

const DAY = 86_400_000;

/** Learned knowledge as the Learning page lists it: the entry, its origin and standing. */
export function makeLearnedRepo(sqlite: SQLite.Database) {
  const s = {
    list: sqlite.prepare<[number, string], Row>(
      `SELECT l.knowledge_id, k.question, k.answer, k.keywords, k.status, l.kind, l.category, l.confidence, l.support, l.conversation_id, l.created_at
       FROM learned_sources l JOIN knowledge k ON k.id = l.knowledge_id
       WHERE l.shop_id = ? AND k.status = ? ORDER BY l.support DESC, l.confidence DESC, l.knowledge_id DESC LIMIT 500`,
    ),
    learnedSince: sqlite.prepare<[number, string], { n: number }>(
      'SELECT count(*) AS n FROM learned_sources WHERE shop_id = ? AND created_at >= ?',
    ),
    salesSince: sqlite.prepare<[number, string], { n: number }>(
      'SELECT count(*) AS n FROM analyzed_conversations WHERE shop_id = ? AND analyzed_at >= ?',
    ),
  };
  return {
    list(shopId: number, status: LearnedEntry['status']): LearnedEntry[] {
      return s.list.all(shopId, status).map((r) => ({
        knowledgeId: r.knowledge_id,
        question: r.question,
        answer: r.answer,
        keywords: (JSON.parse(r.keywords) as unknown[]).map(String),
        status: r.status,
        kind: r.kind,
        category: r.category,
        confidence: r.confidence,
        support: r.support,
        conversationId: r.conversation_id,
        createdAt: r.created_at,
      }));
    },
    /** "Learned N answers this week from M sales." */
    week(shopId: number, now: Date): { answers: number; sales: number } {
      const since = new Date(now.getTime() - 7 * DAY).toISOString();
      return { answers: s.learnedSince.get(shopId, since)!.n, sales: s.salesSince.get(shopId, since)!.n };
    },
  };
}
