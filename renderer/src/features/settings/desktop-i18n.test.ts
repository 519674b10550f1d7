import { describe, expect, it } from 'vitest';
import { LOCALES, keyProblems } from '../../i18n/define';
import { desktopStrings } from './desktop-i18n';

/** desktop-i18n.ts is not a feature's i18n.ts (the catalog test's convention), so it gets the same checks here. */
describe('Desktop settings strings', () => {
  it('every locale has exactly the English keys, none empty', () => {
    expect(keyProblems(desktopStrings)).toEqual([]);
  });
  it('placeholders are the same in every locale', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, english] of Object.entries(desktopStrings.en))
      for (const locale of LOCALES)
        expect(names((desktopStrings[locale] as Record<string, string>)[key] ?? ''), `${locale}.${key}`).toEqual(names(english));
  });
});
