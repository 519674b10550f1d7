import type { OrderItem } from '../../../../shared/domain/brain';
import type { Product } from '../../../../shared/domain/catalog';
import type { SalesSettings, ShopFacts } from '../../../../shared/domain/settings';
import type { z } from 'zod';
import { extractNumbers, numbersIn } from './numbers';

/** Everything the store says that a reply may repeat. Loaded by the router, checked here. */
export interface StoreFacts {
  /** Products the turn is about: cited, named in the reply or the customer's text, ordered. */
  products: Product[];
  facts: z.output<typeof ShopFacts>;
  sales: z.output<typeof SalesSettings>;
  orderItems: OrderItem[];
  /** Recent real sales per SKU (for "sold today" claims). */
  salesCounts: ReadonlyMap<string, number>;
  /** The shop's real number of orders (social proof), when known. */
  orderCount: number | null;
  /** Answers the seller wrote in the knowledge base that this turn retrieved. */
  knowledge: string[];
  now: Date;
}

/** Values a reply may state, by what they may be stated as. Keys are values rounded to cents. */
export interface Backing {
  /** Numbers inside product and variant names ("100 ml", "2026", size "42"): quoting a name is no claim. */
  names: Set<string>;
  money: Set<string>;
  percent: Set<string>;
  stock: Set<string>;
  plain: Set<string>;
}

export const keyOf = (value: number): string => (Math.round(value * 100) / 100).toFixed(2);

export function isBacked(set: Set<string>, values: readonly number[]): boolean {
  return values.some((v) => set.has(keyOf(v)));
}

const MAX_QUANTITY = 10;

/** Prices a seller's discount may produce: exact and the round figures sellers quote. */
function discountedPrices(price: number, maxPercent: number): number[] {
  const out: number[] = [];
  for (let d = 1; d <= Math.floor(maxPercent); d++) {
    const exact = price * (1 - d / 100);
    // Sellers round a discounted price up (never a bigger discount than allowed) or to the nearest unit.
    out.push(exact, Math.round(exact), Math.ceil(exact), price - exact);
    for (const step of [10, 50, 100]) if (price >= step * 10) out.push(Math.ceil(exact / step) * step);
  }
  return out;
}

function unitPrices(product: Product, variant: string | null): number[] {
  const match = variant ? product.variants.find((v) => v.name.toLowerCase() === variant.toLowerCase()) : undefined;
  if (match?.price != null) return [match.price];
  return [product.price, ...product.variants.flatMap((v) => (v.price == null ? [] : [v.price]))];
}

function orderTotals(items: OrderItem[], products: Product[], fees: number[]): number[] {
  const bySku = new Map(products.map((p) => [p.sku, p]));
  const lines = items.flatMap((item) => {
    const product = bySku.get(item.sku);
    return product ? [unitPrices(product, item.variant).map((unit) => unit * item.quantity)] : [];
  });
  // The subtotal uses each line's own price (its variant's when it has one), then each delivery fee.
  const subtotal = lines.reduce((sum, line) => sum + (line[0] ?? 0), 0);
  return [...lines.flat(), subtotal, ...fees.map((fee) => subtotal + fee)];
}

function productTextNumbers(product: Product): number[] {
  return [product.name, ...product.altNames, ...product.variants.map((v) => v.name), product.description].flatMap(numbersIn);
}

/** Builds what the store backs for one turn. */
export function buildBacking(store: StoreFacts): Backing {
  const money: number[] = [];
  const percent: number[] = [];
  const stock: number[] = [];
  const plain: number[] = [0, 1, 2, 3];
  const names: number[] = [];
  const fees = store.facts.deliveryZones.map((z) => z.fee);
  money.push(...fees);
  for (const product of store.products) {
    const prices = unitPrices(product, null);
    for (const price of prices) {
      for (let q = 1; q <= MAX_QUANTITY; q++) money.push(price * q, ...fees.map((fee) => price * q + fee));
      money.push(...discountedPrices(price, store.sales.maxDiscountPercent));
    }
    if (product.compareAtPrice != null && product.compareAtPrice > product.price) {
      money.push(product.compareAtPrice, product.compareAtPrice - product.price);
      const off = ((product.compareAtPrice - product.price) / product.compareAtPrice) * 100;
      percent.push(Math.floor(off), Math.round(off), Math.ceil(off));
    }
    if (product.stock != null) stock.push(product.stock);
    for (const variant of product.variants) if (variant.stock != null) stock.push(variant.stock);
    plain.push(...productTextNumbers(product));
    names.push(...[product.name, ...product.altNames, ...product.variants.map((v) => v.name)].flatMap(numbersIn));
    for (const stated of extractNumbers(product.description)) if (stated.kind === 'percent') percent.push(...stated.values);
  }
  money.push(...orderTotals(store.orderItems, store.products, fees));
  plain.push(...store.orderItems.map((i) => i.quantity));
  stock.push(...store.salesCounts.values());
  if (store.orderCount != null) stock.push(store.orderCount);
  for (let d = 0; d <= store.sales.maxDiscountPercent; d++) percent.push(d);
  const factTexts = [
    ...store.facts.deliveryZones.flatMap((z) => [z.name, z.delayDays]),
    store.facts.openingHours,
    store.facts.returnPolicy,
    ...store.knowledge,
  ];
  for (const text of factTexts) {
    for (const stated of extractNumbers(text)) {
      plain.push(...stated.values);
      if (stated.kind === 'percent') percent.push(...stated.values);
      else money.push(...stated.values);
    }
  }
  // Delivery delays quoted in hours ("48h") for zones given in days.
  for (const days of store.facts.deliveryZones.flatMap((z) => numbersIn(z.delayDays))) plain.push(days * 24);
  const year = store.now.getUTCFullYear();
  plain.push(year - 1, year, year + 1);
  const set = (values: number[]) => new Set(values.filter(Number.isFinite).map(keyOf));
  const moneySet = set(money);
  const percentSet = set(percent);
  const stockSet = set(stock);
  const plainSet = set([...plain, ...money, ...stock, ...percent]);
  return { names: set(names), money: moneySet, percent: percentSet, stock: stockSet, plain: plainSet };
}
