import type { Product } from '../../../../shared/domain/catalog';
import { nameFor } from './product-name';
import { upsellFor } from '../closer';
import { YES_WORDS, NO_WORDS } from '../nlu/intent-lexicon';
import { DZ_LATN_STRONG, EN, FR, IT, PT } from '../nlu/language-lexicon';
import { fold, tokens } from '../nlu/normalise';
import { CORRECTION_MARKERS, NEGATIONS } from '../nlu/quantity';
import { type SlotName, extractSlots, findQuantity, findVariant, requestedMissingVariant } from '../nlu/order-slots';
import { type Voice, languageOfVoice, say } from '../templates';
import { formatList } from '../templates/format';
import { type TurnContext, outOfStock, priceOf } from './answers';
import type { Draft } from './draft';
import type { BrainState, CartItem } from './state';
import {
  type CartLine,
  addToCart,
  askForSlots,
  lineNeedingVariant,
  missingSlots,
  stockOf,
  summaryKey,
  summaryText,
  unitPriceOf,
  variantsInStock,
} from './order-flow';
import { type Pick, rememberSkus } from './resolve';
import { type Place, placeByName } from '../nlu/wilayas';

/** A word no one is called: customers' bare names are told apart from ordinary replies with this. */
const commonWord = (w: string): boolean =>
  FR.has(w) || EN.has(w) || PT.has(w) || IT.has(w) || DZ_LATN_STRONG.has(w) || YES_WORDS.has(w) || NO_WORDS.has(w) || w.length < 2;

/**
 * The same, for a customer writing French, English, Portuguese or Italian: Darija's words are not
 * theirs, so "Ana" (Darija "I") is a name in a Brazilian conversation.
 */
export const commonWordFor = (language: Voice): ((w: string) => boolean) =>
  languageOfVoice(language) === 'dz-latn' || languageOfVoice(language).startsWith('ar') ? commonWord : latinCommonWord;

/** One function per reading, not one per call: a turn that reads the slots twice with the same one reads them once. */
const latinCommonWord = (w: string): boolean =>
  FR.has(w) || EN.has(w) || PT.has(w) || IT.has(w) || YES_WORDS.has(w) || NO_WORDS.has(w) || w.length < 2;

/** The yes and no words as messages are read (folded: "إي" is written "اي" as often). */
const YES = new Set([...YES_WORDS].flatMap((w) => [w, ...tokens(fold(w))]));
const NO = new Set([...NO_WORDS].flatMap((w) => [w, ...tokens(fold(w))]));

/** "oui", "ih", "yes please", "نعم" → yes; "non", "la", "annule" → no; anything longer is neither. */
export function yesOrNo(text: string): 'yes' | 'no' | null {
  const words = tokens(fold(text));
  if (words.length === 0 || words.length > 5) return null;
  if (words.some((w) => /^(annul|cancel|annulla)/.test(w))) return 'no';
  if (words.some((w) => /^(confirm|conferm|valid)/.test(w))) return 'yes';
  const first = words[0] ?? '';
  if (NO.has(first)) return 'no';
  if (
    YES.has(first) ||
    words.every(
      (w) => YES.has(w) || ['merci', 'please', 'svp', 'stp', 'khoya', 'sahbi', 'por', 'favor', 'grazie', 'شكرا', 'خويا'].includes(w),
    )
  )
    return 'yes';
  return null;
}

export async function cartLines(ctx: TurnContext): Promise<CartLine[]> {
  const out: CartLine[] = [];
  for (const item of ctx.state.cart) {
    const product = await ctx.deps.products.bySku(ctx.shopId, item.sku);
    if (product) out.push({ item, product, unitPrice: unitPriceOf(product, item.variant) });
  }
  return out;
}

/** The details still missing once an order is under way (none while browsing). */
export const awaitingOf = (state: BrainState): SlotName[] =>
  state.stage === 'browsing' ? [] : (['name', 'phone', 'wilaya', 'address'] as const).filter((k) => !state.slots[k]);

/** Copies what the customer just gave into the slots; returns how many fields were new. */
function applySlots(ctx: TurnContext): number {
  const found = ctx.found;
  const s = ctx.state.slots;
  const fresh = (slot: 'name' | 'phone' | 'wilaya' | 'address') => !ctx.upstream?.has(slot);
  let n = 0;
  if (found.name && fresh('name')) {
    s.name = found.name;
    n++;
  }
  if (found.phone && fresh('phone')) {
    s.phone = found.phone;
    n++;
  }
  if (found.place && fresh('wilaya')) n += applyPlace(ctx, found.place);
  if (found.commune && fresh('wilaya')) {
    s.commune = found.commune;
    n++;
  }
  if (found.address && fresh('address')) {
    s.address = found.address;
    n++;
  }
  return n;
}

/**
 * A second place in the same region is the district or commune ("Oran" then "Es Senia"); a place
 * elsewhere replaces the city (a correction: "non, Sétif").
 */
function applyPlace(ctx: TurnContext, place: Place): number {
  const s = ctx.state.slots;
  const current = s.wilaya ? placeByName(s.wilaya, ctx.country) : undefined;
  if (
    current &&
    current.name !== place.name &&
    (place.region === current.name || (place.region !== null && place.region === current.region))
  ) {
    if (!s.commune) s.commune = place.name;
    return 1;
  }
  s.wilaya = place.name;
  return 1;
}

export async function askProduct(ctx: TurnContext, d: Draft): Promise<void> {
  const sample = (await ctx.deps.sampleProducts?.(ctx.shopId, 4)) ?? [];
  d.parts.push(
    sample.length
      ? say(ctx.language, 'askProduct', {
          list: formatList(
            sample.map((p) => p.name),
            ctx.language,
          ),
        })
      : say(ctx.language, 'otherShort'),
  );
}

/**
 * Puts the product the customer named in the cart with the variant and count they said. A size or
 * colour it does not come in is said honestly (the bot then asks which one); a count above the
 * stock is lowered to it and said. Returns false when the product is out of stock (answered).
 */
async function takeProduct(ctx: TurnContext, d: Draft, product: Product, wasEmpty: boolean): Promise<boolean> {
  const state = ctx.state;
  const l = ctx.language;
  // Items read upstream (the LLM's checked slots) are already in the cart with their quantity and variant.
  const seeded = ctx.upstream?.has('items') ? state.cart.find((c) => c.sku === product.sku) : undefined;
  // Said earlier, before the product was in the cart ("cannoli al pistacchio?" … "ne vorrei 2").
  const inCart = state.cart.some((c) => c.sku === product.sku);
  const mention = inCart ? undefined : state.mentions[product.sku];
  const variant =
    seeded?.variant ??
    findVariant(ctx.rest, product) ??
    (mention?.variant && variantsInStock(product).includes(mention.variant) ? mention.variant : null);
  const stock = stockOf(product, variant);
  if ((stock !== null && stock <= 0) || (product.stock !== null && product.stock <= 0)) {
    await outOfStock(ctx, d, product, variant);
    return false;
  }
  const missing = variant ? null : requestedMissingVariant(ctx.rest, product);
  if (missing)
    d.parts.push(
      say(l, 'variantNone', {
        name: nameFor(product, l),
        variant: missing,
        variants: formatList(variantsInStock(product), l),
        price: priceOf(product, null, l),
      }),
    );
  const asked = seeded
    ? null
    : (findQuantity(
        ctx.rest,
        product.variants.map((v) => v.name),
      ) ??
      mention?.quantity ??
      null);
  const quantity = asked !== null && stock !== null && asked > stock ? stock : asked;
  if (quantity !== asked && stock !== null) d.parts.push(say(l, 'urgencyStock', { count: stock }));
  // "non plutôt le blanc": the line of that product takes the new variant instead of a second line.
  const other = variant ? state.cart.find((c) => c.sku === product.sku && c.variant !== null && c.variant !== variant) : undefined;
  if (other && variant && correcting(ctx.rest)) other.variant = variant;
  const added = addToCart(
    state,
    product.sku,
    variant ?? (product.variants.length === 1 ? (product.variants[0]?.name ?? null) : null),
    quantity,
  );
  delete state.mentions[product.sku];
  if (state.pendingVariantSku === product.sku && variant) state.pendingVariantSku = null;
  state.lastSkus = rememberSkus([product.sku], state.lastSkus);
  d.orderAction = wasEmpty ? 'start' : added ? 'add_item' : 'none';
  d.skus.push(product.sku);
  d.citations.push(`product:${product.id}`);
  return true;
}

/** "non", "plutôt", "scusa", "machi": the message corrects what was said rather than adding to it. */
const correcting = (text: string): boolean => tokens(fold(text)).some((w) => NEGATIONS.has(w) || CORRECTION_MARKERS.has(w));

/** A variant named for a product in the cart that differs from the one it has ("non plutôt la rouge"). */
async function variantCorrection(ctx: TurnContext): Promise<{ line: CartItem; product: Product; variant: string } | null> {
  for (const line of ctx.state.cart) {
    const product = await ctx.deps.products.bySku(ctx.shopId, line.sku);
    const variant = product ? findVariant(ctx.rest, product) : null;
    if (product && variant && variant !== line.variant) return { line, product, variant };
  }
  return null;
}

/** Whether the message changes the cart's count or variant (a "no" that says what instead). */
export async function correctsCart(ctx: TurnContext): Promise<boolean> {
  return (ctx.state.cart.length === 1 && findQuantity(ctx.rest) !== null) || (await variantCorrection(ctx)) !== null;
}

/**
 * One step of taking an order: add what the customer names (variant, quantity), take whatever
 * details they give in any order, ask only for what is missing, then show the summary and ask
 * for confirmation.
 */
export async function orderStep(
  ctx: TurnContext,
  d: Draft,
  named: Product[],
  remembered: Product | null,
  several: Pick[] | null = null,
): Promise<void> {
  const wasEmpty = ctx.state.cart.length === 0;
  let product: Product | null = named[0] ?? null;
  if (!product && wasEmpty && ctx.state.stage === 'browsing') product = remembered;
  if (!(await takeWhatIsSaid(ctx, d, product, named, several))) return;
  if (ctx.state.cart.length === 0) {
    await askProduct(ctx, d);
    return;
  }
  await askWhatIsMissing(ctx, d, product);
}

/**
 * What the message adds to the cart or corrects in it: the products it names (each with its own
 * count and variant), the variant an item waited for, or a count or variant alone. False when
 * the step already answered (out of stock).
 */
async function takeWhatIsSaid(
  ctx: TurnContext,
  d: Draft,
  product: Product | null,
  named: Product[],
  several: Pick[] | null,
): Promise<boolean> {
  const state = ctx.state;
  const wasEmpty = state.cart.length === 0;
  // "quero ração gato e um shampoo" (answered with both prices), then the details: both are ordered.
  if (!several && named.length === 0 && wasEmpty && state.stage === 'browsing' && state.lastNamed.length > 1) {
    several = await lastNamedPicks(ctx);
  }
  if (several) {
    // "2 sacs noirs et une montre": each product with the count and variant said in its own part.
    for (const pick of several) if (!(await takeProduct({ ...ctx, rest: pick.part }, d, pick.product, wasEmpty))) return false;
    d.orderAction = wasEmpty ? 'start' : 'add_item';
    return true;
  }
  if (product) return takeProduct(ctx, d, product, wasEmpty);
  if (state.pendingVariantSku) return takePendingVariant(ctx, d, state.pendingVariantSku);
  if (ctx.upstream?.has('items')) return true;
  // "scusa 4 non 3", "non plutôt la rouge", "la la, jouj": a count or a variant alone corrects the cart.
  const q = findQuantity(ctx.rest);
  const only = state.cart.length === 1 ? state.cart[0] : undefined;
  if (q && only) only.quantity = q;
  const change = await variantCorrection(ctx);
  if (change) {
    const stock = stockOf(change.product, change.variant);
    if (stock !== null && stock <= 0) {
      await outOfStock(ctx, d, change.product, change.variant);
      return false;
    }
    change.line.variant = change.variant;
  }
  return true;
}

/** The products last answered together, when there were several of them; else null. */
async function lastNamedPicks(ctx: TurnContext): Promise<Pick[] | null> {
  const picks: Pick[] = [];
  for (const sku of ctx.state.lastNamed) {
    const p = await ctx.deps.products.bySku(ctx.shopId, sku);
    if (p) picks.push({ product: p, part: '', score: 0, lexical: 0 });
  }
  return picks.length > 1 ? picks : null;
}

/** The variant the cart line waited for ("rouge" after "which colour?"); false when it is out of stock. */
async function takePendingVariant(ctx: TurnContext, d: Draft, sku: string): Promise<boolean> {
  const pending = await ctx.deps.products.bySku(ctx.shopId, sku);
  const line = ctx.state.cart.find((c) => c.sku === sku);
  const variant = pending ? findVariant(ctx.rest, pending) : null;
  if (!pending || !line || !variant) return true;
  const stock = stockOf(pending, variant);
  if (stock !== null && stock <= 0) {
    await outOfStock(ctx, d, pending, variant);
    return false;
  }
  line.variant = variant;
  ctx.state.pendingVariantSku = null;
  return true;
}

/** With a cart: the details this message gives, then the variant or details still missing, else the summary. */
async function askWhatIsMissing(ctx: TurnContext, d: Draft, product: Product | null): Promise<void> {
  const l = ctx.language;
  const state = ctx.state;
  // The order starts with this message: read it again as an order message (a bare name counts now).
  // (Not a bare address: the words that named the products are in this message too.)
  if (state.stage === 'browsing') {
    const awaiting = awaitingOf({ ...state, stage: 'collecting' }).filter((s) => s !== 'address');
    ctx.found = extractSlots(ctx.text, awaiting, commonWordFor(ctx.language), { country: ctx.country });
  }
  applySlots(ctx);
  state.stage = 'collecting';
  const lines = await cartLines(ctx);
  for (const line of lines) {
    d.skus.push(line.product.sku);
    d.citations.push(`product:${line.product.id}`);
  }
  d.orderItems = state.cart.map((c) => ({ sku: c.sku, quantity: c.quantity, variant: c.variant }));

  const needs = lineNeedingVariant(lines);
  if (needs) {
    state.pendingVariantSku = needs.product.sku;
    d.parts.push(say(l, 'price', { name: nameFor(needs.product, l), price: priceOf(needs.product, null, l) }));
    d.parts.push(say(l, 'askVariant', { name: needs.product.name, variants: formatList(variantsInStock(needs.product), l) }));
    return;
  }
  const missing = missingSlots(state, lines);
  if (missing.length > 0) {
    if (product && d.orderAction === 'start') {
      d.parts.push(say(l, 'price', { name: nameFor(product, l), price: priceOf(product, findVariant(ctx.rest, product), l) }));
      const extra = ctx.settings.sales.intensity !== 'gentle' ? await upsellFor(ctx.deps.products, product) : null;
      if (extra) {
        d.parts.push(say(l, 'upsell', { name: extra.name, price: priceOf(extra, null, l) }));
        d.salesAction = 'upsell';
      }
    }
    d.parts.push(askForSlots(l, missing));
    return;
  }
  state.stage = 'confirming';
  state.shownSummary = summaryKey(lines, state, ctx.settings);
  state.shownSummaryText = summaryText(l, lines, state, ctx.settings);
  d.parts.push(state.shownSummaryText);
  d.salesAction = 'checkout';
}
