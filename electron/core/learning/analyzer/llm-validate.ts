import { z } from 'zod';
import type { Product } from '../../../../shared/domain/catalog';
import { extractNumbers } from '../../brain/index';
import { type AnalyzedMessage, type LearnedPair, contentWords } from './extract';

/** What the model is asked to answer (llm-prompt.ts): loose on purpose, code decides what is kept. */
const ModelPair = z.object({
  kind: z.enum(['qa', 'objection']),
  question: z.string().min(3).max(500),
  answer: z.string().min(2).max(1_200),
  keywords: z.array(z.string().max(40)).max(20).default([]),
  category: z.string().max(40).default('general'),
  confidence: z.number().min(0).max(1).default(0.5),
});
const ModelAnswer = z.object({ pairs: z.array(z.unknown()).max(30) });

export const LLM_CATEGORIES = [
  'delivery',
  'price',
  'availability',
  'price_objection',
  'trust',
  'hesitation',
  'general',
  'ordering',
  'returns',
  'payment',
  'sizing',
  'product',
] as const;

/** A learned answer from the model never outranks the seller's own words (0.8 in extract.ts). */
const MAX_LLM_CONFIDENCE = 0.75;
/** Share of an answer's content words that must come from the shop's side of the chat or the catalog. */
const GROUNDED_WORDS = 0.5;
/** Share of a question's content words that must come from one customer message. */
const GROUNDED_QUESTION = 0.5;

export type RejectReason = 'malformed' | 'question_not_asked' | 'answer_not_said' | 'number_not_backed' | 'wrong_price' | 'out_of_stock';

export interface Validated {
  pairs: LearnedPair[];
  rejected: Array<{ reason: RejectReason; fragment: string }>;
}

const IN_STOCK =
  /\b(disponible|en stock|available|in stock|dispon[ií]vel|disponibile|kayn|kayna|mawjoud|mawjud|existe)\b|متوفر|موجود|كاين|كاينة/i;

const lower = (s: string) => s.toLowerCase().normalize('NFC');

function mentioned(products: readonly Product[], text: string): Product[] {
  const t = lower(text);
  return products.filter((p) => [p.name, ...p.altNames, ...p.aliases].some((n) => n.trim().length >= 3 && t.includes(lower(n))));
}

const pricesOf = (p: Product) => [p.price, ...p.variants.map((v) => v.price).filter((x): x is number => x !== null)];

function numbersBacked(answer: string, shopSaid: Set<number>, products: readonly Product[]): RejectReason | null {
  const catalog = new Set(products.flatMap((p) => [...pricesOf(p), ...(p.stock !== null ? [p.stock] : [])]));
  const named = mentioned(products, answer);
  for (const n of extractNumbers(answer)) {
    if (n.kind === 'money' && named.length > 0) {
      // A price next to a product the answer names must be that product's price today.
      if (!n.values.some((v) => named.some((p) => pricesOf(p).includes(v)))) return 'wrong_price';
      continue;
    }
    if (!n.values.some((v) => shopSaid.has(v) || catalog.has(v))) return 'number_not_backed';
  }
  return null;
}

function stockBacked(answer: string, products: readonly Product[]): boolean {
  if (!IN_STOCK.test(answer)) return true;
  return mentioned(products, answer).every((p) => p.stock === null || p.stock > 0);
}

function overlap(words: string[], pool: Set<string>): number {
  if (words.length === 0) return 0;
  return words.filter((w) => pool.has(w)).length / words.length;
}

/**
 * The deterministic checks on what a model proposes from one ordered conversation: the answer is
 * kept only when it is grounded — its question was asked by the customer, its words were said by
 * the shop (seller or bot) or are in the catalog, every number it states was said by the shop or
 * is a catalog figure, a price beside a product is that product's price today, and "in stock" is
 * never claimed for a product at 0. Everything else is dropped with its reason.
 */
export function validateModelPairs(raw: string, conversation: readonly AnalyzedMessage[], products: readonly Product[]): Validated {
  const rejected: Validated['rejected'] = [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.replace(/^```(?:json)?\s*|\s*```$/g, ''));
  } catch {
    return { pairs: [], rejected: [{ reason: 'malformed', fragment: raw.slice(0, 80) }] };
  }
  const top = ModelAnswer.safeParse(parsed);
  if (!top.success) return { pairs: [], rejected: [{ reason: 'malformed', fragment: raw.slice(0, 80) }] };
  const customer = conversation.filter((m) => m.direction === 'in').map((m) => contentWords(m.text));
  const shopSide = conversation.filter((m) => m.direction === 'out').map((m) => m.text);
  const shopWords = new Set([...shopSide.flatMap(contentWords), ...products.flatMap((p) => contentWords(`${p.name} ${p.description}`))]);
  const shopSaid = new Set(shopSide.flatMap((t) => extractNumbers(t).flatMap((n) => n.values)));
  const pairs: LearnedPair[] = [];
  for (const item of top.data.pairs) {
    const p = ModelPair.safeParse(item);
    if (!p.success) {
      rejected.push({ reason: 'malformed', fragment: JSON.stringify(item).slice(0, 80) });
      continue;
    }
    const { question, answer } = p.data;
    const qWords = contentWords(question);
    if (!customer.some((words) => overlap(qWords, new Set(words)) >= GROUNDED_QUESTION)) {
      rejected.push({ reason: 'question_not_asked', fragment: question });
      continue;
    }
    if (overlap(contentWords(answer), shopWords) < GROUNDED_WORDS) {
      rejected.push({ reason: 'answer_not_said', fragment: answer });
      continue;
    }
    const numbers = numbersBacked(answer, shopSaid, products);
    if (numbers) {
      rejected.push({ reason: numbers, fragment: answer });
      continue;
    }
    if (!stockBacked(answer, products)) {
      rejected.push({ reason: 'out_of_stock', fragment: answer });
      continue;
    }
    const category = (LLM_CATEGORIES as readonly string[]).includes(p.data.category) ? p.data.category : 'general';
    const keywords = [...new Set([...p.data.keywords.flatMap(contentWords), ...qWords])].slice(0, 8);
    pairs.push({
      kind: p.data.kind,
      question: question.trim(),
      answer: answer.trim(),
      category,
      confidence: Math.min(MAX_LLM_CONFIDENCE, p.data.confidence),
      keywords,
    });
  }
  return { pairs, rejected };
}
