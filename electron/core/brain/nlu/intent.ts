import type { Intent } from '../../../../shared/domain/brain';
import { INTENT_LEXICON } from './intent-lexicon';
import { fold, stripArabicArticle, tokens } from './normalise';

interface CompiledPhrase {
  intent: Intent;
  pattern: RegExp;
  weight: number;
}

function compile(intent: Intent, phrase: string): { compiled: CompiledPhrase; first: string } {
  const strong = phrase.startsWith('!');
  const raw = (strong ? phrase.slice(1) : phrase).split(' ');
  const words = raw.map((w) => {
    const star = w.endsWith('*');
    const base = (star ? w.slice(0, -1) : w).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return star ? `${base}[^ ]*` : base;
  });
  return {
    compiled: { intent, pattern: new RegExp(`(?:^| )${words.join(' ')}(?= |$)`, 'u'), weight: strong ? 2 : 1 },
    first: raw[0] ?? '',
  };
}

/**
 * The lexicon's phrases indexed by their first word, so a message tests only the phrases that can
 * start at one of its words (a thousand regular expressions per message otherwise). A phrase
 * matches only where its first word is a whole word of the message ("word*": a word starting so);
 * a first word that is not plain letters and digits is tested on every message, as before.
 */
interface PhraseIndex {
  exact: Map<string, CompiledPhrase[]>;
  prefix: Map<string, CompiledPhrase[]>;
  always: CompiledPhrase[];
  longestPrefix: number;
}

function indexPhrases(): PhraseIndex {
  const index: PhraseIndex = { exact: new Map(), prefix: new Map(), always: [], longestPrefix: 0 };
  for (const [intent, list] of Object.entries(INTENT_LEXICON)) {
    for (const p of list) {
      const { compiled, first } = compile(intent as Intent, fold(p).split(/\s+/).map(stripArabicArticle).join(' '));
      const star = first.endsWith('*');
      const base = star ? first.slice(0, -1) : first;
      if (!/^[\p{L}\p{N}]+$/u.test(base)) {
        index.always.push(compiled);
        continue;
      }
      const map = star ? index.prefix : index.exact;
      map.set(base, [...(map.get(base) ?? []), compiled]);
      if (star) index.longestPrefix = Math.max(index.longestPrefix, base.length);
    }
  }
  return index;
}

/** Built on the first message (~60 ms of regular expressions), not while core starts. */
let index: PhraseIndex | undefined;

/** The phrases that may match: those whose first word is one of the message's words (or starts one). */
function candidates(variants: readonly string[]): Set<CompiledPhrase> {
  const INDEX = (index ??= indexPhrases());
  const out = new Set<CompiledPhrase>(INDEX.always);
  const words = new Set(variants.flatMap((v) => v.split(' ')));
  for (const w of words) {
    for (const c of INDEX.exact.get(w) ?? []) out.add(c);
    for (let n = 1; n <= Math.min(w.length, INDEX.longestPrefix); n++) for (const c of INDEX.prefix.get(w.slice(0, n)) ?? []) out.add(c);
  }
  return out;
}

/** When two intents score the same, the one a seller must not miss comes first. */
const TIE_ORDER: Intent[] = [
  'complaint_refund',
  'human_request',
  'objection_price',
  'order_request',
  'delivery_question',
  'price_question',
  'objection_trust',
  'availability',
  'objection_hesitation',
  'thanks',
  'greeting',
  'other',
];

export interface IntentGuess {
  intent: Intent;
  confidence: number;
  scores: Partial<Record<Intent, number>>;
}

/** Folded words with and without the Arabic article, space-joined for phrase matching. */
function phraseText(text: string): string[] {
  const words = tokens(fold(text));
  const stripped = words.map(stripArabicArticle);
  return [` ${words.join(' ')} `.trim(), stripped.join(' ')];
}

/** "It never arrived" in Darija, in any spelling: ma + wsal… + ch, in both scripts. */
const NOT_ARRIVED = [
  /(?:^| )ma ?w?s[ae]?l\S*(?:ch|sh)(?: |$)/,
  /(?:^| )ma ?ja\S*(?:ch|sh)(?: |$)/,
  /(?:^| )ما ?و?صل\S*ش(?: |$)/,
  /(?:^| )ما ?جا\S*ش(?: |$)/,
];

function scoreIntents(text: string): Partial<Record<Intent, number>> {
  const variants = phraseText(text);
  const scores: Partial<Record<Intent, number>> = {};
  for (const { intent, pattern, weight } of candidates(variants))
    if (variants.some((v) => pattern.test(v))) scores[intent] = (scores[intent] ?? 0) + weight;
  if (NOT_ARRIVED.some((p) => variants.some((v) => p.test(v)))) scores.complaint_refund = (scores.complaint_refund ?? 0) + 2;
  return scores;
}

/**
 * Lexicon scores, then the rules a shop assistant would apply: a complaint or a request for a
 * human beats everything; "too expensive" is an objection even though it mentions the price;
 * a delivery fee question is about delivery; greetings and thanks only win when nothing else is said.
 */
export function classifyIntent(text: string): IntentGuess {
  const scores = scoreIntents(text);
  const s = (i: Intent) => scores[i] ?? 0;
  const pick = (intent: Intent, confidence: number): IntentGuess => ({ intent, confidence, scores });

  // Fear of a scam before buying is a trust question, not a complaint.
  // ("c'est pas une arnaque ?" asks for reassurance; a price objection said alongside still wins.)
  if (
    s('objection_trust') >= 1 &&
    s('objection_trust') >= s('complaint_refund') &&
    s('complaint_refund') < 2 &&
    s('objection_trust') >= s('objection_price') &&
    // "how much is the original charger?": a price question that names the product "original" asks a price.
    s('objection_trust') > s('price_question')
  ) {
    return pick('objection_trust', Math.min(1, 0.6 + s('objection_trust') / 5));
  }
  if (s('complaint_refund') >= 1.5 || (s('complaint_refund') >= 1 && s('complaint_refund') >= s('order_request'))) {
    return pick('complaint_refund', Math.min(1, 0.6 + s('complaint_refund') / 5));
  }
  if (s('human_request') >= 1) return pick('human_request', Math.min(1, 0.6 + s('human_request') / 5));
  if (s('objection_price') > 0 && s('objection_price') >= s('order_request'))
    return pick('objection_price', Math.min(1, 0.55 + s('objection_price') / 5));
  if (s('delivery_question') > 0 && s('price_question') > 0 && s('order_request') < 2) return pick('delivery_question', 0.75);

  const business = TIE_ORDER.filter((i) => i !== 'thanks' && i !== 'greeting' && i !== 'other' && s(i) > 0);
  const ranked = [...business].sort((a, b) => s(b) - s(a) || TIE_ORDER.indexOf(a) - TIE_ORDER.indexOf(b));
  const best = ranked[0];
  if (best) {
    const margin = s(best) - (ranked[1] ? s(ranked[1]) : 0);
    return pick(best, Math.min(1, 0.5 + s(best) / 6 + margin / 8));
  }
  if (s('thanks') > 0 && s('thanks') >= s('greeting')) return pick('thanks', 0.85);
  if (s('greeting') > 0) return pick('greeting', 0.85);
  if (s('thanks') > 0) return pick('thanks', 0.8);
  return pick('other', 0.2);
}
