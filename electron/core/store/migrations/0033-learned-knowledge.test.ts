import { describe, expect, it } from 'vitest';
import { openTestStore, queryPlan } from '../../test-utils/test-store';

describe('migration 0033-learned-knowledge', () => {
  it('tracks analysed conversations and where each learned entry came from, gone with the entry', async () => {
    const store = await openTestStore();
    const db = store.sqlite;
    db.exec(`INSERT INTO shops (name, currency, created_at) VALUES ('S', 'DZD', 'now');
      INSERT INTO knowledge (shop_id, question, answer, keywords, source, status, search_doc, created_at, updated_at)
        VALUES (1, 'q', 'a', '[]', 'learned', 'pending', '{}', 'now', 'now');
      INSERT INTO learned_sources (knowledge_id, shop_id, kind, category, confidence, created_at) VALUES (1, 1, 'qa', 'delivery', 0.7, 'now');`);
    expect(() =>
      db
        .prepare(
          `INSERT INTO learned_sources (knowledge_id, shop_id, kind, category, confidence, created_at) VALUES (1, 1, 'x', 'c', 1, 'now')`,
        )
        .run(),
    ).toThrow();
    expect(queryPlan(store, 'SELECT count(*) FROM learned_sources WHERE shop_id = 1 AND created_at >= 0')).toMatch(
      /learned_sources_shop_time/,
    );
    expect(queryPlan(store, 'SELECT conversation_id FROM orders WHERE shop_id = 1 AND conversation_id IS NOT NULL')).toMatch(
      /orders_shop_conversation/,
    );
    db.prepare('DELETE FROM knowledge WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) AS n FROM learned_sources').get()).toEqual({ n: 0 });
  });
});
