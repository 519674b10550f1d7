import { z } from 'zod';
import type { Product } from '../../../../shared/domain/catalog';
import type { ShopSettings } from '../../../../shared/domain/settings';
import { addToCart } from '../offline/order-flow';
import type { UpstreamSlot } from '../offline/answers';
import type { BrainState } from '../offline/state';
import { parsePhone, parsePlace, wordsOf } from './slot-parsers';

/** The `order` field of the model's answer, read leniently: a part that does not parse is dropped. */
const RawItem = z.object({
  sku: z.string(),
  quantity: z.number().nullable().optional(),
  variant: z.string().nullable().optional(),
});
const text = z.string().nullable().optional().catch(null);
export const RawSlots = z.object({
  items: z.array(z.unknown()).optional().catch([]),
  name: text,
  phone: text,
  city: text,
  address: text,
});
export type RawSlots = z.infer<typeof RawSlots>;

export interface SlotItem {
  sku: string;
  variant: string | null;
  quantity: number | null;
}

/** Slot values that passed the same checks the offline brain's own reading passes. */
export interface CheckedSlots {
  items: SlotItem[];
  name: string | null;
  phone: string | null;
  place: string | null;
  address: string | null;
}

export interface SlotCheckContext {
  /** Everything the customer wrote in the conversation, this turn included. */
  customerText: string;
  bySku(sku: string): Product | undefined;
  settings: ShopSettings;
}

export interface SlotCheck {
  slots: CheckedSlots;
  /** Why values were refused, for the log. */
  rejected: string[];
}

const MAX_QUANTITY = 100;

export const readRawSlots = (value: unknown): RawSlots | null => {
  const parsed = RawSlots.safeParse(value);
  return parsed.success ? parsed.data : null;
};

function checkItem(raw: unknown, ctx: SlotCheckContext, rejected: string[]): SlotItem | null {
  const item = RawItem.safeParse(raw);
  if (!item.success) return (rejected.push('an item that is not {sku, quantity, variant}'), null);
  const product = ctx.bySku(item.data.sku);
  if (!product) return (rejected.push(`unknown SKU ${item.data.sku}`), null);
  const q = item.data.quantity ?? null;
  if (q !== null && (!Number.isInteger(q) || q < 1 || q > MAX_QUANTITY)) return (rejected.push(`quantity ${q} for ${product.sku}`), null);
  const said = item.data.variant ?? null;
  const variant = said === null ? null : (product.variants.find((v) => wordsOf(v.name).join('') === wordsOf(said).join(''))?.name ?? null);
  if (said !== null && variant === null) rejected.push(`variant ${said} of ${product.sku}`);
  return { sku: product.sku, variant, quantity: q };
}

/** Every word of the value occurs in what the customer wrote: the model may copy, not invent. */
function grounded(value: string, customerWords: Set<string>): boolean {
  const words = wordsOf(value);
  return words.length > 0 && words.every((w) => customerWords.has(w));
}

function checkName(name: string | null | undefined, customerWords: Set<string>, rejected: string[]): string | null {
  if (!name?.trim()) return null;
  const clean = name.trim();
  if (clean.length > 60 || /[\d@#/]/.test(clean) || !grounded(clean, customerWords)) return (rejected.push(`name ${clean}`), null);
  return clean;
}

function checkPhone(phone: string | null | undefined, customerText: string, rejected: string[]): string | null {
  if (!phone?.trim()) return null;
  const parsed = parsePhone(phone);
  const digitsSaid = customerText.replace(/\D/g, '');
  // The national number's last eight digits must be ones the customer typed.
  if (!parsed || !digitsSaid.includes(parsed.replace(/\D/g, '').slice(-8))) return (rejected.push(`phone ${phone}`), null);
  return parsed;
}

function checkAddress(address: string | null | undefined, customerWords: Set<string>, rejected: string[]): string | null {
  if (!address?.trim()) return null;
  const clean = address.trim().slice(0, 200);
  const words = wordsOf(clean).filter((w) => w.length >= 3);
  if (words.length === 0 || !words.some((w) => customerWords.has(w))) return (rejected.push(`address ${clean}`), null);
  return clean;
}

/**
 * The model's slot values, each checked by deterministic code: SKUs and variants against the
 * catalog, quantities 1..100, the phone by the phone parser and against the digits the customer
 * typed, the city by the gazetteer and the seller's zones, name and address against the words
 * the customer wrote. What fails is dropped, never guessed.
 */
export function checkSlots(raw: RawSlots, ctx: SlotCheckContext): SlotCheck {
  const rejected: string[] = [];
  const customerWords = new Set(wordsOf(ctx.customerText));
  const items = (raw.items ?? []).map((i) => checkItem(i, ctx, rejected)).filter((i): i is SlotItem => i !== null);
  let place: string | null = null;
  if (raw.city?.trim()) {
    place = parsePlace(raw.city, ctx.settings);
    if (!place) rejected.push(`city ${raw.city}`);
  }
  return {
    slots: {
      items,
      name: checkName(raw.name, customerWords, rejected),
      phone: checkPhone(raw.phone, ctx.customerText, rejected),
      place,
      address: checkAddress(raw.address, customerWords, rejected),
    },
    rejected,
  };
}

export const hasSlots = (s: CheckedSlots): boolean => s.items.length > 0 || [s.name, s.phone, s.place, s.address].some((v) => v !== null);

/**
 * Puts checked slots into the offline brain's memory before its turn runs; from there the
 * deterministic order flow decides what to ask, summarise and place. Items change the cart only
 * while an order is being taken or when the model says this message orders (a model re-reading
 * an old order from the history must not start a new one).
 */
export function seedState(state: BrainState, slots: CheckedSlots, startsOrder: boolean): Set<UpstreamSlot> {
  const filled = new Set<UpstreamSlot>();
  const cartOpen = state.stage !== 'browsing' || startsOrder;
  if (cartOpen && slots.items.length > 0) {
    for (const item of slots.items) addToCart(state, item.sku, item.variant, item.quantity);
    if (state.stage === 'browsing') state.stage = 'collecting';
    filled.add('items');
  }
  if (slots.name) {
    state.slots.name = slots.name;
    filled.add('name');
  }
  if (slots.phone) {
    state.slots.phone = slots.phone;
    filled.add('phone');
  }
  if (slots.place) {
    if (slots.place !== state.slots.wilaya) state.slots.commune = null;
    state.slots.wilaya = slots.place;
    filled.add('wilaya');
  }
  if (slots.address) {
    state.slots.address = slots.address;
    filled.add('address');
  }
  return filled;
}
