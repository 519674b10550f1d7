import { useCallback } from 'react';
import type { NoticeFamily } from '../../../../shared/domain/notice-families';
import type { NoticeParams } from '../../../../shared/domain/notices';
import type { Locale, Strings } from '../../i18n/define';
import { useLocale } from '../../i18n/use-locale';
import { translate } from '../../i18n/use-t';
import { strings } from './i18n';

type Key = keyof (typeof strings)['en'];
export interface AnyNotice {
  code: string;
  params: NoticeParams;
}

/**
 * A code from core in the seller's language (an unknown code shows itself, so the gap is seen).
 * Text parameters (product names, places, SKUs, phones) are bidi-isolated (FSI…PDI, what
 * `<bdi>` does) so a Latin name keeps its punctuation on the right side inside Arabic.
 */
export function wordNotice(locale: Locale, family: NoticeFamily, notice: AnyNotice): string {
  const params = Object.fromEntries(Object.entries(notice.params).map(([k, v]) => [k, typeof v === 'string' ? `\u2068${v}\u2069` : v]));
  return translate(strings, locale, `${family}.${notice.code}` as Key, params);
}

export function useNoticeWords(): (family: NoticeFamily, notice: AnyNotice) => string {
  const locale = useLocale();
  return useCallback((family: NoticeFamily, notice: AnyNotice) => wordNotice(locale, family, notice), [locale]);
}

/**
 * Every code of every family against the strings: a missing or empty string in a locale, or a
 * placeholder the code does not declare (it would show as `{name}`), is a problem.
 */
export function coverageProblems(families: Record<string, Record<string, readonly string[]>>, table: Strings): string[] {
  const problems: string[] = [];
  for (const [family, codes] of Object.entries(families)) {
    for (const [code, params] of Object.entries(codes)) {
      for (const [locale, words] of Object.entries(table) as [Locale, Record<string, string>][]) {
        const text = words[`${family}.${code}`];
        if (!text?.trim()) {
          problems.push(`${locale}: no words for ${family}.${code}`);
          continue;
        }
        for (const m of text.matchAll(/\{(\w+)\}/g))
          if (!params.includes(m[1] ?? '')) problems.push(`${locale}: ${family}.${code} uses {${m[1]}}, not a parameter of the code`);
      }
    }
  }
  return problems;
}
