import type { WritableSqlite } from '../../store';

/**
 * Token spend per shop per day and LLM-answered messages per customer per day (migration 0006).
 * Synchronous like the other better-sqlite3 repositories; one upsert per LLM call.
 */
export function makeUsageRepo(sqlite: WritableSqlite) {
  const s = {
    shopDay: sqlite.prepare<[number, string], { tokens: number; requests: number }>(
      `SELECT tokens, requests FROM llm_usage WHERE shop_id = ? AND day = ?`,
    ),
    addTokens: sqlite.prepare<[number, string, number]>(
      `INSERT INTO llm_usage (shop_id, day, tokens, requests) VALUES (?, ?, ?, 1)
       ON CONFLICT (shop_id, day) DO UPDATE SET tokens = tokens + excluded.tokens, requests = requests + 1`,
    ),
    contactDay: sqlite.prepare<[number, number, string], { messages: number }>(
      `SELECT messages FROM llm_contact_usage WHERE shop_id = ? AND contact_id = ? AND day = ?`,
    ),
    addMessage: sqlite.prepare<[number, number, string]>(
      `INSERT INTO llm_contact_usage (shop_id, contact_id, day, messages) VALUES (?, ?, ?, 1)
       ON CONFLICT (shop_id, contact_id, day) DO UPDATE SET messages = messages + 1`,
    ),
  };
  return {
    shopDay(shopId: number, day: string): { tokens: number; requests: number } {
      return s.shopDay.get(shopId, day) ?? { tokens: 0, requests: 0 };
    },
    addTokens(shopId: number, day: string, tokens: number): void {
      s.addTokens.run(shopId, day, Math.max(0, Math.round(tokens)));
    },
    contactMessages(shopId: number, contactId: number, day: string): number {
      return s.contactDay.get(shopId, contactId, day)?.messages ?? 0;
    },
    addContactMessage(shopId: number, contactId: number, day: string): void {
      s.addMessage.run(shopId, contactId, day);
    },
  };
}
export type UsageRepo = ReturnType<typeof makeUsageRepo>;
