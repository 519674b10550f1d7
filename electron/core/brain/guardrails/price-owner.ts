import type { Violation } from '../../../../shared/domain/guardrails';
import type { Product } from '../../../../shared/domain/catalog';
import { type StoreFacts, buildBacking, isBacked } from './backing';
import { extractNumbers } from './numbers';
import { clauses, fold } from './text';

/**
 * "A quoted price must belong to the product it is quoted for." The number check backs a price
 * when any product of the turn has it, so "the bag is 6 500 DA" passed with the dress's price. Here
 * each price is tied to the product the clause names (the nearest mention before it, else the first
 * after it; the decision's only product when the clause names none) and fails when it is another
 * product's price and not that product's own (quantities, fees, allowed discounts included). Any
 * intent: a wrong price in a greeting misleads as much as in a price answer. Pure.
 */
export interface PriceOwnerInput {
  reply: string;
  store: StoreFacts;
  /** The products the decision says it is about. */
  skus: readonly string[];
}

const WORD = /[\p{L}\p{N}]+/gu;
const DURATION_AFTER =
  /^\s*(?:dias?|jours?|giorni|giorno|days?|ayam|iyam|ايام|يوم|mois|meses|mes|mesi|months?|semaines?|semanas?|settimane|weeks?|ans|anos|anni|years?|heures?|horas?|ore|hours?|min|minutes?|minutos?|minuti|%)(?![\p{L}])/u;
const words = (text: string) => fold(text).match(WORD) ?? [];

/** Per product, the folded phrases that name it: its names whole, and its words no other product of the turn shares. */
function mentionsOf(products: readonly Product[]): Map<Product, string[]> {
  const namesOf = (p: Product) => [p.name, ...p.altNames, ...p.aliases].filter(Boolean);
  const count = new Map<string, number>();
  for (const p of products) for (const w of new Set(namesOf(p).flatMap(words))) count.set(w, (count.get(w) ?? 0) + 1);
  const out = new Map<Product, string[]>();
  for (const p of products) {
    const whole = namesOf(p)
      .map((n) => words(n).join(' '))
      .filter(Boolean);
    const own = [...new Set(namesOf(p).flatMap(words))].filter((w) => w.length >= 3 && !/^\d+$/.test(w) && count.get(w) === 1);
    out.set(p, [...whole, ...own]);
  }
  return out;
}

/** Word offsets in a folded clause where each product is named. */
function positions(clauseWords: string[], mentions: Map<Product, string[]>): Array<{ at: number; end: number; product: Product }> {
  const found: Array<{ at: number; end: number; product: Product }> = [];
  for (const [product, phrases] of mentions) {
    for (const phrase of phrases) {
      const target = phrase.split(' ');
      for (let i = 0; i + target.length <= clauseWords.length; i++) {
        if (target.every((w, k) => clauseWords[i + k] === w)) found.push({ at: i, end: i + target.length, product });
      }
    }
  }
  // "Parmigiano Reggiano 36 mesi" is one product named, not also the sibling whose alias is "parmigiano":
  // a mention inside a longer mention of another product is not a mention of its own.
  return found.filter((m) => !found.some((o) => o.product !== m.product && o.at <= m.at && o.end >= m.end && o.end - o.at > m.end - m.at));
}

export function checkPriceOwners(input: PriceOwnerInput): Violation[] {
  const { store } = input;
  if (store.products.length < 2) return [];
  const single = { ...store, orderItems: [] };
  const ownMoney = new Map(store.products.map((p) => [p, buildBacking({ ...single, products: [p] }).money]));
  const mentions = mentionsOf(store.products);
  const onlySku = input.skus.length === 1 ? store.products.find((p) => p.sku === input.skus[0]) : undefined;
  const out: Violation[] = [];
  for (const clause of clauses(input.reply)) {
    const folded = fold(clause);
    const clauseWords = folded.match(WORD) ?? [];
    const named = positions(clauseWords, mentions);
    for (const n of extractNumbers(folded)) {
      // Small plain numbers are quantities and sizes far more often than prices.
      if (n.kind !== 'money' && !(n.kind === 'plain' && n.values.some((v) => v >= 10))) continue;
      // "30 dias", "15 jours", "12 mesi": a duration or a measure right after the number is no price.
      if (n.kind === 'plain' && DURATION_AFTER.test(folded.slice(n.index + n.raw.length))) continue;
      // Word offset of the number: how many words stand before it in the clause.
      const at = (folded.slice(0, n.index).match(WORD) ?? []).length;
      // A number inside a product's own name ("Huile d'argan 100 ml") names it; it is no price.
      if (named.some((m) => m.at <= at && at < m.end)) continue;
      const before = named.filter((m) => m.at < at).sort((a, b) => b.at - a.at)[0];
      const after = named.filter((m) => m.at > at).sort((a, b) => a.at - b.at)[0];
      const owner = before?.product ?? after?.product ?? onlySku;
      if (!owner) continue;
      if (isBacked(ownMoney.get(owner)!, n.values)) continue;
      const other = store.products.find((p) => p !== owner && isBacked(ownMoney.get(p)!, n.values));
      if (!other) continue; // not a price of any product: the number check judges it
      out.push({
        kind: 'price_of_other_product',
        detail: `${n.raw} is the price of ${other.name}, not of ${owner.name}.`,
        fragment: n.raw,
      });
    }
  }
  return out;
}
