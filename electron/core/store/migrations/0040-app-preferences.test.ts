import { afterEach, describe, expect, it } from 'vitest';
import { makePreferences } from '../../system/preferences';
import { openDatabase, type Store } from '../../database';

let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

describe('migration 0040-app-preferences', () => {
  it('keeps the chosen interface language, one row per key, looked up by its key', async () => {
    store = await openDatabase({ file: ':memory:' });
    const plan = (
      store.sqlite.prepare('EXPLAIN QUERY PLAN SELECT value FROM app_preferences WHERE key = ?').all('ui_locale') as { detail: string }[]
    )
      .map((r) => r.detail)
      .join(' ');
    expect(plan).toMatch(/USING (PRIMARY KEY|INDEX sqlite_autoindex_app_preferences)/);
    const prefs = makePreferences(store.db);
    expect(await prefs.uiLocale()).toBeNull();
    await prefs.setUiLocale('ar', '2026-12-01T10:00:00Z');
    await prefs.setUiLocale('it', '2026-12-01T10:01:00Z');
    expect(await prefs.uiLocale()).toBe('it');
    expect(store.sqlite.prepare('SELECT COUNT(*) AS n FROM app_preferences').get()).toEqual({ n: 1 });
    // A value no locale matches (edited by hand, an older build) reads as no choice.
    store.sqlite.prepare("UPDATE app_preferences SET value = 'klingon'").run();
    expect(await prefs.uiLocale()).toBeNull();
  });
});
