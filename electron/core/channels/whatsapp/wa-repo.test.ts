import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Store, openDatabase } from '../../database';
import { type WaRepo, makeWaRepo } from './wa-repo';

/*
 * The WhatsApp repository's queries, each with a case that fails if a filter, an order or a
 * COALESCE of the query went missing (they were raw SQL before; now built with kysely).
 */
let store: Store;
let repo: WaRepo;
const T0 = '2026-12-01T10:00:00.000Z';
const T1 = '2026-12-01T11:00:00.000Z';

beforeEach(async () => {
  store = await openDatabase({ file: ':memory:' });
  store.sqlite.prepare("INSERT INTO shops (id, name, currency, created_at) VALUES (1, 'S', 'DZD', ?), (2, 'T', 'DZD', ?)").run(T0, T0);
  repo = makeWaRepo(store.sqlite);
});
afterEach(() => store.close());

const simulatorAccount = (shopId: number): number =>
  Number(
    store.sqlite
      .prepare("INSERT INTO accounts (shop_id, channel, label, status, created_at) VALUES (?, 'simulator', 'Test phone', 'connected', ?)")
      .run(shopId, T0).lastInsertRowid,
  );

const message = (accountId: number, direction: 'in' | 'out', at: string): void => {
  const contact = store.sqlite
    .prepare("INSERT OR IGNORE INTO contacts (shop_id, jid, created_at) VALUES (1, 'c@s.whatsapp.net', ?)")
    .run(T0);
  const contactId = contact.changes
    ? Number(contact.lastInsertRowid)
    : (store.sqlite.prepare("SELECT id FROM contacts WHERE jid = 'c@s.whatsapp.net'").get() as { id: number }).id;
  let conv = store.sqlite.prepare('SELECT id FROM conversations WHERE account_id = ?').get(accountId) as { id: number } | undefined;
  if (!conv) {
    const id = store.sqlite
      .prepare('INSERT INTO conversations (shop_id, account_id, contact_id, created_at) VALUES (1, ?, ?, ?)')
      .run(accountId, contactId, T0).lastInsertRowid;
    conv = { id: Number(id) };
  }
  store.sqlite
    .prepare(
      "INSERT INTO messages (shop_id, account_id, conversation_id, direction, author, text, status, created_at) VALUES (1, ?, ?, ?, 'customer', 'x', 'sent', ?)",
    )
    .run(accountId, conv.id, direction, at);
};

describe('WhatsApp repository', () => {
  it('keeps an account state: only WhatsApp accounts, connected vs. disconnected since the first drop, linked once', () => {
    const a = repo.createAccount({ shopId: 1, label: 'Shop', now: T0 });
    const sim = simulatorAccount(1);
    expect(repo.state(sim)).toBeUndefined();
    expect(repo.state(a)).toMatchObject({ accountId: a, shopId: 1, label: 'Shop', status: 'connecting', autostart: false });

    repo.setStatus(a, 'disconnected', 'network', T0);
    repo.setStatus(a, 'disconnected', 'still down', T1);
    // The first drop's time stays (COALESCE), the detail follows the latest.
    expect(repo.state(a)).toMatchObject({ status: 'disconnected', disconnectedSince: T0, detail: 'still down', lastConnectedAt: null });
    repo.setStatus(a, 'connected', null, T1);
    expect(repo.state(a)).toMatchObject({ status: 'connected', disconnectedSince: null, lastConnectedAt: T1, detail: null });

    repo.setLinkedAt(a, T0);
    repo.setLinkedAt(a, T1);
    expect(repo.state(a)?.linkedAt).toBe(T0);
    repo.setPhone(a, '213555000111');
    expect(repo.state(a)?.phone).toBe('213555000111');
  });

  it('lists running, autostart and per-shop accounts with their filters', () => {
    const a = repo.createAccount({ shopId: 1, label: 'A', now: T0 });
    const b = repo.createAccount({ shopId: 1, label: 'B', now: T0 });
    const c = repo.createAccount({ shopId: 2, label: 'C', now: T0 });
    simulatorAccount(1);
    repo.setStatus(b, 'disconnected', null, T0);
    repo.setStatus(c, 'qr_ready', null, T0);
    expect(repo.runningAccounts().sort()).toEqual([a, c].sort());

    for (const id of [a, b, c]) repo.setAutostart(id, true);
    repo.setAutostart(b, false);
    repo.markRemoved(c, T1);
    expect(repo.autostartAccounts()).toEqual([{ accountId: a, shopId: 1 }]);
    repo.setAutostart(c, true);
    // Removed stays out even when autostart is set again.
    expect(repo.autostartAccounts()).toEqual([{ accountId: a, shopId: 1 }]);

    repo.markRemoved(b, T1);
    expect(repo.listForShop(1).map((s) => s.accountId)).toEqual([a]);
    expect(repo.state(b)).toMatchObject({ removedAt: T1, autostart: false, linkedAt: null });
    // Linking again clears the removal.
    repo.setLinkedAt(b, T1);
    expect(repo.listForShop(1).map((s) => s.accountId)).toEqual([a, b]);
  });

  it('counts decrypt failures and deletes an account only while no conversation uses it', () => {
    const a = repo.createAccount({ shopId: 1, label: 'A', now: T0 });
    const b = repo.createAccount({ shopId: 1, label: 'B', now: T0 });
    expect(repo.countDecryptFailure(a)).toBe(1);
    expect(repo.countDecryptFailure(a)).toBe(2);
    expect(repo.countDecryptFailure(b)).toBe(1);
    message(a, 'in', T0);
    expect(repo.deleteIfUnused(a)).toBe(false);
    expect(repo.deleteIfUnused(b)).toBe(true);
    expect(repo.state(b)).toBeUndefined();
    expect(repo.deleteIfUnused(simulatorAccount(1))).toBe(false);
  });

  it('keeps the answer policy and the excluded chats, named ones first by name, then unnamed by jid', () => {
    const a = repo.createAccount({ shopId: 1, label: 'A', now: T0 });
    const b = repo.createAccount({ shopId: 1, label: 'B', now: T0 });
    expect(repo.policy(a)).toEqual({ accountId: a, mode: 'everyone', excluded: [], groups: [], catchUpMaxHours: 12, historySync: false });
    expect(repo.setPolicy(a, { mode: 'new_only', groups: ['g@g.us'] })).toMatchObject({
      mode: 'new_only',
      groups: ['g@g.us'],
      catchUpMaxHours: 12,
    });
    expect(repo.setPolicy(a, { catchUpMaxHours: 3, historySync: true })).toMatchObject({
      mode: 'new_only',
      catchUpMaxHours: 3,
      historySync: true,
    });
    expect(repo.policy(b).mode).toBe('everyone');

    repo.setExcluded(a, [
      { jid: '3@s.whatsapp.net', name: null },
      { jid: '2@s.whatsapp.net', name: 'Zina' },
      { jid: '1@s.whatsapp.net', name: null },
      { jid: '4@s.whatsapp.net', name: 'Amine' },
    ]);
    repo.setExcluded(b, [{ jid: '9@s.whatsapp.net', name: 'Other' }]);
    expect(repo.policy(a).excluded.map((e) => e.jid)).toEqual([
      '4@s.whatsapp.net',
      '2@s.whatsapp.net',
      '1@s.whatsapp.net',
      '3@s.whatsapp.net',
    ]);
    expect(repo.isExcluded(a, '2@s.whatsapp.net')).toBe(true);
    expect(repo.isExcluded(b, '2@s.whatsapp.net')).toBe(false);
    // Setting the list replaces it.
    repo.setExcluded(a, [{ jid: '1@s.whatsapp.net', name: 'One' }]);
    expect(repo.policy(a).excluded).toEqual([{ jid: '1@s.whatsapp.net', name: 'One' }]);
    expect(repo.policy(b).excluded).toHaveLength(1);
  });

  it('merges synced contacts (a name once known stays, saved stays saved) and searches them with LIKE escaped', () => {
    const a = repo.createAccount({ shopId: 1, label: 'A', now: T0 });
    const b = repo.createAccount({ shopId: 1, label: 'B', now: T0 });
    repo.upsertContacts(a, [
      { jid: '213500000001@s.whatsapp.net', name: 'Karim', notify: null },
      { jid: '213500000002@s.whatsapp.net', name: null, notify: '50%_off' },
      { jid: '213500000003@s.whatsapp.net', name: null, notify: null },
      { jid: 'group@g.us', name: 'Karim group', notify: null },
    ]);
    repo.upsertContacts(b, [{ jid: '213500000009@s.whatsapp.net', name: 'Karim B', notify: null }]);
    // A later sync without the name keeps it and the saved flag; a new push name fills notify.
    repo.upsertContacts(a, [{ jid: '213500000001@s.whatsapp.net', name: null, notify: 'K.' }]);
    expect(repo.isSavedContact(a, '213500000001@s.whatsapp.net')).toBe(true);
    expect(repo.isSavedContact(a, '213500000002@s.whatsapp.net')).toBe(false);
    expect(repo.isSavedContact(b, '213500000001@s.whatsapp.net')).toBe(false);

    // Saved first; groups and other accounts' contacts never listed. Then `name IS NULL` reads the
    // column (the address-book name) while the bare `name` is the shown name (COALESCE with the
    // push name): so among unsaved contacts, one with no name at all sorts before a push-named one.
    // That is the order the raw query had; this pins it.
    expect(repo.listContacts(a)).toEqual([
      { jid: '213500000001@s.whatsapp.net', name: 'Karim', saved: true },
      { jid: '213500000003@s.whatsapp.net', name: null, saved: false },
      { jid: '213500000002@s.whatsapp.net', name: '50%_off', saved: false },
    ]);
    expect(repo.listContacts(a, 'kar').map((c) => c.jid)).toEqual(['213500000001@s.whatsapp.net']);
    expect(repo.listContacts(a, '0003').map((c) => c.jid)).toEqual(['213500000003@s.whatsapp.net']);
    // % and _ are literal: "0%_" matches the push name "50%_off" only, not every contact.
    expect(repo.listContacts(a, '0%_').map((c) => c.jid)).toEqual(['213500000002@s.whatsapp.net']);
    expect(repo.listContacts(a, '%')).toHaveLength(1);
  });

  it('keeps sent copies per account, prunes the old ones, and counts messages in and out since a time', () => {
    const a = repo.createAccount({ shopId: 1, label: 'A', now: T0 });
    const b = repo.createAccount({ shopId: 1, label: 'B', now: T0 });
    repo.saveSent(a, 'm1', 'c@s.whatsapp.net', new Uint8Array([1, 2]), T0);
    repo.saveSent(a, 'm1', 'c@s.whatsapp.net', new Uint8Array([3]), T0);
    repo.saveSent(a, 'm2', 'c@s.whatsapp.net', new Uint8Array([4]), T1);
    expect([...(repo.getSent(a, 'm1') ?? [])]).toEqual([3]);
    expect(repo.getSent(b, 'm1')).toBeUndefined();
    expect(repo.pruneSent(T1)).toBe(1);
    expect(repo.getSent(a, 'm1')).toBeUndefined();
    expect(repo.getSent(a, 'm2')).toBeDefined();

    message(a, 'in', T0);
    message(a, 'in', T1);
    message(a, 'in', T1);
    message(a, 'out', T1);
    message(b, 'out', T1);
    expect(repo.countsSince(a, T1)).toEqual({ received: 2, sent: 1 });
    expect(repo.countsSince(a, T0)).toEqual({ received: 3, sent: 1 });
    expect(repo.countsSince(b, '2027-01-01T00:00:00.000Z')).toEqual({ received: 0, sent: 0 });
  });
});
