import { useCallback } from 'react';
import { type Locale, type Params, type PluralBase, type Strings, format, pluralKey } from './define';
import { useLocale } from './use-locale';

export type T<K extends string> = (key: K, params?: Params) => string;
/** Words a count: `tn('count', 3)` reads `count#few` in Arabic, `count#other` in English; `{count}` is filled. */
export type Tn<K extends string> = (base: PluralBase<K>, count: number, params?: Params) => string;

/** Looks a key up in the locale's table, then English, then shows the key itself. */
export function translate<K extends string>(strings: Strings<K>, locale: Locale, key: K, params?: Params): string {
  const table: Record<string, string> = strings[locale];
  const english: Record<string, string> = strings.en;
  return format(table[key] ?? english[key] ?? key, params, locale);
}

export function translatePlural<K extends string>(
  strings: Strings<K>,
  locale: Locale,
  base: string,
  count: number,
  params?: Params,
): string {
  const table: Record<string, string> = strings[locale];
  const key = base in table ? base : pluralKey(table, base, count, locale);
  const english: Record<string, string> = strings.en;
  return format(table[key] ?? english[pluralKey(english, base, count, 'en')] ?? base, { count, ...params }, locale);
}

/** A translate function for one feature's strings in the current locale (English as fallback). */
export function useT<K extends string>(strings: Strings<K>): T<K> {
  const locale = useLocale();
  return useCallback((key: K, params?: Params) => translate(strings, locale, key, params), [strings, locale]);
}

export function useTn<K extends string>(strings: Strings<K>): Tn<K> {
  const locale = useLocale();
  return useCallback(
    (base: PluralBase<K>, count: number, params?: Params) => translatePlural(strings, locale, base, count, params),
    [strings, locale],
  );
}
