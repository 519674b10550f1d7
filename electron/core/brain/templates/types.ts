import type { CustomerLanguage } from '../../../../shared/domain/schemas';
import type { en } from './en';

/** Every reply the offline brain can give; each language file provides all of them. */
export type PhraseKey = keyof typeof en;
export type Phrases = Record<PhraseKey, string>;

/**
 * Who the reply speaks as: a customer language, or a Darija dialect of one (Moroccan, Tunisian)
 * picked by the shop's country. The decision's language tag stays the customer language.
 */
export type Voice = CustomerLanguage | 'ma-latn' | 'ar-ma' | 'tn-latn' | 'ar-tn';
