import type { WritableSqlite } from '../store';

/** A customer's erasure, the conversations' part (in contacts/delete's transaction); brain state goes with them (CASCADE). */
export function deleteContactData(tx: WritableSqlite, { conversationIds }: { conversationIds: readonly number[] }): Record<string, never> {
  if (conversationIds.length > 0) {
    tx.prepare(`DELETE FROM conversations WHERE id IN (${conversationIds.map(() => '?').join(',')})`).run(...conversationIds);
  }
  return {};
}
