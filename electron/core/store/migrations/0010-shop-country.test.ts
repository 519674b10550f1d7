import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../database';
import { makeShopsRepo } from '../../shops/shops-repo';

describe('migration 0010-shop-country', () => {
  it('adds a nullable country to shops; existing shops keep none (derived) and a set one is read back', async () => {
    const store = await openDatabase({ file: ':memory:' });
    const columns = store.sqlite.prepare(`SELECT name, "notnull" AS required FROM pragma_table_info('shops') WHERE name = 'country'`).all();
    expect(columns).toEqual([{ name: 'country', required: 0 }]);
    const shops = makeShopsRepo(store.db);
    const shop = await shops.create({ name: 'Zahra Cosmétiques', currency: 'MAD', now: '2026-01-01T00:00:00Z' });
    expect(shop.country).toBeNull();
    expect((await shops.setCountry(shop.id, 'MA'))?.country).toBe('MA');
    expect((await shops.get(shop.id))?.country).toBe('MA');
    expect((await shops.setCountry(shop.id, null))?.country).toBeNull();
    await store.close();
  });
});
