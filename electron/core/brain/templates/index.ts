import type { CustomerLanguage } from '../../../../shared/domain/schemas';
import { ar } from './ar';
import { arDz } from './ar-dz';
import { dzLatn } from './dz-latn';
import { en } from './en';
import { fr } from './fr';
import { it } from './it';
import { pt } from './pt';
import type { PhraseKey, Phrases } from './types';

export type { PhraseKey, Phrases } from './types';

const BY_LANGUAGE: Record<CustomerLanguage, Phrases> = { 'ar-dz': arDz, 'dz-latn': dzLatn, ar, fr, en, pt, it };

export type Vars = Record<string, string | number>;

/** One reply sentence in the customer's language and script, placeholders filled. */
export function say(language: CustomerLanguage, key: PhraseKey, vars: Vars = {}): string {
  const template = BY_LANGUAGE[language][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** Sentences joined as one WhatsApp message; empty parts dropped. */
export const joinReply = (...parts: (string | null | undefined | false)[]): string =>
  parts.filter((p): p is string => typeof p === 'string' && p.trim() !== '').join(' ');

export const allLanguages = Object.keys(BY_LANGUAGE) as CustomerLanguage[];
