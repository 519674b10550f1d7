import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeMessageSearchIndex } from '../message-search-index';
import { openDatabase } from '../../database';
import { migrations } from './index';

const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '0026'));

describe('migration 0026-inbox-scale', () => {
  it('counts the conversations already there, then indexes contact names after the watermark', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'souq-0026-')), 'db.sqlite');
    const old = await openDatabase({ file, migrations: before });
    old.sqlite.exec(`INSERT INTO shops (name, currency, created_at) VALUES ('S', 'DZD', 'now');
      INSERT INTO accounts (shop_id, channel, label, status, created_at) VALUES (1, 'simulator', 'a', 'connected', 'now');
      INSERT INTO contacts (shop_id, jid, name, created_at) VALUES (1, 'a@s.whatsapp.net', 'Yasmina', 'now'), (1, 'b@s.whatsapp.net', NULL, 'now');
      INSERT INTO conversations (shop_id, account_id, contact_id, status, created_at) VALUES (1, 1, 1, 'open', 'now'), (1, 1, 2, 'resolved', 'now');`);
    await old.close();

    const store = await openDatabase({ file });
    const s = store.sqlite;
    expect(s.prepare('SELECT status, n FROM conversation_counts ORDER BY status').all()).toEqual([
      { status: 'open', n: 1 },
      { status: 'resolved', n: 1 },
    ]);
    const byName = () => s.prepare('SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH \'"smin"\'').all();
    expect(byName()).toEqual([]);
    makeMessageSearchIndex(s).catchUpAll();
    expect(byName()).toEqual([{ rowid: 1 }]);
    // A rename of an indexed contact is mirrored by the trigger.
    s.prepare("UPDATE contacts SET name = 'Karim' WHERE id = 1").run();
    expect(byName()).toEqual([]);
    await store.close();
  });
});
