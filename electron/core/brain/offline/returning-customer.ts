import type { CustomerLanguage } from '../../../../shared/domain/schemas';
import type { TurnContext } from './answers';
import { type Draft, newDraft } from './draft';
import { orderStep, yesOrNo } from './order-step';
import type { BrainState } from './state';
import type { BrainInput, CustomerMemory } from '../types';

/**
 * The offline brain's memory of a returning customer: a greeting by name that offers the last
 * order again, that order placed back in the cart when the customer says yes, and the stored
 * name / phone / address used at checkout instead of asking again (the summary shows them; the
 * customer changes any of them by saying so, as in any order).
 */
interface Lines {
  hello: string;
  /** {items} {place} */
  sameAsLast: string;
  storedDetails: string;
}

const LINES: Record<CustomerLanguage, Lines> = {
  'dz-latn': {
    hello: 'Marhba bik {name}!',
    sameAsLast: 'Kima l khatra li fatet: {items}, livraison l {place}?',
    storedDetails: 'Khdit les coordonnées ta3ek ta3 l khatra li fatet; goulli ila tbeddel 7aja.',
  },
  'ar-dz': {
    hello: 'مرحبا بيك {name}!',
    sameAsLast: 'كيما المرة لي فاتت: {items}، التوصيل لـ {place}؟',
    storedDetails: 'خديت المعلومات تاعك تاع المرة لي فاتت؛ قولي إلا تبدل حاجة.',
  },
  ar: {
    hello: 'أهلًا بعودتك {name}!',
    sameAsLast: 'مثل المرة الماضية: {items}، التوصيل إلى {place}؟',
    storedDetails: 'استعملت معلوماتك من المرة الماضية؛ أخبرني إن تغيّر شيء.',
  },
  fr: {
    hello: 'Bon retour {name} !',
    sameAsLast: 'Comme la dernière fois : {items}, livré à {place} ?',
    storedDetails: 'J’ai repris vos coordonnées de la dernière fois ; dites-moi si quelque chose a changé.',
  },
  en: {
    hello: 'Welcome back {name}!',
    sameAsLast: 'Same as last time: {items}, delivered to {place}?',
    storedDetails: 'I used your details from last time; tell me if anything changed.',
  },
  pt: {
    hello: 'Bem-vindo de volta, {name}!',
    sameAsLast: 'O mesmo da última vez: {items}, entregue em {place}?',
    storedDetails: 'Usei seus dados da última vez; me diga se algo mudou.',
  },
  it: {
    hello: 'Bentornato {name}!',
    sameAsLast: 'Come l’ultima volta: {items}, consegnato a {place}?',
    storedDetails: 'Ho usato i tuoi dati dell’ultima volta; dimmi se qualcosa è cambiato.',
  },
};

const fill = (t: string, vars: Record<string, string>) => t.replace(/\{(\w+)\}/g, (w, k: string) => vars[k] ?? w);

/** A new visit: the conversation's first turn, or the first after hours of silence (same chat, days later). */
export function startsVisit(state: BrainState, input: BrainInput): boolean {
  const last = input.history.at(-1);
  return state.turns === 0 || (last !== undefined && input.now.getTime() - Date.parse(last.at) > VISIT_GAP_MS);
}
const VISIT_GAP_MS = 6 * 3_600_000;

const noSlots = (state: BrainState) => Object.values(state.slots).every((v) => v === null);

/**
 * Stored details fill an order's slots: when the chat has none, or at the start of a new visit
 * while no order is being taken (the profile has the latest details, the seller's edits included).
 * Never over what the customer says during an order.
 */
export function prefillFromProfile(state: BrainState, profile: CustomerMemory | null | undefined, newVisit: boolean): boolean {
  if (!profile || profile.orders === 0 || !profile.name || !profile.phone || !profile.address) return false;
  const idle = state.stage === 'browsing' && state.cart.length === 0;
  if (!noSlots(state) && !(newVisit && idle)) return false;
  state.slots = { name: profile.name, phone: profile.phone, wilaya: profile.wilaya, commune: profile.commune, address: profile.address };
  return true;
}

/** "Yes" to "same as last time?": the last order goes back in the cart and on to the summary. */
export async function acceptReorder(ctx: TurnContext, input: BrainInput): Promise<Draft | null> {
  const last = input.profile?.lastOrder;
  if (
    !input.profile?.reorderOffered ||
    !last ||
    ctx.state.cart.length > 0 ||
    ctx.state.stage !== 'browsing' ||
    yesOrNo(input.text) !== 'yes'
  )
    return null;
  ctx.state.cart = last.items.map((i) => ({ sku: i.sku, variant: i.variant, quantity: i.quantity }));
  const d = newDraft('order_request', 0.9);
  await orderStep(ctx, d, [], null);
  return d;
}

/** A returning customer's greeting: by name, with the last order offered again. */
export function personalise(
  d: Draft,
  profile: CustomerMemory | null | undefined,
  language: CustomerLanguage,
  turn: { first: boolean; prefilled: boolean; confirming: boolean },
): void {
  if (!profile) return;
  const l = LINES[language];
  if (turn.first && d.intent === 'greeting' && profile.name && profile.lastOrder && !d.escalate) {
    const items = profile.lastOrder.items.map((i) => `${i.quantity} × ${i.name}${i.variant ? ` (${i.variant})` : ''}`).join(', ');
    d.parts = [
      fill(l.hello, { name: profile.name }),
      fill(l.sameAsLast, { items, place: profile.lastOrder.wilaya || profile.lastOrder.address }),
    ];
    d.salesAction = 'followup';
    d.skus = profile.lastOrder.items.map((i) => i.sku);
    return;
  }
  if (turn.prefilled && turn.confirming) d.parts.push(l.storedDetails);
}

/** The profile as words the customer once wrote: the guardrails let the reply repeat them. */
export const profileAsCustomerText = (p: CustomerMemory): string =>
  [p.name, p.phone, p.wilaya, p.commune, p.address, ...(p.lastOrder?.items.map((i) => `${i.quantity} ${i.name}`) ?? [])]
    .filter(Boolean)
    .join('\n');
