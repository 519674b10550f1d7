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

/** The English keys without plural forms, plus each plural's base with any forms. */
type LocaleTable<E> = Record<Exclude<keyof E, `${string}#${string}`>, string> &
  Partial<Record<`${PluralBase<Extract<keyof E, string>>}#${string}`, string>>;
/** `count#one` | `count#other` → `count`. */
export type PluralBase<K extends string> = K extends `${infer B}#${string}` ? B : never;

/**
 * Declares a feature's strings. The type makes a missing key in any locale a compile error and
 * an extra one an excess-property error; the i18n test checks the same at run time for every
 * feature's `i18n.ts`, including ones added later.
 */
export function defineStrings<const E extends Record<string, string>>(strings: {
  en: E;
  fr: LocaleTable<E>;
  ar: LocaleTable<E>;
  pt: LocaleTable<E>;
  it: LocaleTable<E>;
}): Strings<Extract<keyof E, string>> {
  return strings as Strings<Extract<keyof E, string>>;
}

export type Params = Record<string, string | number>;

/** The Intl locale for numbers and dates: Western digits in Arabic (Maghreb sellers write them). */
export function intlLocale(locale: Locale): string {
  return locale === 'ar' ? 'ar-DZ-u-nu-latn' : locale;
}

/**
 * Fills `{name}` placeholders; numbers are written for the locale (1 200 / 1,200) when one is
 * given. An unknown placeholder stays visible so the mistake shows.
 */
export function format(template: string, params?: Params, locale?: Locale): string {
  if (!params) return template;
  const numbers = locale ? new Intl.NumberFormat(intlLocale(locale)) : null;
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    if (!(key in params)) return whole;
    const value = params[key];
    return typeof value === 'number' && numbers ? numbers.format(value) : String(value);
  });
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

/**
 * Plurals: a key written `name#category` is one plural form of `name` (CLDR categories, as
 * `Intl.PluralRules` selects them: Arabic zero/one/two/few/many/other, French and English
 * one/other…). We use the platform's CLDR rules rather than an ICU message library so the
 * strings stay plain typed objects the existing checks walk; a locale must give every form its
 * rules pick for the counts a shop sees (0–1000), and no form its rules never pick.
 */
export function pluralForms(locale: Locale): string[] {
  const rules = new Intl.PluralRules(locale);
  const used = new Set<string>();
  for (let n = 0; n <= 1000; n++) used.add(rules.select(n));
  return rules.resolvedOptions().pluralCategories.filter((c) => used.has(c));
}

const baseOf = (key: string) => key.split('#')[0] ?? key;

/** The key to read for `count` of plural `base` in `locale` (falls back to `other`). */
export function pluralKey(table: Record<string, string>, base: string, count: number, locale: Locale): string {
  const form = `${base}#${new Intl.PluralRules(locale).select(count)}`;
  return form in table ? form : `${base}#other`;
}

/** What is wrong with one feature's strings: missing, extra or empty keys per locale (empty = fine). */
export function keyProblems(strings: Record<string, Record<string, string> | undefined>): string[] {
  const english = Object.keys(strings.en ?? {});
  const singular = english.filter((k) => !k.includes('#'));
  const plurals = [...new Set(english.filter((k) => k.includes('#')).map(baseOf))];
  const problems: string[] = [];
  if (english.length === 0) problems.push('en: no strings');
  for (const locale of LOCALES) {
    const table = strings[locale];
    if (!table) {
      problems.push(`${locale}: missing locale`);
      continue;
    }
    const expected = [...singular, ...plurals.flatMap((base) => pluralForms(locale).map((form) => `${base}#${form}`))];
    for (const key of expected) if (!(key in table)) problems.push(`${locale}: missing "${key}"`);
    for (const key of Object.keys(table)) {
      if (!expected.includes(key)) problems.push(`${locale}: extra "${key}"`);
      else if (!table[key]?.trim()) problems.push(`${locale}: empty "${key}"`);
    }
  }
  return problems;
}
