import type { Product } from '../../../../shared/domain/catalog';
import { type LexicalScore, type ProductFinder, hasSaidMeasure, measuresIn, scoreProduct } from './product-match';
import { withoutCounts } from '../nlu/quantity';
import { type ParsedQuery, parseQuery } from '../retrieval/query';

export interface Resolved {
  product: Product;
  score: number;
  /** How well the customer's own words fit, without retrieval's rank: equal values are a tie. */
  lexical: number;
}

/** Below this, a candidate shares a word with the message by accident. */
const MIN_SCORE = 1.5;

/**
 * The products the message names, best first. Retrieval proposes candidates (its order is a
 * prior); the brain's own lexical check keeps only those the customer's words actually point
 * at, so a stray word in a description never becomes "the product they mean".
 */
export async function resolveProducts(finder: ProductFinder, shopId: number, text: string): Promise<Resolved[]> {
  // Five candidates: at most three are kept, the close ones to the best, and retrieval's order is
  // the prior; each more is a product read and matched every turn (8 cost a fifth more CPU per turn, bench/brain.ts).
  const found = await finder.search(shopId, text, 5);
  // "parmesan 36 mois" when retrieval only proposes the 24-month one: a measure the customer gives
  // decides between siblings, so the top candidate's category is read too.
  const top = found[0]?.product;
  const siblings = top && measuresIn(text).length ? await finder.inCategory(shopId, top.category, 20) : [];
  // Only the siblings that have one of those measures: the rest would be scored for nothing (twenty products a turn).
  const hits = [
    ...found,
    ...siblings
      .filter((p) => !found.some((h) => h.product.sku === p.sku) && hasSaidMeasure(text, p))
      .map((product) => ({ product, score: 0, matched: [] })),
  ];
  const scored = hits.map((h, rank) => {
    const fit = scoreProduct(text, h.product);
    const lexical = fit.score;
    const prior = rank === 0 ? 0.6 : rank === 1 ? 0.3 : 0;
    return { product: h.product, lexical, fit, score: lexical + (lexical > 0 ? prior : h.score >= 0.6 && rank === 0 ? MIN_SCORE : 0) };
  });
  let query: ParsedQuery | undefined;
  const parsed = (): ParsedQuery => (query ??= parseQuery(text));
  const kept = scored.filter((s) => s.score >= MIN_SCORE && !onlyThroughAConcept(parsed, s.fit)).sort((a, b) => b.score - a.score);
  const best = kept[0];
  if (!best) return [];
  // Keep close seconds ("sac" → two bags) so the reply can list them; drop far weaker ones, and
  // the ones a distinguishing word rules out: a measure another candidate has and this one states
  // otherwise ("100 مل" → not the 50 ml bottle), or words another candidate explains as well plus more
  // ("baffle kbir" → the big speaker, not the small one named "baffle" too).
  const close = kept.filter((k) => k.score >= best.score * 0.75);
  const anyAgrees = close.some((k) => k.fit.measuresAgreed > 0);
  const fits = close.filter(
    (k) => !(anyAgrees && k.fit.contradicted) && !close.some((o) => o !== k && strictlyWider(o.fit.cover, k.fit.cover)),
  );
  return (fits.length ? fits : close).slice(0, 3).map(({ product, score, lexical }) => ({ product, score, lexical }));
}

/**
 * A product the message reaches only through a concept the wide lexicon shares ("cadeau" → the
 * gift box) while more of the question's content words stay unexplained than that concept
 * explains: "vous faites un emballage cadeau avec une carte ?" asks about a service, not the gift
 * box's price. "perfume for my wife", "red dress for a wedding" still name their products. Read
 * from the words and the candidate's fit alone (the turn's hits), no other query.
 */
function onlyThroughAConcept(parsed: () => ParsedQuery, fit: LexicalScore): boolean {
  if (fit.matched.length === 0 || !fit.matched.every((m) => m.startsWith('~'))) return false;
  // The message is parsed once per resolution, and only when a candidate fits through concepts alone.
  const query = parsed();
  const explained = new Set(fit.matched.flatMap((m) => query.concepts.get(m.slice(1)) ?? []));
  const unexplained = query.tokens.filter((t) => !explained.has(t));
  return unexplained.length > explained.size;
}

/** Every word `b` accounts for, `a` accounts for too, and at least one more. */
function strictlyWider(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size <= b.size) return false;
  for (const x of b) if (!a.has(x)) return false;
  return true;
}

/**
 * Two products the customer's words fit equally ("zit argan" with a 100 ml and a 50 ml bottle):
 * nothing they said tells them apart, so the bot asks which one instead of picking.
 */
export function isTie(resolved: readonly Resolved[]): boolean {
  const [a, b] = resolved;
  return a !== undefined && b !== undefined && a.lexical > 0 && Math.abs(a.lexical - b.lexical) < 0.01;
}

/** Where a message lists several products: "X e Y", "X et Y", "X and Y", "X ou Y", "X w Y", "X ولا Y", commas, "+". */
const JOINERS =
  /\s+(?:e|et|and|y|ou|or|oppure|vs\.?|versus|contre|w|wla|wela|walla|و|ولا|او|أو)\s+|\s*(?:[;+&]|,(?!\d)|(?<!\d),)\s*|\s+\/\s+|\n/iu;

export interface Pick extends Resolved {
  /** The part of the message that names it: its count and variant are read there. */
  part: string;
}

/**
 * Several products named in one message ("quanto o protetor 50 e a vitamina c?", "2 sacs noirs et
 * une montre", "X ou Y ?"), each read in its own part, in the order the customer named them.
 * Null when the message names fewer than two distinct products that way.
 */
export async function resolveEach(finder: ProductFinder, shopId: number, text: string): Promise<Pick[] | null> {
  const parts = text
    .split(JOINERS)
    .map((p) => p.trim())
    .filter((p) => /\p{L}{2,}/u.test(p));
  if (parts.length < 2) return null;
  const picks: Pick[] = [];
  const read = parts.slice(0, 4);
  for (const [i, part] of read.entries()) {
    // Fewer than two products can come out of what is left ("Bonjour, vous avez les baskets ?"
    // after its greeting): the answer is null whatever the rest names, so it is not resolved.
    if (picks.length + (read.length - i) < 2) return null;
    const found = await resolveProducts(finder, shopId, withoutCounts(part));
    const top = found[0];
    if (top && !isTie(found) && !picks.some((p) => p.product.sku === top.product.sku)) picks.push({ ...top, part });
  }
  return picks.length >= 2 ? picks : null;
}

/** Most recent first, no duplicates, at most 3 (BrainDecision.skus). */
export const rememberSkus = (fresh: readonly string[], previous: readonly string[]): string[] =>
  [...new Set([...fresh, ...previous])].slice(0, 3);
