import { createStore } from 'zustand/vanilla';
import { LOCALE_INFO, type Locale, guessLocale, isLocale } from './define';

export const LOCALE_STORAGE_KEY = 'souq.locale';

export interface LocaleState {
  locale: Locale;
  setLocale(locale: Locale): void;
}

/** Minimal storage (localStorage in the app, a Map in tests). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** Core's copy of the choice (system/get-ui-locale, system/set-ui-locale). */
export interface RemoteLocale {
  load(): Promise<Locale | null>;
  save(locale: Locale): Promise<unknown>;
}

/**
 * The chosen language, remembered across launches; the first launch follows the browser. Core
 * remembers it too, so another browser or the desktop window opens in the seller's language:
 * core's choice wins over this browser's once it answers.
 */
export function createLocaleStore(config: { storage: KeyValueStorage | null; languages: readonly string[]; remote?: RemoteLocale }) {
  const saved = config.storage?.getItem(LOCALE_STORAGE_KEY);
  const keep = (locale: Locale) => {
    try {
      config.storage?.setItem(LOCALE_STORAGE_KEY, locale);
    } catch {
      // Private mode or a full disk: the choice still applies for this session.
    }
  };
  const store = createStore<LocaleState>((set) => ({
    locale: isLocale(saved) ? saved : guessLocale(config.languages),
    setLocale(locale) {
      keep(locale);
      set({ locale });
      config.remote?.save(locale).catch(() => {});
    },
  }));
  void config.remote?.load().then(
    (locale) => {
      if (locale && locale !== store.getState().locale) {
        keep(locale);
        store.setState({ locale });
      }
    },
    () => {},
  );
  return store;
}
export type LocaleStore = ReturnType<typeof createLocaleStore>;

/** Mirrors the locale on <html>: `lang` for fonts and screen readers, `dir` so the layout flips. */
export function applyLocaleToDocument(doc: Document, locale: Locale): void {
  doc.documentElement.lang = locale;
  doc.documentElement.dir = LOCALE_INFO[locale].dir;
}
