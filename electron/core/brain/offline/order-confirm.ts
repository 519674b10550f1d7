import type { BrainInput } from '../types';
import { languageOfVoice, say } from '../templates';
import { formatList } from '../templates/format';
import type { TurnContext } from './answers';
import { type Draft, ORDER_ID_PLACEHOLDER } from './draft';
import { missingSlots, stockOf, summaryKey, totalsOf } from './order-flow';
import { askProduct, cartLines, orderStep } from './order-step';

/**
 * The customer said yes to the summary. The order is planned here and placed by the brain's
 * commit, only if this reply goes out; its number fills ORDER_ID_PLACEHOLDER then. A "yes" to a
 * summary that no longer matches the cart (stock, price, fee or details changed), or whose words
 * are not in the conversation (replaced, a draft the seller rejected or rewrote), shows the current
 * summary again instead.
 */
export async function confirmOrder(ctx: TurnContext, d: Draft, input: BrainInput): Promise<void> {
  const state = ctx.state;
  const lines = (await cartLines(ctx)).filter((l) => {
    const s = stockOf(l.product, l.item.variant);
    return s === null || s >= l.item.quantity;
  });
  if (lines.length === 0) {
    state.stage = 'browsing';
    state.cart = [];
    state.shownSummary = null;
    state.shownSummaryText = null;
    await askProduct(ctx, d);
    return;
  }
  const shownText = state.shownSummaryText;
  const wentOut = shownText !== null && input.history.some((m) => m.direction === 'out' && m.text.includes(shownText));
  if (lines.length !== state.cart.length || summaryKey(lines, state, ctx.settings) !== state.shownSummary || !wentOut) {
    state.cart = lines.map((l) => l.item);
    await orderStep(ctx, d, [], null);
    return;
  }
  const totals = totalsOf(lines, state, ctx.settings);
  d.pendingOrder = {
    shopId: ctx.shopId,
    conversationId: input.conversationId,
    contactId: input.contactId,
    customerName: state.slots.name ?? '',
    phone: state.slots.phone ?? '',
    wilaya: state.slots.wilaya ?? '',
    commune: state.slots.commune ?? '',
    address: state.slots.address ?? '',
    currency: totals.currency,
    deliveryFee: totals.deliveryFee,
    language: languageOfVoice(ctx.language),
    items: totals.lines,
    createdFromMessageId: input.inboundMessageIds.length ? Math.max(...input.inboundMessageIds) : null,
    now: input.now.toISOString(),
  };
  d.parts.push(say(ctx.language, 'orderDone', { name: state.slots.name ?? '', id: ORDER_ID_PLACEHOLDER, phone: state.slots.phone ?? '' }));
  d.orderAction = 'confirm';
  d.orderItems = totals.lines.map((i) => ({ sku: i.sku, quantity: i.quantity, variant: i.variant }));
  d.citations.push(...lines.map((l) => `product:${l.product.id}`));
  d.skus.push(...totals.lines.map((i) => i.sku));
  state.cart = [];
  state.mentions = {};
  state.lastNamed = [];
  state.stage = 'browsing';
  state.pendingVariantSku = null;
  state.shownSummary = null;
  state.shownSummaryText = null;
  state.turnsSincePush = 0;
}

/**
 * A question in the middle of an order was answered: say what the order still needs, in other
 * words than the last ask (no word-for-word repeat). The confirmation step re-asks on its own.
 */
export async function resumeOrder(ctx: TurnContext, d: Draft): Promise<void> {
  if (ctx.state.stage !== 'collecting' || ctx.state.cart.length === 0) return;
  const missing = missingSlots(ctx.state, await cartLines(ctx));
  if (missing.length === 0) return;
  d.parts.push(
    say(ctx.language, 'resumeSlots', {
      missing: formatList(
        missing.map((s) => say(ctx.language, SLOT_PHRASE[s])),
        ctx.language,
      ),
    }),
  );
}

const SLOT_PHRASE = { name: 'slotName', phone: 'slotPhone', wilaya: 'slotWilaya', address: 'slotAddress' } as const;
