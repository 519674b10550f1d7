import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { LOCALE_INFO, type Locale, guessLocale, isLocale } from './define';
import { useServices } from '../app/services-context';

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

/** The chosen language, remembered across launches; the first launch follows the browser. */
export function createLocaleStore(config: { storage: KeyValueStorage | null; languages: readonly string[] }) {
  const saved = config.storage?.getItem(LOCALE_STORAGE_KEY);
  return createStore<LocaleState>((set) => ({
    locale: isLocale(saved) ? saved : guessLocale(config.languages),
    setLocale(locale) {
      try {
        config.storage?.setItem(LOCALE_STORAGE_KEY, locale);
      } catch {
        // Private mode or a full disk: the choice still applies for this session.
      }
      set({ locale });
    },
  }));
}
export type LocaleStore = ReturnType<typeof createLocaleStore>;

/** Mirrors the locale on <html>: `lang` for fonts and screen readers, `dir` so the layout flips. */
export function applyLocaleToDocument(doc: Document, locale: Locale): void {
  doc.documentElement.lang = locale;
  doc.documentElement.dir = LOCALE_INFO[locale].dir;
}

export function useLocale(): Locale {
  return useStore(useServices().locale, (s) => s.locale);
}

export function useSetLocale(): (locale: Locale) => void {
  return useStore(useServices().locale, (s) => s.setLocale);
}
