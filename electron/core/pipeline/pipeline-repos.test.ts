import { describe, expect, it } from 'vitest';
import type { TranscriptInfo } from '../../../shared/domain/transcription';
import type { Store } from '../database';
import { openTestStore } from '../test-utils/test-store';
import { deleteContactData } from './erase-contact-repo';
import { makeProactiveRepo } from './proactive-repo';
import { makeTranscriptRepo } from './transcript-repo';

/** Two shops, one conversation each (1 in shop 1, 2 in shop 2), and a message row per `rows` entry in conversation 1. */
function seeded(store: Store, rows: Array<{ text: string; meta: string | null }>): number[] {
  store.sqlite.exec(`
    INSERT INTO shops (id, name, currency, created_at) VALUES (1, 'A', 'DZD', 'n'), (2, 'B', 'DZD', 'n');
    INSERT INTO accounts (id, shop_id, channel, label, status, created_at) VALUES (1, 1, 'simulator', 'a', 'connected', 'n'), (2, 2, 'simulator', 'b', 'connected', 'n');
    INSERT INTO contacts (id, shop_id, jid, created_at) VALUES (1, 1, 'one@s', 'n'), (2, 2, 'two@s', 'n');
    INSERT INTO conversations (id, shop_id, account_id, contact_id, created_at) VALUES (1, 1, 1, 1, 'n'), (2, 2, 2, 2, 'n');
  `);
  const insert = store.sqlite.prepare(
    "INSERT INTO messages (shop_id, account_id, conversation_id, direction, author, kind, text, status, meta, created_at) VALUES (?, ?, ?, 'in', 'customer', 'audio', ?, 'received', ?, 'n')",
  );
  const ids = rows.map((r) => Number(insert.run(1, 1, 1, r.text, r.meta).lastInsertRowid));
  insert.run(2, 2, 2, '', null);
  return ids;
}

const info: TranscriptInfo = { language: 'arabic', seconds: 3 };

describe('pipeline repositories', () => {
  it('stores a transcript over an empty text only, keeping meta’s other keys and resetting a meta that is no object', async () => {
    const store = await openTestStore();
    const [plain, withMeta, listMeta, captioned] = seeded(store, [
      { text: '', meta: null },
      { text: '', meta: JSON.stringify({ mediaPath: '/m/a.ogg' }) },
      { text: '', meta: '[1,2]' },
      { text: 'a caption', meta: null },
    ]);
    const repo = makeTranscriptRepo(store.sqlite);
    expect(repo.save(plain!, 'salam', info)).toBe(true);
    expect(repo.save(plain!, 'again', info)).toBe(false);
    expect(repo.save(withMeta!, 'wesh', info)).toBe(true);
    expect(repo.save(listMeta!, 'bghit', info)).toBe(true);
    expect(repo.save(captioned!, 'over', info)).toBe(false);
    expect(repo.message(plain!)).toMatchObject({ id: plain, kind: 'audio', text: 'salam' });
    expect(JSON.parse(repo.message(plain!)!.meta!)).toEqual({ transcript: info });
    expect(JSON.parse(repo.message(withMeta!)!.meta!)).toEqual({ mediaPath: '/m/a.ogg', transcript: info });
    expect(JSON.parse(repo.message(listMeta!)!.meta!)).toEqual({ transcript: info });
    expect(repo.message(captioned!)?.text).toBe('a caption');
    expect(repo.message(9999)).toBeUndefined();
  });

  it('finds a proactive message’s target in its own shop only', async () => {
    const store = await openTestStore();
    seeded(store, []);
    const repo = makeProactiveRepo(store.sqlite);
    expect(repo.target(1, 1)).toEqual({ accountId: 1, toJid: 'one@s' });
    expect(repo.target(1, 2)).toBeUndefined();
    expect(repo.target(2, 2)).toEqual({ accountId: 2, toJid: 'two@s' });
  });

  it('erases the messages of the listed conversations only', async () => {
    const store = await openTestStore();
    seeded(store, [
      { text: 'x', meta: null },
      { text: 'y', meta: null },
    ]);
    const count = (conversation: number) =>
      (store.sqlite.prepare('SELECT count(*) AS n FROM messages WHERE conversation_id = ?').get(conversation) as { n: number }).n;
    expect(deleteContactData(store.sqlite, { conversationIds: [] })).toEqual({ messages: 0 });
    expect(deleteContactData(store.sqlite, { conversationIds: [1] })).toEqual({ messages: 2 });
    expect([count(1), count(2)]).toEqual([0, 1]);
  });
});
