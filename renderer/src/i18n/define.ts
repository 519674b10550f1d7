import type { Locale } from '../../../shared/domain/schemas';

export type { Locale };
export const LOCALES = ['ar', 'fr', 'en', 'pt', 'it'] as const satisfies readonly Locale[];

/** How each locale presents itself in the language picker, and which way it writes. */
export const LOCALE_INFO: Record<Locale, { label: string; dir: 'rtl' | 'ltr' }> = {
  ar: { label: 'العربية', dir: 'rtl' },
  fr: { label: 'Français', dir: 'ltr' },
  en: { label: 'English', dir: 'ltr' },
  pt: { label: 'Português', dir: 'ltr' },
  it: { label: 'Italiano', dir: 'ltr' },
};

/** One feature's strings: English defines the keys, every other locale must have exactly those. */
export type Strings<K extends string = string> = Record<Locale, Record<K, string>>;

/**
 * Declares a feature's strings. The type makes a missing key in any locale a compile error and
 * an extra one an excess-property error; the i18n test checks the same at run time for every
 * feature's `i18n.ts`, including ones added later.
 */
export function defineStrings<const E extends Record<string, string>>(strings: {
  en: E;
  fr: Record<keyof E, string>;
  ar: Record<keyof E, string>;
  pt: Record<keyof E, string>;
  it: Record<keyof E, string>;
}): Strings<Extract<keyof E, string>> {
  return strings as Strings<Extract<keyof E, string>>;
}

export type Params = Record<string, string | number>;

/** Fills `{name}` placeholders; an unknown placeholder stays visible so the mistake shows. */
export function format(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The browser's preferred language when we support it, else English. */
export function guessLocale(languages: readonly string[]): Locale {
  for (const tag of languages) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return 'en';
}

/** What is wrong with one feature's strings: missing, extra or empty keys per locale (empty = fine). */
export function keyProblems(strings: Record<string, Record<string, string> | undefined>): string[] {
  const english = Object.keys(strings.en ?? {});
  const problems: string[] = [];
  if (english.length === 0) problems.push('en: no strings');
  for (const locale of LOCALES) {
    const table = strings[locale];
    if (!table) {
      problems.push(`${locale}: missing locale`);
      continue;
    }
    for (const key of english) if (!(key in table)) problems.push(`${locale}: missing "${key}"`);
    for (const key of Object.keys(table)) {
      if (!english.includes(key)) problems.push(`${locale}: extra "${key}"`);
      else if (!table[key]?.trim()) problems.push(`${locale}: empty "${key}"`);
    }
  }
  return problems;
}
