import type { en } from './en';

/** Every reply the offline brain can give; each language file provides all of them. */
export type PhraseKey = keyof typeof en;
export type Phrases = Record<PhraseKey, string>;
