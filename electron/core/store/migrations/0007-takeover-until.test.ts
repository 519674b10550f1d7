import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../database';

describe('migration 0007-takeover-until', () => {
  it('adds a nullable takeover end to conversations', async () => {
    const store = await openDatabase({ file: ':memory:' });
    const columns = store.sqlite
      .prepare(`SELECT name, "notnull" AS required FROM pragma_table_info('conversations') WHERE name = 'takeover_until'`)
      .all();
    expect(columns).toEqual([{ name: 'takeover_until', required: 0 }]);
    await store.close();
  });
});
