import { afterEach, describe, expect, it } from 'vitest';
import { makeMessageSearchIndex } from '../message-search-index';
import { openDatabase, type Store } from '../../database';
import { makeConversationList } from '../../conversations/conversation-list-repo';
import { up } from './0085-contact-search';

let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

async function seeded() {
  store = await openDatabase({ file: ':memory:' });
  const { sqlite } = store;
  const now = '2026-12-01T10:00:00.000Z';
  sqlite.prepare("INSERT INTO shops (name, currency, created_at) VALUES ('S', 'DZD', ?)").run(now);
  sqlite
    .prepare("INSERT INTO accounts (shop_id, channel, label, status, created_at) VALUES (1, 'simulator', 'a', 'connected', ?)")
    .run(now);
  const contact = sqlite.prepare('INSERT INTO contacts (shop_id, jid, name, created_at) VALUES (1, ?, ?, ?)');
  const conversation = sqlite.prepare(
    'INSERT INTO conversations (shop_id, account_id, contact_id, created_at, last_message_at) VALUES (1, 1, ?, ?, ?)',
  );
  for (const [jid, name] of [
    ['213550123456@s.whatsapp.net', 'Amina Kaci'],
    ['213661000777@s.whatsapp.net', 'Karim'],
    ['33612345678@s.whatsapp.net', null],
  ] as const)
    conversation.run(Number(contact.run(jid, name, now).lastInsertRowid), now, now);
  const index = makeMessageSearchIndex(sqlite);
  index.catchUpAll();
  const list = makeConversationList(sqlite);
  const ids = (query: string) => {
    index.catchUpAll();
    return list.page({ shopId: 1, query, offset: 0, limit: 50 }).items.map((c) => c.contactId);
  };
  return { sqlite, ids, db: store.db };
}

describe('migration 0085-contact-search', () => {
  it('finds contacts by phone digits and by names through the trigram index, two letters by LIKE', async () => {
    const { ids } = await seeded();
    expect(ids('0550 12 34 56')).toEqual([1]);
    expect(ids('+33 6 12')).toEqual([3]);
    expect(ids('000777')).toEqual([2]);
    expect(ids('mina')).toEqual([1]);
    expect(ids('ar')).toEqual([2]);
    // Digits of one number never match across a name, and a name's letters never match a number.
    expect(ids('12345678')).toEqual([3]);
    expect(ids('ka')).toEqual([2, 1]);
  });

  it('follows renames, number changes and deletions of contacts already indexed', async () => {
    const { sqlite, ids } = await seeded();
    sqlite.prepare("UPDATE contacts SET name = 'Yasmine' WHERE id = 1").run();
    expect(ids('Amina')).toEqual([]);
    expect(ids('Yasmine')).toEqual([1]);
    sqlite.prepare("UPDATE contacts SET jid = '213770999888@s.whatsapp.net' WHERE id = 2").run();
    expect(ids('000777')).toEqual([]);
    expect(ids('770999')).toEqual([2]);
    sqlite.prepare('DELETE FROM conversations WHERE contact_id = 3').run();
    sqlite.prepare('DELETE FROM contacts WHERE id = 3').run();
    expect(sqlite.prepare('SELECT count(*) AS n FROM contacts_fts WHERE contacts_fts MATCH \'jid : "336"\'').get()).toEqual({ n: 0 });
  });

  it('re-indexes every contact of a store indexed before it (the watermark starts over)', async () => {
    const { sqlite, ids, db } = await seeded();
    sqlite.exec('DROP INDEX contacts_shop_name'); // the store as it was before this migration
    await up(db as never);
    expect(sqlite.prepare('SELECT count(*) AS n FROM contacts_fts').get()).toEqual({ n: 0 });
    expect(ids('Karim')).toEqual([2]);
    expect(ids('550123')).toEqual([1]);
  });
});
