import type { Voice } from '../templates/types';
import type { Product } from '../../../../shared/domain/catalog';
import type { SalesAction } from '../../../../shared/domain/brain';
import type { ShopSettings } from '../../../../shared/domain/settings';
import type { ProductFinder } from '../offline/product-match';
import { type PhraseKey, say } from '../templates';
import { formatMoney } from '../templates/format';
import { discountToOffer, discountedPrice } from './discount';

export { discountToOffer, discountedPrice } from './discount';

/** Real numbers from the orders table; the closer never states any other. */
export interface SalesFacts {
  countPlaced(shopId: number): Promise<number>;
  unitsSoldSince(shopId: number, sku: string, sinceIso: string): Promise<number>;
}

export const inStock = (p: Product): boolean => p.stock === null || p.stock > 0;

/** The first sentence of the description: the product's own selling point, not an invented one. */
function sellingPoint(p: Product): string {
  const first = p.description.split(/(?<=[.!?؟])\s+/)[0]?.trim() ?? '';
  return first.length > 140 ? `${first.slice(0, 137)}…` : first;
}

/** In-stock products of the same category, cheapest first (alternatives and cheaper options). */
export async function sameCategory(finder: ProductFinder, p: Product, opts: { cheaperOnly?: boolean } = {}): Promise<Product[]> {
  const list = await finder.inCategory(p.shopId, p.category, 50);
  return list
    .filter((o) => o.sku !== p.sku && inStock(o) && (!opts.cheaperOnly || o.price < p.price))
    .sort((a, b) => (opts.cheaperOnly ? b.price - a.price : Math.abs(a.price - p.price) - Math.abs(b.price - p.price)));
}

export interface CloserReply {
  text: string;
  salesAction: SalesAction;
  skus: string[];
  discountOffered: number | null;
}

/** Price objection: value framing from the product's own description, a cheaper same-category option, and a discount within the seller's limit. */
export async function handlePriceObjection(args: {
  language: Voice;
  settings: ShopSettings;
  product: Product | null;
  finder: ProductFinder;
  alreadyOffered: number | null;
}): Promise<CloserReply> {
  const { language: l, settings, product, finder, alreadyOffered } = args;
  if (!product) {
    return { text: say(l, 'objectionValueGeneric'), salesAction: 'objection', skus: [], discountOffered: alreadyOffered };
  }
  const price = formatMoney(product.price, product.currency, l);
  const why = sellingPoint(product);
  const parts = [why ? say(l, 'objectionValue', { name: product.name, price, why }) : say(l, 'objectionValueGeneric')];
  const percent = discountToOffer(settings.sales, alreadyOffered);
  const skus = [product.sku];
  if (percent > 0) {
    parts.push(
      say(l, 'objectionDiscount', {
        percent,
        price: formatMoney(discountedPrice(product.price, percent), product.currency, l),
        old: price,
      }),
    );
  } else {
    parts.push(say(l, 'objectionNoDiscount'));
  }
  const cheaper = (await sameCategory(finder, product, { cheaperOnly: true }))[0];
  if (cheaper) {
    parts.push(say(l, 'objectionCheaper', { name: cheaper.name, price: formatMoney(cheaper.price, cheaper.currency, l) }));
    skus.push(cheaper.sku);
  }
  return { text: parts.join(' '), salesAction: 'objection', skus, discountOffered: percent > 0 ? percent : alreadyOffered };
}

/** Trust objection: the real number of orders, cash on delivery when the shop takes it, the return policy. */
export async function handleTrustObjection(args: {
  language: Voice;
  settings: ShopSettings;
  shopId: number;
  facts: SalesFacts;
}): Promise<string> {
  const { language: l, settings, shopId, facts } = args;
  const count = await facts.countPlaced(shopId);
  const cod = settings.facts.paymentMethods.includes('cash_on_delivery');
  const parts = [count >= 5 && cod ? say(l, 'trust', { count }) : cod ? say(l, 'trustNoCount') : ''];
  if (settings.facts.returnPolicy.trim()) parts.push(say(l, 'returnPolicy', { policy: settings.facts.returnPolicy.trim() }));
  if (!parts.some(Boolean)) parts.push(say(l, 'objectionValueGeneric'));
  return parts.filter(Boolean).join(' ');
}

export function handleHesitation(language: Voice, settings: ShopSettings, product: Product | null): string {
  if (!product || !settings.sales.followUps) return say(language, product ? 'hesitation_gentle' : 'hesitationNoProduct');
  return say(language, `hesitation_${settings.sales.intensity}` as PhraseKey, { name: product.name });
}

const WEEK_MS = 7 * 24 * 3600 * 1000;

/**
 * Honest urgency and social proof: "only N left" from real stock under 10, "N sold this week"
 * from real orders. Gentle shops get none; balanced one line; aggressive both.
 */
export async function urgencyLines(args: {
  language: Voice;
  settings: ShopSettings;
  product: Product;
  facts: SalesFacts;
  now: Date;
}): Promise<{ lines: string[]; action: SalesAction }> {
  const { language: l, settings, product, facts, now } = args;
  if (settings.sales.intensity === 'gentle') return { lines: [], action: 'none' };
  const lines: string[] = [];
  let action: SalesAction = 'none';
  if (product.stock !== null && product.stock > 0 && product.stock < 10) {
    lines.push(say(l, 'urgencyStock', { count: product.stock }));
    action = 'urgency';
  }
  if (settings.sales.intensity === 'aggressive' || lines.length === 0) {
    const sold = await facts.unitsSoldSince(product.shopId, product.sku, new Date(now.getTime() - WEEK_MS).toISOString());
    if (sold >= 3) {
      lines.push(say(l, 'urgencySold', { count: sold }));
      if (action === 'none') action = 'social_proof';
    }
  }
  return { lines: settings.sales.intensity === 'balanced' ? lines.slice(0, 1) : lines, action };
}

/** One linked (or same-category) product to suggest with the one being bought. */
export async function upsellFor(finder: ProductFinder, product: Product): Promise<Product | null> {
  for (const sku of product.upsellSkus) {
    const p = await finder.bySku(product.shopId, sku);
    if (p && inStock(p)) return p;
  }
  return null;
}

export const checkoutPush = (language: Voice, settings: ShopSettings): string =>
  say(language, `checkout_${settings.sales.intensity}` as PhraseKey);
