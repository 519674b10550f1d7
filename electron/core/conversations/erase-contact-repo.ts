import type { ConversationsTables } from './tables';
import { type WritableSqlite, typedStatements } from '../store';

/** A customer's erasure, the conversations' part (in contacts/delete's transaction); brain state goes with them (CASCADE). */
export function deleteContactData(tx: WritableSqlite, { conversationIds }: { conversationIds: readonly number[] }): Record<string, never> {
  if (conversationIds.length > 0) {
    typedStatements<ConversationsTables>(tx)
      .now((db) => db.deleteFrom('conversations').where('id', 'in', conversationIds))
      .run();
  }
  return {};
}
