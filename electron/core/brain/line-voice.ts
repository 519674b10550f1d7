import type { Dialect } from '../../../shared/domain/country';
import type { CustomerLanguage } from '../../../shared/domain/schemas';

/**
 * Who learning's lines (follow-ups, strategy sentences) speak as: the customer's language, or for
 * Darija customers of a Moroccan or Tunisian shop their own dialect, in the script they write in —
 * the same choice the offline brain's templates make (brain/templates voiceFor).
 */
export type LineVoice = CustomerLanguage | 'ma-latn' | 'ar-ma' | 'tn-latn' | 'ar-tn';

export function lineVoice(language: CustomerLanguage, dialect: Dialect): LineVoice {
  if (dialect === 'dz') return language;
  if (language === 'dz-latn') return dialect === 'ma' ? 'ma-latn' : 'tn-latn';
  if (language === 'ar-dz') return dialect === 'ma' ? 'ar-ma' : 'ar-tn';
  return language;
}
