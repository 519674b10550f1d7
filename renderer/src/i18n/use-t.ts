import { useCallback } from 'react';
import { type Params, type Strings, format } from './define';
import { useLocale } from './locale';

export type T<K extends string> = (key: K, params?: Params) => string;

/** A translate function for one feature's strings in the current locale (English as fallback). */
export function useT<K extends string>(strings: Strings<K>): T<K> {
  const locale = useLocale();
  return useCallback((key: K, params?: Params) => format(strings[locale][key] ?? strings.en[key] ?? key, params), [strings, locale]);
}
