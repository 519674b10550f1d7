import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { makeMessageSearchIndex } from '../message-search-index';
import { openDatabase } from '../../database';
import * as m0001 from './0001-initial';
import * as m0002 from './0002-pipeline';

const plan = (sqlite: Database, query: string) =>
  (sqlite.prepare(`EXPLAIN QUERY PLAN ${query}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');

describe('migration 0001-initial', () => {
  it('creates the core tables; a message id is unique per account and direction', async () => {
    const store = await openDatabase({ file: ':memory:', migrations: { '0001-initial': m0001 } });
    const s = store.sqlite;
    s.exec(`INSERT INTO shops (name, currency, created_at) VALUES ('S', 'DZD', 'now');
      INSERT INTO accounts (shop_id, channel, label, status, created_at) VALUES (1, 'simulator', 'a', 'connected', 'now');
      INSERT INTO contacts (shop_id, jid, created_at) VALUES (1, 'x@s.whatsapp.net', 'now');
      INSERT INTO conversations (shop_id, account_id, contact_id, created_at) VALUES (1, 1, 1, 'now');`);
    const insert = s.prepare(
      "INSERT INTO messages (shop_id, account_id, conversation_id, direction, author, text, status, channel_message_id, created_at) VALUES (1, 1, 1, 'in', 'customer', 'hi', 'received', ?, 'now')",
    );
    insert.run('WA1');
    expect(() => insert.run('WA1')).toThrow(/UNIQUE/);
    insert.run(null);
    insert.run(null); // rows without a channel id (drafts) are not constrained
    expect(plan(s, "SELECT id FROM messages WHERE account_id = 1 AND direction = 'in' AND channel_message_id = 'WA1'")).toMatch(
      /messages_account_channel_id/,
    );
    await store.close();
  });
});

describe('migration 0002-pipeline', () => {
  it('adds the queue, outbox and message FTS, with indexes the worker and dispatcher use', async () => {
    const store = await openDatabase({ file: ':memory:', migrations: { '0001-initial': m0001, '0002-pipeline': m0002 } });
    const s = store.sqlite;
    expect(plan(s, "SELECT id FROM inbound_queue WHERE state = 'pending' AND conversation_id = 1 ORDER BY id")).toMatch(
      /inbound_queue_pending/,
    );
    expect(plan(s, "SELECT id FROM outbox WHERE conversation_id = 1 AND state = 'queued' ORDER BY id LIMIT 1")).toMatch(/outbox_queued/);
    s.exec(`INSERT INTO shops (name, currency, created_at) VALUES ('S', 'DZD', 'now');
      INSERT INTO accounts (shop_id, channel, label, status, created_at) VALUES (1, 'simulator', 'a', 'connected', 'now');
      INSERT INTO contacts (shop_id, jid, created_at) VALUES (1, 'x@s.whatsapp.net', 'now');
      INSERT INTO conversations (shop_id, account_id, contact_id, created_at) VALUES (1, 1, 1, 'now');
      INSERT INTO messages (shop_id, account_id, conversation_id, direction, author, text, status, created_at) VALUES (1, 1, 1, 'in', 'customer', 'wach kayen la robe fleurie', 'received', 'now');`);
    // Indexed in batches, not by an insert trigger: nothing until the index catches up.
    expect(s.prepare("SELECT rowid FROM messages_fts WHERE messages_fts MATCH 'fleur*'").all()).toEqual([]);
    makeMessageSearchIndex(s).catchUpAll();
    expect(s.prepare("SELECT rowid FROM messages_fts WHERE messages_fts MATCH 'fleur*'").all()).toEqual([{ rowid: 1 }]);
    // Edits and deletes of indexed rows are mirrored by triggers.
    s.exec("UPDATE messages SET text = 'autre chose' WHERE id = 1");
    expect(s.prepare("SELECT rowid FROM messages_fts WHERE messages_fts MATCH 'fleur*'").all()).toEqual([]);
    expect(s.prepare("SELECT rowid FROM messages_fts WHERE messages_fts MATCH 'autre'").all()).toEqual([{ rowid: 1 }]);
    s.exec('DELETE FROM messages WHERE id = 1');
    expect(s.prepare("SELECT rowid FROM messages_fts WHERE messages_fts MATCH 'autre'").all()).toEqual([]);
    s.exec(
      "INSERT INTO messages (shop_id, account_id, conversation_id, direction, author, text, status, created_at) VALUES (1, 1, 1, 'in', 'customer', 'pas encore indexé', 'received', 'now')",
    );
    s.exec('DELETE FROM messages WHERE id = 2'); // above the watermark: the trigger leaves the index alone
    makeMessageSearchIndex(s).catchUpAll();
    expect(s.prepare("SELECT count(*) AS n FROM messages_fts WHERE messages_fts MATCH 'encore'").get()).toEqual({ n: 0 });
    s.exec("INSERT INTO messages_fts(messages_fts) VALUES ('integrity-check')");
    await store.close();
  });
});
