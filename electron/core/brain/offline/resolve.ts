import type { Product } from '../../../../shared/domain/catalog';
import { type ProductFinder, scoreProduct } from './product-match';

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
  const hits = await finder.search(shopId, text, 8);
  const scored = hits.map((h, rank) => {
    const lexical = scoreProduct(text, h.product).score;
    const prior = rank === 0 ? 0.6 : rank === 1 ? 0.3 : 0;
    return { product: h.product, lexical, score: lexical + (lexical > 0 ? prior : h.score >= 0.6 && rank === 0 ? MIN_SCORE : 0) };
  });
  const kept = scored.filter((s) => s.score >= MIN_SCORE).sort((a, b) => b.score - a.score);
  const best = kept[0];
  if (!best) return [];
  // Keep close seconds ("sac" → two bags) so the reply can list them; drop far weaker ones.
  return kept.filter((k) => k.score >= best.score * 0.75).slice(0, 3);
}

/**
 * Two products the customer's words fit equally ("zit argan" with a 100 ml and a 50 ml bottle):
 * nothing they said tells them apart, so the bot asks which one instead of picking.
 */
export function isTie(resolved: readonly Resolved[]): boolean {
  const [a, b] = resolved;
  return a !== undefined && b !== undefined && a.lexical > 0 && Math.abs(a.lexical - b.lexical) < 0.01;
}

/** Most recent first, no duplicates, at most 3 (BrainDecision.skus). */
export const rememberSkus = (fresh: readonly string[], previous: readonly string[]): string[] =>
  [...new Set([...fresh, ...previous])].slice(0, 3);
