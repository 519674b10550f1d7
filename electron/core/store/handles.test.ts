import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../database';
import { WriteRefusedError } from './handles';

const tempFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'souq-read-')), 'souqbot.sqlite');
/** The connection behind a read handle: not in its type, reached here only to prove what it was opened as. */
const connectionOf = (read: unknown) => (read as { connection: SQLite.Database }).connection;

describe("the store's read handle", () => {
  it('is a second connection, opened readonly with query_only, that sees what the writer committed', async () => {
    const store = await openDatabase({ file: tempFile() });
    const connection = connectionOf(store.read);
    expect(connection).not.toBe(store.sqlite);
    expect(connection.readonly).toBe(true);
    expect(store.read.prepare('PRAGMA query_only').get()).toEqual({ query_only: 1 });
    store.sqlite.prepare("INSERT INTO shops (name, currency, created_at) VALUES ('Paris', 'EUR', 'now')").run();
    expect(store.read.prepare('SELECT name FROM shops').all()).toEqual([{ name: 'Paris' }]);
    expect(await store.readDb.selectFrom('shops').select('name').execute()).toEqual([{ name: 'Paris' }]);
    await store.close();
    expect(connection.open).toBe(false);
  });

  it('refuses writes twice: the view will not prepare one, and the connection will not run one', async () => {
    const store = await openDatabase({ file: tempFile() });
    expect(() => store.read.prepare('DELETE FROM shops')).toThrow(WriteRefusedError);
    // Around the view, straight on the connection: SQLite itself refuses.
    expect(() => connectionOf(store.read).prepare('DELETE FROM shops').run()).toThrow(/readonly/);
    expect(() => connectionOf(store.read).pragma('query_only = OFF')).not.toThrow();
    expect(() => connectionOf(store.read).prepare('DELETE FROM shops').run()).toThrow(/readonly/);
    await store.close();
  });

  it("for an in-memory store, is a view of the writer's connection that prepares only reads", async () => {
    const store = await openDatabase({ file: ':memory:' });
    expect(connectionOf(store.read)).toBe(store.sqlite);
    expect(() => store.read.prepare('UPDATE shops SET name = name')).toThrow(WriteRefusedError);
    expect(store.read.prepare('SELECT count(*) AS n FROM shops').get()).toEqual({ n: 0 });
    await store.close();
  });
});
