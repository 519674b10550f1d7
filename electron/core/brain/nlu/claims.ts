import type { Product } from '../../../../shared/domain/catalog';
import { extractNumbers } from '../guardrails/numbers';
import { measuresOf } from '../../text';

/** "b 40", "à 40", "for 40", "por 40", "a 40", "ب 40": a price said without a currency. */
const PRICE_BEFORE = /(?:^|\s)(?:b|bi|à|a|for|por|per|ب|بـ|à seulement|only|just|ghir|gher|seulement|soltanto|apenas)\s*$/i;

/** A unit right after a number: it is a measure ("20000 mAh", "1 kg", "27.5\"", "36 mois"). */
const MEASURE_AFTER =
  /^(?:mah|kg|g|gr|ml|cl|l|w|v|cm|mm|m|gb|go|tb|mois|mesi|meses|months?|pouces?|pollici|polegadas|inch|"|''|ans|anni|anos|years?)(?![\p{L}])/iu;

/** Whether the number is followed by a unit: a measure, not a price or a count of sales. */
export const isMeasure = (text: string, n: { index: number }): boolean => MEASURE_AFTER.test(text.slice(n.index).replace(/^[\d.,\s]+/, ''));

/** The numbers of a product's own names and variants ("20000" of "Power bank 20000 mAh"). */
export const ownNumbers = (product: Pick<Product, 'name' | 'altNames' | 'variants'>): Set<number> =>
  new Set(
    // Read as money-like figures and as measures: a variant "27,5" is the 27.5 a customer types.
    [product.name, ...product.altNames, ...product.variants.map((v) => v.name)].flatMap((t) => [
      ...extractNumbers(t).flatMap((n) => n.values),
      ...measuresOf(t, { spacedLetters: true }).map((m) => m.value),
    ]),
  );

/**
 * A price the customer asserts for the product ("el power bank b 40 dt s7i7?", "c'est 3000 DA
 * non ?") that none of its prices (product or variant) is. The reply then states the true price
 * and agrees with no part of the claim; the claimed figure is never repeated.
 */
export function falsePriceClaim(text: string, product: Product): boolean {
  const prices = [product.price, ...product.variants.flatMap((v) => (v.price === null ? [] : [v.price]))];
  for (const n of extractNumbers(text)) {
    const said = n.kind === 'money' || (n.kind === 'plain' && PRICE_BEFORE.test(text.slice(0, n.index)));
    if (!said) continue;
    // "a 20000 mAh power bank", "tubes for 27.5", "da 1 kg": a measure or a number of the product's own name is no price.
    // The product's own numbers are read only for a figure said as a price (most messages state none).
    if (isMeasure(text, n) || (n.kind !== 'money' && n.values.some((v) => ownNumbers(product).has(v)))) continue;
    // A quantity's total ("2 for 240") is no claim about the unit price.
    const backed = n.values.some((v) =>
      prices.some((p) => Array.from({ length: 10 }, (_, q) => p * (q + 1)).some((t) => Math.abs(t - v) < 0.01)),
    );
    if (!backed) return true;
  }
  return false;
}
