import { describe, expect, it } from 'vitest';
import { catalog, collectStrings } from './catalog';
import { LOCALES, format, guessLocale, keyProblems } from './define';

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
      for (const locale of LOCALES) expect(names(strings[locale][key] ?? ''), `${locale}.${key}`).toEqual(names(english));
    }
  });

  it('reports missing, extra and empty keys (the check can fail)', () => {
    const found = collectStrings({
      '../features/demo/i18n.ts': {
        strings: { en: { a: 'A', b: 'B' }, fr: { a: 'A' }, ar: { a: 'أ', b: 'ب', c: 'ج' }, pt: { a: 'A', b: ' ' }, it: { a: 'A', b: 'B' } } as never,
      },
    });
    expect(Object.keys(found)).toEqual(['demo']);
    expect(keyProblems(found.demo ?? {})).toEqual(['ar: extra "c"', 'fr: missing "b"', 'pt: empty "b"']);
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
