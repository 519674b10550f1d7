import type { AnalyzedMessage } from './extract';
import type { WritableSqlite } from '../../store';

/**
 * The rows one analysis pass reads (ordered conversations not analysed yet, their messages, the
 * shop's knowledge questions) and writes (analyzed_conversations, learned_sources; migration 0033).
 * Raw prepared statements, not kysely: the pass writes its results in one synchronous transaction
 * with the knowledge repository's (synchronous) create, so a learned entry and its source land together.
 */
export function makeAnalyzerRepo(sqlite: WritableSqlite) {
  const s = {
    todo: sqlite.prepare<[number], { conversation_id: number; ordered_at: string }>(
      `SELECT o.conversation_id, min(o.created_at) AS ordered_at FROM orders o
       WHERE o.shop_id = ? AND o.conversation_id IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM analyzed_conversations a WHERE a.conversation_id = o.conversation_id)
       GROUP BY o.conversation_id ORDER BY o.conversation_id`,
    ),
    messages: sqlite.prepare<[number, string], AnalyzedMessage>(
      `SELECT direction, author, text, meta FROM messages WHERE conversation_id = ? AND created_at <= ? AND status NOT IN ('draft', 'rejected') ORDER BY id`,
    ),
    existing: sqlite.prepare<[number], { id: number; question: string; source: 'seller' | 'learned' }>(
      'SELECT id, question, source FROM knowledge WHERE shop_id = ?',
    ),
    markAnalyzed: sqlite.prepare<[number, number, number, string]>(
      'INSERT OR IGNORE INTO analyzed_conversations (conversation_id, shop_id, pairs, analyzed_at) VALUES (?, ?, ?, ?)',
    ),
    source: sqlite.prepare(
      `INSERT INTO learned_sources (knowledge_id, shop_id, kind, category, confidence, support, conversation_id, created_at)
       VALUES (@knowledgeId, @shopId, @kind, @category, @confidence, @support, @conversationId, @now)`,
    ),
    addSupport: sqlite.prepare<[number, number, number]>(
      'UPDATE learned_sources SET support = support + ?, confidence = min(0.95, confidence + 0.05 * ?) WHERE knowledge_id = ?',
    ),
  };

  return {
    transaction: (work: () => void) => sqlite.transaction(work)(),
    todo: (shopId: number) => s.todo.all(shopId),
    messages: (conversationId: number, orderedAt: string) => s.messages.all(conversationId, orderedAt),
    existing: (shopId: number) => s.existing.all(shopId),
    markAnalyzed: (conversationId: number, shopId: number, pairs: number, now: string) =>
      void s.markAnalyzed.run(conversationId, shopId, pairs, now),
    addSource: (row: {
      knowledgeId: number;
      shopId: number;
      kind: string;
      category: string;
      confidence: number;
      support: number;
      conversationId: number | null;
      now: string;
    }) => void s.source.run(row),
    addSupport: (knowledgeId: number, more: number) => void s.addSupport.run(more, more, knowledgeId),
  };
}
