import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Store } from '../../database';

let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

describe('migration 0003-catalog', () => {
  it('creates the catalog and knowledge tables and their FTS5 indexes on a fresh database', async () => {
    store = await openDatabase({ file: ':memory:' });
    const names = (
      store.sqlite.prepare(`SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name`).all() as { name: string }[]
    ).map((r) => r.name);
    for (const table of ['products', 'knowledge', 'products_tri', 'products_words', 'knowledge_tri', 'knowledge_words'])
      expect(names).toContain(table);
  });

  it('looks a SKU up through the (shop_id, sku) unique index and rejects a duplicate SKU in one shop', async () => {
    store = await openDatabase({ file: ':memory:' });
    const { sqlite } = store;
    const plan = sqlite.prepare(`EXPLAIN QUERY PLAN SELECT * FROM products WHERE shop_id = ? AND sku = ?`).all(1, 'X') as {
      detail: string;
    }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING INDEX sqlite_autoindex_products_1|USING INDEX products_shop_sku/);
    sqlite.prepare(`INSERT INTO shops (name, currency, created_at) VALUES ('A', 'DZD', 'now'), ('B', 'DZD', 'now')`).run();
    const insert = sqlite.prepare(
      `INSERT INTO products (shop_id, sku, name, price, currency, created_at, updated_at) VALUES (?, ?, 'n', 1, 'DZD', 'now', 'now')`,
    );
    insert.run(1, 'SKU-1');
    insert.run(2, 'SKU-1');
    expect(() => insert.run(1, 'SKU-1')).toThrow(/UNIQUE/);
  });

  it('gives trigram substring matches (accents folded) and word-prefix matches, filtered by shop', async () => {
    store = await openDatabase({ file: ':memory:' });
    const { sqlite } = store;
    sqlite
      .prepare(
        `INSERT INTO products_tri (rowid, shop, names, aliases, other) VALUES (1, 'x1x', 'robe de soirée', '', ''), (2, 'x12x', 'robe', '', '')`,
      )
      .run();
    sqlite
      .prepare(
        `INSERT INTO products_words (rowid, shop, names, aliases, other, concepts) VALUES (1, 'x1x', 'robe de soirée', '', '', 'dress')`,
      )
      .run();
    const tri = sqlite.prepare(`SELECT rowid FROM products_tri WHERE products_tri MATCH ?`).all(`shop : "x1x" AND "soiree"`) as {
      rowid: number;
    }[];
    expect(tri.map((r) => r.rowid)).toEqual([1]);
    const prefix = sqlite.prepare(`SELECT rowid FROM products_words WHERE products_words MATCH ?`).all(`so*`) as { rowid: number }[];
    expect(prefix.map((r) => r.rowid)).toEqual([1]);
    // Contentless with delete support: the repositories keep the index in sync by rowid.
    sqlite.prepare(`DELETE FROM products_tri WHERE rowid = 1`).run();
    expect(sqlite.prepare(`SELECT rowid FROM products_tri WHERE products_tri MATCH '"robe"'`).all()).toEqual([{ rowid: 2 }]);
  });

  it('constrains knowledge source and status', async () => {
    store = await openDatabase({ file: ':memory:' });
    const { sqlite } = store;
    sqlite.prepare(`INSERT INTO shops (name, currency, created_at) VALUES ('A', 'DZD', 'now')`).run();
    const insert = sqlite.prepare(
      `INSERT INTO knowledge (shop_id, question, answer, source, status, created_at, updated_at) VALUES (1, 'q', 'a', ?, ?, 'now', 'now')`,
    );
    insert.run('seller', 'active');
    insert.run('learned', 'pending');
    expect(() => insert.run('robot', 'active')).toThrow(/CHECK/);
    expect(() => insert.run('seller', 'deleted')).toThrow(/CHECK/);
    const plan = sqlite
      .prepare(`EXPLAIN QUERY PLAN SELECT * FROM knowledge WHERE shop_id = ? AND status = 'active' ORDER BY id`)
      .all(1) as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/knowledge_shop_status/);
  });
});
