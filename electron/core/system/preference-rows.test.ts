import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Store, openDatabase } from '../database';
import { makePreferenceRows } from './preferences';

let store: Store;
beforeEach(async () => {
  store = await openDatabase({ file: ':memory:' });
});
afterEach(() => store.close());

describe('preference rows (the synchronous door to app_preferences)', () => {
  it('reads undefined before a key is written, then the last value written, each key apart, stamped when written', () => {
    const rows = makePreferenceRows(store.sqlite);
    expect(rows.get('desktop_prefs')).toBeUndefined();
    rows.set('desktop_prefs', '{"a":1}', 't1');
    rows.set('sync_config', '{"relay":"x"}', 't1');
    rows.set('desktop_prefs', '{"a":2}', 't2');
    expect(rows.get('desktop_prefs')).toBe('{"a":2}');
    expect(rows.get('sync_config')).toBe('{"relay":"x"}');
    expect(store.sqlite.prepare('SELECT key, updated_at FROM app_preferences ORDER BY key').all()).toEqual([
      { key: 'desktop_prefs', updated_at: 't2' },
      { key: 'sync_config', updated_at: 't1' },
    ]);
  });
});
