import { describe, expect, it } from 'vitest';
import { NOTICE_FAMILIES } from '../../../../shared/domain/notice-families';
import { NOTIFIER_CODES, decodeEscalations, decodeWhatsAppNotice, escalation, mergeEscalations } from '../../../../shared/domain/notices';
import { type NotifierWords, notifierStrings } from '../../../../shared/desktop/notifier-strings';
import { LOCALES, type Strings } from '../../i18n/define';
import { strings } from './i18n';
import { coverageProblems, wordNotice } from './word-notice';

describe('localisation coverage of every code core can emit', () => {
  it('every code of every family has words in every locale, with only its own parameters', () => {
    expect(coverageProblems(NOTICE_FAMILIES, strings)).toEqual([]);
  });

  it('reports a code with no words, and a placeholder the code does not have (the check can fail)', () => {
    const families = { ...NOTICE_FAMILIES, escalation: { ...NOTICE_FAMILIES.escalation, brand_new_reason: [] } };
    const ar = { ...strings.ar, 'escalation.photo_missing': 'صورة {sku}' };
    const problems = coverageProblems(families, { ...strings, ar });
    expect(problems).toEqual(expect.arrayContaining(LOCALES.map((l) => `${l}: no words for escalation.brand_new_reason`)));
    expect(problems).toContain('ar: escalation.photo_missing uses {sku}, not a parameter of the code');
  });
});

/** The desktop notifier's words as one flat table: `notifier.code` is the body, `notifierTitle.code` the title. */
function flatNotifier(table: Record<string, Partial<NotifierWords>>): Strings {
  return Object.fromEntries(
    Object.entries(table).map(([locale, words]) => [
      locale,
      Object.fromEntries(
        Object.entries(words).flatMap(([code, w]) => [
          [`notifier.${code}`, w.body],
          [`notifierTitle.${code}`, w.title],
        ]),
      ),
    ]),
  ) as Strings;
}
const NOTIFIER_FAMILIES = { notifier: NOTIFIER_CODES, notifierTitle: NOTIFIER_CODES };

describe("localisation coverage of core's notifier codes (desktop notifications)", () => {
  it('every notifier code has a title and a body in every locale, with only its own parameters', () => {
    expect(Object.keys(notifierStrings).sort()).toEqual([...LOCALES].sort());
    expect(coverageProblems(NOTIFIER_FAMILIES, flatNotifier(notifierStrings))).toEqual([]);
  });

  it('reports a notifier code with no words in a locale, and a stray placeholder (the check can fail)', () => {
    const families = { notifier: { ...NOTIFIER_CODES, brand_new_notice: [] }, notifierTitle: NOTIFIER_CODES };
    const { disk_full: _dropped, ...frWithoutDiskFull } = notifierStrings.fr;
    const pt = { ...notifierStrings.pt, send_failed: { title: 'Falhou {sku}', body: 'Abra a conversa.' } };
    const problems = coverageProblems(families, flatNotifier({ ...notifierStrings, fr: frWithoutDiskFull, pt }));
    expect(problems).toEqual(expect.arrayContaining(LOCALES.map((l) => `${l}: no words for notifier.brand_new_notice`)));
    expect(problems).toContain('fr: no words for notifier.disk_full');
    expect(problems).toContain('fr: no words for notifierTitle.disk_full');
    expect(problems).toContain('pt: notifierTitle.send_failed uses {sku}, not a parameter of the code');
  });
});

describe('notice encoding', () => {
  it("reads back coded reasons, and words free text or old rows as the bot's own note", () => {
    const coded = mergeEscalations(
      JSON.stringify([escalation('photo_missing', { product: 'Robe Kabyle' })]),
      JSON.stringify([escalation('low_confidence')]),
    );
    expect(decodeEscalations(coded).map((n) => n.code)).toEqual(['photo_missing', 'low_confidence']);
    expect(decodeEscalations('Low confidence (0.00).')).toEqual([{ code: 'bot_note', params: { note: 'Low confidence (0.00).' } }]);
    expect(decodeEscalations('[not json')).toEqual([{ code: 'bot_note', params: { note: '[not json' } }]);
    expect(decodeWhatsAppNotice('Linking stopped before the phone confirmed.')).toEqual({
      code: 'legacy',
      params: { text: 'Linking stopped before the phone confirmed.' },
    });
  });

  it('words a reason in Arabic, the Latin product name isolated from the Arabic around it', () => {
    const text = wordNotice('ar', 'escalation', escalation('photo_missing', { product: 'Robe Kabyle' }));
    expect(text).toContain('\u2068Robe Kabyle\u2069');
    expect(text).not.toMatch(/[A-Za-z]{4,} (the|a|of)\b/);
  });
});
