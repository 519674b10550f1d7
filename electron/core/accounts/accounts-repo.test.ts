import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Store, openDatabase } from '../database';
import { makeAccountsRepo, prepareAccountWrites } from './accounts-repo';

let store: Store;
beforeEach(async () => {
  store = await openDatabase({ file: ':memory:' });
  store.sqlite.prepare("INSERT INTO shops (id, name, currency, created_at) VALUES (1, 'S', 'DZD', 'now')").run();
});
afterEach(() => store.close());

describe("accounts' synchronous writes", () => {
  it('inserts and returns the new id, sets status and phone of that row only, and removes only an account of the named channel', async () => {
    const writes = prepareAccountWrites(store.sqlite);
    const repo = makeAccountsRepo(store.db);
    const wa = writes.insert({ shopId: 1, channel: 'whatsapp', label: 'WA', phone: null, status: 'connecting', now: 't0' });
    const sim = writes.insert({ shopId: 1, channel: 'simulator', label: 'Test phone', phone: '+213', status: 'connected', now: 't1' });
    expect(sim).toBe(wa + 1);
    expect(await repo.get(sim)).toEqual({
      id: sim,
      shopId: 1,
      channel: 'simulator',
      label: 'Test phone',
      phone: '+213',
      status: 'connected',
      createdAt: 't1',
    });

    writes.setStatus(wa, 'connected');
    writes.setPhone(wa, '213555000111');
    expect(await repo.get(wa)).toMatchObject({ status: 'connected', phone: '213555000111' });
    expect(await repo.get(sim)).toMatchObject({ status: 'connected', phone: '+213' });
    writes.setStatus(sim, 'disconnected');
    expect((await repo.get(wa))?.status).toBe('connected');

    expect(writes.remove(wa, 'simulator')).toBe(false);
    expect(await repo.get(wa)).toBeDefined();
    expect(writes.remove(wa, 'whatsapp')).toBe(true);
    expect(await repo.get(wa)).toBeUndefined();
    expect((await repo.list(1)).map((a) => a.id)).toEqual([sim]);
  });
});
