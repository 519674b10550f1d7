import type { SalesSettings } from '../../../../shared/domain/settings';
import type { z } from 'zod';

type Sales = z.infer<typeof SalesSettings>;

/**
 * The discount to offer on a price objection, in whole percent. Never above the seller's
 * maximum, never derived from a number the customer proposed. Gentle shops only give way on a
 * second objection; a second objection may move up to the maximum, never further.
 */
export function discountToOffer(sales: Sales, alreadyOffered: number | null): number {
  const max = Math.floor(sales.maxDiscountPercent);
  if (max <= 0) return 0;
  const first = { gentle: 0, balanced: Math.max(1, Math.floor(max / 2)), aggressive: max }[sales.intensity];
  if (alreadyOffered === null) return Math.min(first, max);
  // Already offered something: a gentle or balanced shop goes to its limit once, then holds.
  const next = sales.intensity === 'gentle' ? Math.max(1, Math.floor(max / 2)) : max;
  return Math.min(max, Math.max(alreadyOffered, next));
}

/** The discounted price, rounded up so the effective discount never exceeds `percent`. */
export function discountedPrice(price: number, percent: number): number {
  const raw = price * (1 - percent / 100);
  return Number.isInteger(price) ? Math.ceil(raw) : Math.ceil(raw * 100) / 100;
}
