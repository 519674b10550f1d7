import { useCallback } from 'react';
import { NOTICE_FAMILIES, type NoticeFamily } from '../../../../shared/domain/notice-families';
import { CallError } from '../../api/client';
import type { Locale } from '../../i18n/define';
import { useLocale } from '../../i18n/use-locale';
import { wordNotice } from './word-notice';

/**
 * What a failed call says to the seller. Core's `message` is English detail for its log; the seller reads the
 * error code's words in their language (the `error` family, in the coverage test). An error raised in the page
 * itself (already worded, or the browser's own) keeps its message.
 */
export function errorWords(locale: Locale, err: unknown): string {
  if (err instanceof CallError) {
    // A refusal core sends as a code of a family (`document.too_large`) has its own words.
    const [family, code] = err.message.split('.') as [string, string | undefined];
    if (code && family in NOTICE_FAMILIES && code in NOTICE_FAMILIES[family as NoticeFamily])
      return wordNotice(locale, family as NoticeFamily, { code, params: {} });
    return wordNotice(locale, 'error', { code: err.code, params: {} });
  }
  return err instanceof Error ? err.message : String(err);
}

export function useErrorWords(): (err: unknown) => string {
  const locale = useLocale();
  return useCallback((err: unknown) => errorWords(locale, err), [locale]);
}
