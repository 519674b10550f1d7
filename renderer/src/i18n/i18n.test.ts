import { describe, expect, it } from 'vitest';
import { catalog, collectStrings } from './catalog';
import { LOCALES, type Strings, format, guessLocale, keyProblems, pluralForms } from './define';
import { translatePlural } from './use-t';

describe('i18n catalog', () => {
  it('finds every feature folder that has strings', () => {
    // The shell and the inbox are always there; pages added later are picked up the same way.
    expect(Object.keys(catalog)).toEqual(expect.arrayContaining(['shell', 'inbox', 'connect', 'learning', 'analytics']));
  });

  it.each(Object.entries(catalog))('%s: every locale has exactly the English keys, none empty', (_feature, strings) => {
    expect(keyProblems(strings)).toEqual([]);
  });

  it.each(Object.entries(catalog))('%s: placeholders are the same in every locale', (_feature, strings) => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, english] of Object.entries(strings.en)) {
      if (key.includes('#')) continue;
      for (const locale of LOCALES) expect(names(strings[locale][key] ?? ''), `${locale}.${key}`).toEqual(names(english));
    }
    // A plural form may leave out {count} ("one conversation", "محادثتان") but uses no other name.
    for (const locale of LOCALES) {
      for (const [key, text] of Object.entries(strings[locale] as Record<string, string>)) {
        if (!key.includes('#')) continue;
        const allowed = new Set([...names((strings.en as Record<string, string>)[`${key.split('#')[0]}#other`] ?? ''), 'count']);
        expect(
          names(text).filter((n) => !allowed.has(n!)),
          `${locale}.${key}`,
        ).toEqual([]);
      }
    }
  });

  it('reports missing, extra and empty keys (the check can fail)', () => {
    const found = collectStrings({
      '../features/demo/i18n.ts': {
        strings: {
          en: { a: 'A', b: 'B' },
          fr: { a: 'A' },
          ar: { a: 'أ', b: 'ب', c: 'ج' },
          pt: { a: 'A', b: ' ' },
          it: { a: 'A', b: 'B' },
        } as never,
      },
    });
    expect(Object.keys(found)).toEqual(['demo']);
    expect(keyProblems(found.demo ?? {})).toEqual(['ar: extra "c"', 'fr: missing "b"', 'pt: empty "b"']);
  });
});

describe('plurals', () => {
  it('Arabic needs six forms, English two (from the platform CLDR rules)', () => {
    expect(pluralForms('ar').sort()).toEqual(['few', 'many', 'one', 'other', 'two', 'zero']);
    expect(pluralForms('en').sort()).toEqual(['one', 'other']);
    expect(pluralForms('fr').sort()).toEqual(['one', 'other']);
  });

  it('reports a plural missing a form the locale needs, and a form it never uses', () => {
    const en = { 'n#one': '{count} thing', 'n#other': '{count} things' };
    const good = {
      en,
      fr: en,
      pt: en,
      it: en,
      ar: {
        'n#zero': 'لا شيء',
        'n#one': 'شيء',
        'n#two': 'شيئان',
        'n#few': '{count} أشياء',
        'n#many': '{count} شيئًا',
        'n#other': '{count} شيء',
      },
    };
    expect(keyProblems(good)).toEqual([]);
    const bad = { ...good, ar: { 'n#one': 'شيء', 'n#other': '{count} شيء' }, fr: { ...en, 'n#two': 'deux' } };
    expect(keyProblems(bad).sort()).toEqual([
      'ar: missing "n#few"',
      'ar: missing "n#many"',
      'ar: missing "n#two"',
      'ar: missing "n#zero"',
      'fr: extra "n#two"',
    ]);
  });

  it('picks the form for the count and writes the number for the locale', () => {
    const ar = {
      'n#zero': 'لا محادثة',
      'n#one': 'محادثة واحدة',
      'n#two': 'محادثتان',
      'n#few': '{count} محادثات',
      'n#many': '{count} محادثة',
      'n#other': '{count} محادثة',
    };
    const en = { 'n#one': '{count} conversation', 'n#other': '{count} conversations' };
    // defineStrings casts per-locale plural tables to Strings the same way.
    const strings = { en, fr: en, pt: en, it: en, ar } as unknown as Strings<string>;
    expect([0, 1, 2, 3, 11, 100].map((n) => translatePlural(strings, 'ar', 'n', n))).toEqual([
      'لا محادثة',
      'محادثة واحدة',
      'محادثتان',
      '3 محادثات',
      '11 محادثة',
      '100 محادثة',
    ]);
    expect(translatePlural(strings, 'en', 'n', 1200)).toBe('1,200 conversations');
    expect(translatePlural(strings, 'ar', 'n', 1200)).toMatch(/^1.200 محادثة$/);
  });
});

describe('format and locale guessing', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('{n} conversations', { n: 3 })).toBe('3 conversations');
    expect(format('Hi {who}', {})).toBe('Hi {who}');
  });
  it('follows the browser language when supported, else English', () => {
    expect(guessLocale(['ar-DZ', 'fr'])).toBe('ar');
    expect(guessLocale(['pt-BR'])).toBe('pt');
    expect(guessLocale(['de-DE', 'it'])).toBe('it');
    expect(guessLocale(['de-DE', 'nl'])).toBe('en');
  });
});
