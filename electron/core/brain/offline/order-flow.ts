import type { Voice } from '../templates/types';
import type { Product } from '../../../../shared/domain/catalog';
import { nameFor } from './product-name';
import type { OrderLine } from '../../../../shared/domain/orders';
import type { ShopSettings } from '../../../../shared/domain/settings';
import { sumLines } from '../../orders';
import type { SlotName } from '../nlu/order-slots';
import { type PhraseKey, say } from '../templates';
import { formatList, formatMoney } from '../templates/format';
import { zoneFor } from './delivery';
import type { BrainState, CartItem } from './state';

const DIGITAL =
  /\b(cours|course|curso|corso|ebook|e-book|mentor|mentoria|coaching|planner|pdf|online|en ligne|download|digital|numerique|template|planilha|formation|aulas|certificado|acesso)\b/i;

/** Digital goods are not shipped: no wilaya or address to ask for. */
const isDigital = (p: Product): boolean =>
  p.stock === null && p.variants.length === 0 && DIGITAL.test(`${p.name} ${p.category} ${p.description}`);

export interface CartLine {
  item: CartItem;
  product: Product;
  unitPrice: number;
}

/** A variant's own price when it has one, else the product's. */
export function unitPriceOf(p: Product, variant: string | null): number {
  const v = variant ? p.variants.find((x) => x.name === variant) : undefined;
  return v?.price ?? p.price;
}

/** Stock for the requested variant when tracked per variant, else the product's (null = unlimited). */
export function stockOf(p: Product, variant: string | null): number | null {
  const v = variant ? p.variants.find((x) => x.name === variant) : undefined;
  if (v && v.stock !== null) return v.stock;
  return p.stock;
}

export const variantsInStock = (p: Product): string[] => p.variants.filter((v) => v.stock === null || v.stock > 0).map((v) => v.name);

/**
 * Adds or updates a cart line. Naming a product already in the cart (or its variant: "beige")
 * updates that line; its quantity changes only when the customer said a number. Returns true
 * when a new line was added.
 */
export function addToCart(state: BrainState, sku: string, variant: string | null, quantity: number | null): boolean {
  const same = state.cart.find((c) => c.sku === sku && (c.variant === variant || c.variant === null || variant === null));
  if (same) {
    same.variant = variant ?? same.variant;
    if (quantity !== null) same.quantity = quantity;
    return false;
  }
  state.cart.push({ sku, variant, quantity: quantity ?? 1 });
  return true;
}

/** What is still needed before the summary: a variant first, then the customer's details. */
export function missingSlots(state: BrainState, lines: CartLine[]): SlotName[] {
  const shipped = lines.some((l) => !isDigital(l.product));
  const missing: SlotName[] = [];
  if (!state.slots.name) missing.push('name');
  if (!state.slots.phone) missing.push('phone');
  if (shipped && !state.slots.wilaya) missing.push('wilaya');
  if (shipped && !state.slots.address) missing.push('address');
  return missing;
}

export const lineNeedingVariant = (lines: CartLine[]): CartLine | undefined =>
  lines.find((l) => l.item.variant === null && l.product.variants.length > 1);

const SLOT_KEY: Record<SlotName, PhraseKey> = { name: 'slotName', phone: 'slotPhone', wilaya: 'slotWilaya', address: 'slotAddress' };

export const askForSlots = (language: Voice, missing: SlotName[]): string =>
  say(language, 'askSlots', {
    missing: formatList(
      missing.map((s) => say(language, SLOT_KEY[s])),
      language,
    ),
  });

export interface Totals {
  lines: OrderLine[];
  itemsTotal: number;
  deliveryFee: number | null;
  total: number;
  currency: string;
}

export function totalsOf(lines: CartLine[], state: BrainState, settings: ShopSettings): Totals {
  const orderLines: OrderLine[] = lines.map((l) => ({
    sku: l.product.sku,
    name: l.product.name,
    variant: l.item.variant,
    quantity: l.item.quantity,
    unitPrice: l.unitPrice,
  }));
  const itemsTotal = sumLines(orderLines);
  const shipped = lines.some((l) => !isDigital(l.product));
  const zone = shipped && state.slots.wilaya ? zoneFor(settings, state.slots.wilaya) : null;
  const deliveryFee = zone ? zone.fee : shipped ? null : 0;
  const currency = lines[0]?.product.currency ?? 'DZD';
  return { lines: orderLines, itemsTotal, deliveryFee, total: Math.round((itemsTotal + (deliveryFee ?? 0)) * 100) / 100, currency };
}

/**
 * What the summary shows, as a key: items with prices, delivery fee, total and the customer's
 * details. "yes" places the order only when the summary it answers has this same key.
 */
export function summaryKey(lines: CartLine[], state: BrainState, settings: ShopSettings): string {
  const t = totalsOf(lines, state, settings);
  const s = state.slots;
  return JSON.stringify([
    t.lines.map((l) => [l.sku, l.variant, l.quantity, l.unitPrice]),
    t.deliveryFee,
    t.total,
    t.currency,
    s.name,
    s.phone,
    s.wilaya,
    s.commune,
    s.address,
  ]);
}

/** The confirmation summary: each item with its price, subtotal, delivery fee when known, total. */
export function summaryText(language: Voice, lines: CartLine[], state: BrainState, settings: ShopSettings): string {
  const t = totalsOf(lines, state, settings);
  const money = (n: number) => formatMoney(n, t.currency, language);
  const out = [say(language, 'summaryTitle')];
  for (const [i, l] of t.lines.entries()) {
    const product = lines[i]?.product;
    out.push(
      say(language, 'summaryLine', {
        name: product ? nameFor(product, language) : l.name,
        variant: l.variant ? ` (${l.variant})` : '',
        qty: l.quantity,
        price: money(l.unitPrice * l.quantity),
      }),
    );
  }
  out.push(say(language, 'summarySubtotal', { amount: money(t.itemsTotal) }));
  const shipped = lines.some((l) => !isDigital(l.product));
  if (shipped && state.slots.wilaya) {
    out.push(
      t.deliveryFee !== null
        ? say(language, 'summaryDelivery', { zone: state.slots.wilaya, amount: money(t.deliveryFee) })
        : say(language, 'summaryDeliveryUnknown', { zone: state.slots.wilaya }),
    );
  }
  out.push(say(language, 'summaryTotal', { amount: money(t.total) }));
  const place = [state.slots.wilaya, state.slots.commune, state.slots.address].filter(Boolean).join(', ');
  out.push(say(language, 'summaryCustomer', { name: state.slots.name ?? '', phone: state.slots.phone ?? '', place }).replace(/ – $/, ''));
  out.push(say(language, 'summaryConfirm'));
  return out.join('\n');
}
