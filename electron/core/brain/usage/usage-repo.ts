import type { BrainTables } from '../tables';
import { type WritableSqlite, typedStatements } from '../../store';

/**
 * Token spend per shop per day and LLM-answered messages per customer per day (migration 0006).
 * Synchronous like the other better-sqlite3 repositories; one upsert per LLM call.
 */
export function makeUsageRepo(sqlite: WritableSqlite) {
  const statements = typedStatements<BrainTables>(sqlite);
  const s = {
    shopDay: statements.prepare((db, p: { shopId: number; day: string }) =>
      db.selectFrom('llm_usage').select(['tokens', 'requests']).where('shop_id', '=', p.shopId).where('day', '=', p.day),
    ),
    addTokens: statements.prepare((db, p: { shopId: number; day: string; tokens: number }) =>
      db
        .insertInto('llm_usage')
        .values({ shop_id: p.shopId, day: p.day, tokens: p.tokens, requests: 1 })
        .onConflict((oc) =>
          oc.columns(['shop_id', 'day']).doUpdateSet((eb) => ({
            tokens: eb('tokens', '+', eb.ref('excluded.tokens')),
            requests: eb('requests', '+', 1),
          })),
        ),
    ),
    contactDay: statements.prepare((db, p: { shopId: number; contactId: number; day: string }) =>
      db
        .selectFrom('llm_contact_usage')
        .select('messages')
        .where('shop_id', '=', p.shopId)
        .where('contact_id', '=', p.contactId)
        .where('day', '=', p.day),
    ),
    addMessage: statements.prepare((db, p: { shopId: number; contactId: number; day: string }) =>
      db
        .insertInto('llm_contact_usage')
        .values({ shop_id: p.shopId, contact_id: p.contactId, day: p.day, messages: 1 })
        .onConflict((oc) => oc.columns(['shop_id', 'contact_id', 'day']).doUpdateSet((eb) => ({ messages: eb('messages', '+', 1) }))),
    ),
  };
  return {
    shopDay(shopId: number, day: string): { tokens: number; requests: number } {
      return s.shopDay.get({ shopId, day }) ?? { tokens: 0, requests: 0 };
    },
    addTokens(shopId: number, day: string, tokens: number): void {
      s.addTokens.run({ shopId, day, tokens: Math.max(0, Math.round(tokens)) });
    },
    contactMessages(shopId: number, contactId: number, day: string): number {
      return s.contactDay.get({ shopId, contactId, day })?.messages ?? 0;
    },
    addContactMessage(shopId: number, contactId: number, day: string): void {
      s.addMessage.run({ shopId, contactId, day });
    },
  };
}
export type UsageRepo = ReturnType<typeof makeUsageRepo>;
