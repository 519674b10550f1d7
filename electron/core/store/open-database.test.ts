import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Migrator } from 'kysely';
import { describe, expect, it, vi } from 'vitest';
import { migrations } from './migrations';
import { openDatabase } from '../database';
import { PAGE_CACHE_KB, SchemaTooNewError } from './open-database';

const tempFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'souq-db-')), 'nested', 'souqbot.sqlite');

describe('openDatabase', () => {
  it('creates and migrates a fresh file with WAL, foreign keys and a busy timeout', async () => {
    const file = tempFile();
    const store = await openDatabase({ file });
    expect(store.schemaVersion).toBe(Object.keys(migrations).sort().at(-1));
    expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    const tables = (store.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(
      (t) => t.name,
    );
    for (const t of ['shops', 'accounts', 'contacts', 'conversations', 'messages', 'settings', 'outbox']) expect(tables).toContain(t);
    await store.close();
  });

  it("bounds SQLite's page cache below better-sqlite3's 16 MB build default (the soak's growth outside the heap)", async () => {
    const store = await openDatabase({ file: tempFile() });
    const plain = new SQLite(':memory:');
    expect(plain.pragma('cache_size', { simple: true })).toBe(-16_000); // what a connection gets when nobody sets it
    plain.close();
    expect(store.sqlite.pragma('cache_size', { simple: true })).toBe(-PAGE_CACHE_KB);
    expect(PAGE_CACHE_KB).toBeLessThan(16_000);
    await store.close();
  });

  it('re-opens an existing file without re-running migrations, keeping the data', async () => {
    const file = tempFile();
    const first = await openDatabase({ file });
    first.sqlite.prepare("INSERT INTO shops (name, currency, created_at) VALUES ('Lina', 'DZD', 'now')").run();
    await first.close();
    const second = await openDatabase({ file });
    expect(second.sqlite.prepare('SELECT name FROM shops').all()).toEqual([{ name: 'Lina' }]);
    expect((second.sqlite.prepare('SELECT count(*) n FROM kysely_migration').get() as { n: number }).n).toBe(
      Object.keys(migrations).length,
    );
    await second.close();
  });

  it("opens an up-to-date file without kysely's migrator (its table introspection cost every start), and runs it when one is pending", async () => {
    const file = tempFile();
    const names = Object.keys(migrations).sort();
    const without = Object.fromEntries(Object.entries(migrations).filter(([name]) => name !== names.at(-1)));
    await (await openDatabase({ file, migrations: without })).close();
    const migrate = vi.spyOn(Migrator.prototype, 'migrateToLatest');
    try {
      const pending = await openDatabase({ file });
      expect(migrate).toHaveBeenCalledTimes(1);
      expect(pending.schemaVersion).toBe(names.at(-1));
      await pending.close();
      const current = await openDatabase({ file });
      expect(migrate).toHaveBeenCalledTimes(1);
      expect(current.schemaVersion).toBe(names.at(-1));
      await current.close();
    } finally {
      migrate.mockRestore();
    }
  });

  it('runs a lower-numbered migration that landed after a higher one had run', async () => {
    const file = tempFile();
    const names = Object.keys(migrations).sort();
    const late = names.at(-2) ?? '';
    const without = Object.fromEntries(Object.entries(migrations).filter(([name]) => name !== late));
    await (await openDatabase({ file, migrations: without })).close();
    const store = await openDatabase({ file });
    const ran = (store.sqlite.prepare('SELECT name FROM kysely_migration').all() as { name: string }[]).map((r) => r.name);
    expect(ran).toContain(late);
    expect(ran).toHaveLength(names.length);
    await store.close();
  });

  it('refuses, untouched, a file a newer Souqbot migrated further', async () => {
    const file = tempFile();
    await (await openDatabase({ file })).close();
    const raw = new SQLite(file);
    raw.prepare("INSERT INTO kysely_migration (name, timestamp) VALUES ('9999-from-the-future', 'x')").run();
    const schema = () => raw.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all();
    const before = { schema: schema(), migrations: raw.prepare('SELECT * FROM kysely_migration').all() };
    await expect(openDatabase({ file })).rejects.toThrow(SchemaTooNewError);
    await expect(openDatabase({ file })).rejects.toThrow(/newer Souqbot.*9999-from-the-future.*Update Souqbot/);
    expect({ schema: schema(), migrations: raw.prepare('SELECT * FROM kysely_migration').all() }).toEqual(before);
    raw.close();
  });

  it('enforces foreign keys and shop scoping in the schema', async () => {
    const store = await openDatabase({ file: ':memory:' });
    expect(() =>
      store.sqlite
        .prepare("INSERT INTO accounts (shop_id, channel, label, status, created_at) VALUES (42, 'simulator', 'x', 'connected', 'now')")
        .run(),
    ).toThrow(/FOREIGN KEY/);
    const withoutShop = (
      store.sqlite
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_%' AND name NOT LIKE '%_fts%' AND name NOT LIKE '%_tri%' AND name NOT LIKE '%_words%' AND name != 'shops' AND name != 'search_index_state' AND name != 'app_preferences' AND name NOT LIKE 'sync_%'",
        )
        .all() as { name: string }[]
    )
      .map((t) => t.name)
      .filter(
        (t) =>
          !(store.sqlite.prepare(`SELECT name FROM pragma_table_info(?)`).all(t) as { name: string }[]).some((c) => c.name === 'shop_id'),
      );
    // Tables that hang off an account are scoped through it; app_preferences is the app's own (UI language), and
    // sync_* are the computer's own paired phones, which see every shop of this computer.
    expect(withoutShop.filter((t) => !t.startsWith('wa_'))).toEqual([]);
    await store.close();
  });
});
