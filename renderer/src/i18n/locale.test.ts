import { describe, expect, it } from 'vitest';
import type { Locale } from './define';
import { LOCALE_STORAGE_KEY, createLocaleStore } from './locale';

const memory = () => {
  const map = new Map<string, string>();
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), map };
};

describe('the interface language', () => {
  it('takes core’s remembered choice over this browser’s guess, and tells core a new choice', async () => {
    const storage = memory();
    const saved: Locale[] = [];
    const store = createLocaleStore({
      storage,
      languages: ['en-US'],
      remote: { load: async () => 'ar', save: async (l) => saved.push(l) },
    });
    expect(store.getState().locale).toBe('en');
    await new Promise((r) => setTimeout(r, 0));
    expect(store.getState().locale).toBe('ar');
    expect(storage.map.get(LOCALE_STORAGE_KEY)).toBe('ar');
    store.getState().setLocale('it');
    expect(saved).toEqual(['it']);
  });

  it('keeps the browser’s choice when core has none or cannot be reached', async () => {
    const storage = memory();
    storage.setItem(LOCALE_STORAGE_KEY, 'pt');
    const none = createLocaleStore({ storage, languages: [], remote: { load: async () => null, save: async () => {} } });
    const down = createLocaleStore({
      storage,
      languages: [],
      remote: { load: () => Promise.reject(new Error('offline')), save: () => Promise.reject(new Error('offline')) },
    });
    await new Promise((r) => setTimeout(r, 0));
    expect(none.getState().locale).toBe('pt');
    expect(down.getState().locale).toBe('pt');
    down.getState().setLocale('fr'); // a failed save is not an error on screen
  });
});
