import type { CustomerLanguage } from '../../../../shared/domain/schemas';
import { splitSentences } from './chunk';
import type { DocumentHit } from './documents-repo';
import { contentWordsOf, stemOf } from './words';

/** A passage answers on its own from this share of the question's words (and at least two of them). */
const DOCUMENT_ANSWERS_FROM = 0.6;
const MAX_QUOTE = 320;

/** How the reply names its source, per customer language: the customer knows where it comes from. */
const CITE: Record<CustomerLanguage, string> = {
  fr: 'D’après « {doc} » : {quote}',
  en: 'From “{doc}”: {quote}',
  ar: 'حسب «{doc}»: {quote}',
  'ar-dz': 'على حساب «{doc}»: {quote}',
  'dz-latn': '3la hsab « {doc} »: {quote}',
  pt: 'Segundo “{doc}”: {quote}',
  it: 'Secondo “{doc}”: {quote}',
};

/** The sentences of a passage that carry the question's words, in the passage's order, within MAX_QUOTE. */
export function quoteFor(passage: string, question: string): string {
  const stems = contentWordsOf(question).map(stemOf);
  const sentences = splitSentences(passage);
  const ranked = sentences
    .map((text, i) => ({ i, text, hits: stems.filter((st) => contentWordsOf(text).some((w) => w.startsWith(st))).length }))
    .filter((s) => s.hits > 0)
    .sort((a, b) => b.hits - a.hits || a.i - b.i);
  const chosen: typeof ranked = [];
  let length = 0;
  for (const s of ranked) {
    // A second sentence only when it carries as much of the question as the best one (not a title).
    if (chosen.length > 0 && (length + s.text.length > MAX_QUOTE || s.hits < chosen[0]!.hits)) break;
    chosen.push(s);
    length += s.text.length + 1;
    if (chosen.length === 2) break;
  }
  const quote = chosen
    .sort((a, b) => a.i - b.i)
    .map((s) => s.text)
    .join(' ');
  return quote.length > MAX_QUOTE ? `${quote.slice(0, MAX_QUOTE - 1).trimEnd()}…` : quote || passage.slice(0, MAX_QUOTE);
}

/** The reply a good enough passage gives, naming its document; null when none is good enough. */
export function documentAnswer(
  hits: readonly DocumentHit[],
  question: string,
  language: CustomerLanguage,
): { reply: string; citation: string; score: number } | null {
  const best = hits[0];
  if (!best || best.score < DOCUMENT_ANSWERS_FROM || best.matched.length < Math.min(2, contentWordsOf(question).length)) return null;
  const reply = CITE[language].replace('{doc}', best.documentName).replace('{quote}', quoteFor(best.text, question));
  return { reply, citation: `document:${best.documentId}#${best.chunkId}`, score: best.score };
}
