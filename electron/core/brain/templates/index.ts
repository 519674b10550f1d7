import type { CustomerLanguage } from '../../../../shared/domain/schemas';
import { ar } from './ar';
import { arDz } from './ar-dz';
import { dzLatn } from './dz-latn';
import { en } from './en';
import { fr } from './fr';
import { it } from './it';
import { pt } from './pt';
import { arMa, arTn, maLatn, tnLatn } from './dialects';
import type { PhraseKey, Phrases, Voice } from './types';

export type { PhraseKey, Phrases, Voice } from './types';

const BY_LANGUAGE: Record<CustomerLanguage, Phrases> = { 'ar-dz': arDz, 'dz-latn': dzLatn, ar, fr, en, pt, it };
const BY_DIALECT: Record<Exclude<Voice, CustomerLanguage>, Phrases> = {
  'ma-latn': { ...dzLatn, ...maLatn },
  'ar-ma': { ...arDz, ...arMa },
  'tn-latn': { ...dzLatn, ...tnLatn },
  'ar-tn': { ...arDz, ...arTn },
};

export type Vars = Record<string, string | number>;

/** The customer language a voice writes (dialects are Darija: ar-dz / dz-latn). */
export const languageOfVoice = (v: Voice): CustomerLanguage =>
  v === 'ma-latn' || v === 'tn-latn' ? 'dz-latn' : v === 'ar-ma' || v === 'ar-tn' ? 'ar-dz' : v;

/** Darija customers of a Moroccan or Tunisian shop are answered in their own dialect, not Algerian wording. */
export function voiceFor(language: CustomerLanguage, dialect: 'dz' | 'ma' | 'tn'): Voice {
  if (dialect === 'dz') return language;
  if (language === 'dz-latn') return dialect === 'ma' ? 'ma-latn' : 'tn-latn';
  if (language === 'ar-dz') return dialect === 'ma' ? 'ar-ma' : 'ar-tn';
  return language;
}

/** One reply sentence in the customer's language, script and dialect, placeholders filled. */
export function say(voice: Voice, key: PhraseKey, vars: Vars = {}): string {
  const table = voice in BY_DIALECT ? BY_DIALECT[voice as Exclude<Voice, CustomerLanguage>] : BY_LANGUAGE[voice as CustomerLanguage];
  const template = table[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
