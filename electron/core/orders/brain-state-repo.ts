import { CompiledQuery } from 'kysely';
import type { Database } from '../database';
import type { WritableDB } from '../store';

/** Placeholders the queries below are compiled with, swapped for the call's values by identity (not by position). */
const CONVERSATION = -1;
const SHOP = -2;
const DOC = '\u0000doc';
const NOW = '\u0000now';

/**
 * The offline brain's memory of one conversation (cart, order slots, last product), stored as
 * JSON. The repository does not know the document's shape; the brain validates what it reads.
 * Every turn reads and writes it once: both queries are compiled once (building a kysely query
 * costs several times what SQLite takes to run it).
 */
export function makeBrainStateRepo(db: WritableDB<Database>) {
  const select = db.selectFrom('brain_state').select('doc').where('conversation_id', '=', CONVERSATION).compile();
  const upsert = db
    .insertInto('brain_state')
    .values({ conversation_id: CONVERSATION, shop_id: SHOP, doc: DOC, updated_at: NOW })
    .onConflict((oc) => oc.column('conversation_id').doUpdateSet({ doc: DOC, updated_at: NOW }))
    .compile();
  const bind = (query: CompiledQuery, values: ReadonlyMap<unknown, unknown>) =>
    CompiledQuery.raw(
      query.sql,
      query.parameters.map((p) => (values.has(p) ? values.get(p) : p)),
    );
  return {
    async get(conversationId: number): Promise<unknown> {
      const { rows } = await db.executeQuery<{ doc: string }>(bind(select, new Map([[CONVERSATION, conversationId]])));
      const row = rows[0];
      if (!row) return null;
      try {
        return JSON.parse(row.doc) as unknown;
      } catch {
        return null;
      }
    },
    async put(shopId: number, conversationId: number, doc: unknown, now: string): Promise<void> {
      const text = JSON.stringify(doc);
      await db.executeQuery(
        bind(
          upsert,
          new Map<unknown, unknown>([
            [CONVERSATION, conversationId],
            [SHOP, shopId],
            [DOC, text],
            [NOW, now],
          ]),
        ),
      );
    },
  };
}
