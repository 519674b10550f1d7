import { sql } from 'kysely';
import { type WritableSqlite, typedStatements } from '../store';
import type { KnowledgeTables } from './tables';

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
  const statements = typedStatements<KnowledgeTables>(tx);
  const rows = statements
    .prepare((db, p: { shopId: number }) =>
      db.selectFrom('knowledge').select(['id', 'question', 'answer']).where('shop_id', '=', p.shopId).where('source', '=', 'learned'),
    )
    .all({ shopId });
  const quoting = rows.filter((r) => quotes.some((q) => r.question.includes(q) || r.answer.includes(q)));
  if (quoting.length > 0) {
    const triDelete = statements.prepare((db, p: { id: number }) => db.deleteFrom('knowledge_tri').where('rowid', '=', p.id));
    const wordsDelete = statements.prepare((db, p: { id: number }) => db.deleteFrom('knowledge_words').where('rowid', '=', p.id));
    const entryDelete = statements.prepare((db, p: { id: number }) => db.deleteFrom('knowledge').where('id', '=', p.id));
    for (const { id } of quoting) {
      triDelete.run({ id });
      wordsDelete.run({ id });
      entryDelete.run({ id });
    }
    // Merge the indexes so the deleted entries' terms leave their segments (FTS5's 'optimize' command:
    // an insert into the column named after the table, which no table type has).
    statements.prepare((db) => db.insertInto('knowledge_tri').expression(sql`(knowledge_tri) values ('optimize')`)).run();
    statements.prepare((db) => db.insertInto('knowledge_words').expression(sql`(knowledge_words) values ('optimize')`)).run();
  }
  return { learnedEntries: quoting.length };
}
