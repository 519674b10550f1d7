import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Store, openDatabase } from '../../database';
import { makeTestPhoneRepo } from './test-phone-repo';

let store: Store;
beforeEach(async () => {
  store = await openDatabase({ file: ':memory:' });
  store.sqlite.prepare("INSERT INTO shops (id, name, currency, created_at) VALUES (1, 'S', 'DZD', 'n'), (2, 'T', 'DZD', 'n')").run();
});
afterEach(() => store.close());

const insert = (text: string, ...values: unknown[]): number => Number(store.sqlite.prepare(text).run(...values).lastInsertRowid);

describe('test phone repository', () => {
  it("finds a shop's first simulator account (never a WhatsApp one or another shop's) and lists every simulator account", () => {
    const repo = makeTestPhoneRepo(store.sqlite);
    insert("INSERT INTO accounts (shop_id, channel, label, status, created_at) VALUES (1, 'whatsapp', 'WA', 'connected', 'n')");
    expect(repo.accountOf(1)).toBeUndefined();
    const second = repo.createAccount(2, 'n');
    const first = repo.createAccount(1, 'n');
    repo.createAccount(1, 'n');
    expect(repo.accountOf(1)).toBe(first);
    expect(repo.accountOf(2)).toBe(second);
    expect(repo.allAccounts().sort()).toEqual([second, first, first + 1].sort());
  });

  it('reads back what the seller typed as this customer on this account: inbound only, in order', () => {
    const repo = makeTestPhoneRepo(store.sqlite);
    const account = repo.createAccount(1, 'n');
    const other = repo.createAccount(1, 'n');
    const customer = insert("INSERT INTO contacts (shop_id, jid, created_at) VALUES (1, 'a@s.whatsapp.net', 'n')");
    const someoneElse = insert("INSERT INTO contacts (shop_id, jid, created_at) VALUES (1, 'b@s.whatsapp.net', 'n')");
    const conv = (accountId: number, contactId: number) =>
      insert('INSERT INTO conversations (shop_id, account_id, contact_id, created_at) VALUES (1, ?, ?, ?)', accountId, contactId, 'n');
    const mine = conv(account, customer);
    const theirs = conv(account, someoneElse);
    const elsewhere = conv(other, customer);
    const say = (conversationId: number, accountId: number, direction: string, id: string, at: string) =>
      insert(
        "INSERT INTO messages (shop_id, account_id, conversation_id, direction, author, text, status, channel_message_id, created_at) VALUES (1, ?, ?, ?, 'customer', ?, 'sent', ?, ?)",
        accountId,
        conversationId,
        direction,
        `text ${id}`,
        id,
        at,
      );
    say(mine, account, 'in', 'm2', 't2');
    say(mine, account, 'out', 'r1', 't3');
    say(theirs, account, 'in', 'x1', 't1');
    say(elsewhere, other, 'in', 'y1', 't1');
    say(mine, account, 'in', 'm1', 't1');
    expect(repo.inboundOf(account, 'a@s.whatsapp.net')).toEqual([
      { channel_message_id: 'm2', text: 'text m2', created_at: 't2' },
      { channel_message_id: 'm1', text: 'text m1', created_at: 't1' },
    ]);
  });
});
