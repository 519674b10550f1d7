import type { Product } from '../../../../shared/domain/catalog';
import type { CustomerLanguage } from '../../../../shared/domain/schemas';
import type { ShopSettings } from '../../../../shared/domain/settings';
import { nextOpening, parseOpeningHours } from './opening-hours';

/** What the store says about one conversation when its follow-up is due (see follow-up-store). */
export interface FollowUpFacts {
  status: string;
  blocked: boolean;
  takeover: boolean;
  takeoverUntil: string | null;
  lastInboundAt: string | null;
  alreadyFollowedUp: boolean;
  optedOut: boolean;
  /** The latest bot turn that showed buying interest (a price, availability, an order started). */
  interest: { sku: string | null; language: CustomerLanguage; at: string } | null;
  orderedSinceInterest: boolean;
  product: Pick<Product, 'sku' | 'name' | 'altNames' | 'price' | 'currency' | 'stock'> | null;
}

export type FollowUpDecision =
  | { kind: 'send'; sku: string; language: CustomerLanguage }
  | { kind: 'wait'; until: Date; reason: string }
  | { kind: 'skip'; reason: string };

const HOUR = 3_600_000;
/** WhatsApp's customer-service window, less a margin for pacing and the dispatcher's own check. */
const WINDOW_MS = 24 * HOUR - 10 * 60_000;

const inStock = (p: NonNullable<FollowUpFacts['product']>) => p.stock === null || p.stock > 0;

/**
 * Whether the one abandoned-cart follow-up goes now, later, or never, by the rules the seller
 * was promised: only after the silence they set, only inside the 24 h window, within opening
 * hours when set, never after an opt-out, a takeover, an escalation, a block, an order, or for
 * a product now out of stock.
 */
export function decideFollowUp(facts: FollowUpFacts, settings: ShopSettings, now: Date): FollowUpDecision {
  if (!settings.sales.followUps) return { kind: 'skip', reason: 'follow-ups are off' };
  if (facts.alreadyFollowedUp) return { kind: 'skip', reason: 'already followed up once' };
  if (facts.blocked) return { kind: 'skip', reason: 'contact blocked' };
  if (facts.status === 'waiting_human') return { kind: 'skip', reason: 'escalated to the seller' };
  if (facts.optedOut) return { kind: 'skip', reason: 'the customer asked not to be written to' };
  if (!facts.lastInboundAt) return { kind: 'skip', reason: 'the customer never wrote' };
  const last = Date.parse(facts.lastInboundAt);
  const windowEnd = last + WINDOW_MS;
  if (now.getTime() >= windowEnd) return { kind: 'skip', reason: "outside WhatsApp's 24 h window" };
  const silenceEnd = last + settings.sales.followUpSilenceMinutes * 60_000;
  if (now.getTime() < silenceEnd) return { kind: 'wait', until: new Date(silenceEnd), reason: 'the customer may still write' };
  if (facts.takeover) {
    const until = facts.takeoverUntil ? Date.parse(facts.takeoverUntil) : Infinity;
    if (until > now.getTime())
      return until < windowEnd
        ? { kind: 'wait', until: new Date(until), reason: 'the seller has taken over' }
        : { kind: 'skip', reason: 'the seller has taken over' };
  }
  if (!facts.interest) return { kind: 'skip', reason: 'no buying interest' };
  if (facts.orderedSinceInterest) return { kind: 'skip', reason: 'the customer ordered' };
  if (!facts.product || !facts.interest.sku) return { kind: 'skip', reason: 'no product to name' };
  if (!inStock(facts.product)) return { kind: 'skip', reason: 'the product is out of stock' };
  const hours = parseOpeningHours(settings.facts.openingHours);
  if (hours) {
    const open = nextOpening(hours, now, settings.facts.timeZone, new Date(windowEnd));
    if (!open) return { kind: 'skip', reason: 'the shop opens only after the 24 h window' };
    if (open.getTime() > now.getTime()) return { kind: 'wait', until: open, reason: 'the shop is closed' };
  }
  return { kind: 'send', sku: facts.interest.sku, language: facts.interest.language };
}
