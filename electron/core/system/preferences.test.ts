import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Store } from '../database';
import { makePreferences } from './preferences';

let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

describe('app preferences: the first-run wizard progress', () => {
  it('is null before the wizard starts, then the last step written; a row that no longer parses reads as none', async () => {
    store = await openDatabase({ file: ':memory:' });
    const prefs = makePreferences(store.db);
    expect(await prefs.setupProgress()).toBeNull();
    await prefs.setSetupProgress({ status: 'active', step: 'shop', shopId: null }, '2026-12-01T10:00:00Z');
    await prefs.setSetupProgress({ status: 'active', step: 'sales', shopId: 3 }, '2026-12-01T10:01:00Z');
    expect(await prefs.setupProgress()).toEqual({ status: 'active', step: 'sales', shopId: 3 });
    // The interface language lives beside it and is not disturbed.
    await prefs.setUiLocale('ar', '2026-12-01T10:02:00Z');
    expect((await prefs.setupProgress())?.step).toBe('sales');
    store.sqlite
      .prepare('UPDATE app_preferences SET value = \'{"status":"active","step":"nowhere"}\' WHERE key = \'setup_progress\'')
      .run();
    expect(await prefs.setupProgress()).toBeNull();
    store.sqlite.prepare("UPDATE app_preferences SET value = 'not json' WHERE key = 'setup_progress'").run();
    expect(await prefs.setupProgress()).toBeNull();
  });
});
