import type { Database } from '../database';
import { type WritableSqlite, typedStatements } from '../store';

/**
 * A customer's erasure, the pipeline's part (contacts/delete calls it in its transaction): the
 * messages of their conversations. Queue and outbox rows go with their messages (ON DELETE
 * CASCADE); the search index's delete trigger removes each indexed message.
 */
export function deleteContactData(tx: WritableSqlite, { conversationIds }: { conversationIds: readonly number[] }): { messages: number } {
  if (conversationIds.length === 0) return { messages: 0 };
  const erase = typedStatements<Database>(tx).now((db) => db.deleteFrom('messages').where('conversation_id', 'in', conversationIds));
  return { messages: erase.run().changes };
}
