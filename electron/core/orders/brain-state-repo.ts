import type { Database } from '../database';
import type { WritableDB } from '../store';

/**
 * The offline brain's memory of one conversation (cart, order slots, last product), stored as
 * JSON. The repository does not know the document's shape; the brain validates what it reads.
 */
export function makeBrainStateRepo(db: WritableDB<Database>) {
  return {
    async get(conversationId: number): Promise<unknown> {
      const row = await db.selectFrom('brain_state').select('doc').where('conversation_id', '=', conversationId).executeTakeFirst();
      if (!row) return null;
      try {
        return JSON.parse(row.doc) as unknown;
      } catch {
        return null;
      }
    },
    async put(shopId: number, conversationId: number, doc: unknown, now: string): Promise<void> {
      const text = JSON.stringify(doc);
      await db
        .insertInto('brain_state')
        .values({ conversation_id: conversationId, shop_id: shopId, doc: text, updated_at: now })
        .onConflict((oc) => oc.column('conversation_id').doUpdateSet({ doc: text, updated_at: now }))
        .execute();
    },
  };
}
