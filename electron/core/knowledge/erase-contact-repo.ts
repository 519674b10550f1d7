import type { WritableSqlite } from '../store';

/**
 * A customer's erasure, knowledge's part (in contacts/delete's transaction): learned (not
 * seller-written) entries whose question or answer quotes the customer, with their search rows.
 * Returns how many entries went.
 */
export function deleteContactData(
  tx: WritableSqlite,
  { shopId, quotes }: { shopId: number; quotes: readonly string[] },
): { learnedEntries: number } {
  if (quotes.length === 0) return { learnedEntries: 0 };
  const rows = tx
    .prepare<[number], { id: number; question: string; answer: string }>(
      "SELECT id, question, answer FROM knowledge WHERE shop_id = ? AND source = 'learned'",
    )
    .all(shopId);
  const quoting = rows.filter((r) => quotes.some((q) => r.question.includes(q) || r.answer.includes(q)));
  for (const row of quoting) {
    tx.prepare('DELETE FROM knowledge_tri WHERE rowid = ?').run(row.id);
    tx.prepare('DELETE FROM knowledge_words WHERE rowid = ?').run(row.id);
    tx.prepare('DELETE FROM knowledge WHERE id = ?').run(row.id);
  }
  if (quoting.length > 0) {
    // Merge the indexes so the deleted entries' terms leave their segments.
    tx.prepare("INSERT INTO knowledge_tri(knowledge_tri) VALUES ('optimize')").run();
    tx.prepare("INSERT INTO knowledge_words(knowledge_words) VALUES ('optimize')").run();
  }
  return { learnedEntries: quoting.length };
}
