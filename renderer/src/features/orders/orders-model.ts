import { intlLocale, isLocale } from '../../i18n/define';
import { ORDER_TRANSITIONS, type OrderStatus, type OrderSummary } from '../../../../shared/domain/orders';

export const STATUSES: readonly OrderStatus[] = ['new', 'confirmed', 'shipped', 'delivered', 'cancelled', 'returned'];

/** The statuses the seller may move an order to from its current one. */
export const nextStatuses = (status: OrderStatus): readonly OrderStatus[] => ORDER_TRANSITIONS[status];

/** An order pushed by core replaces its row, or enters the list when it matches the filter. */
export function mergeOrder(rows: readonly OrderSummary[], order: OrderSummary, filter: { status: OrderStatus | null }): OrderSummary[] {
  const matches = filter.status === null || order.status === filter.status;
  const at = rows.findIndex((r) => r.id === order.id);
  if (at >= 0) {
    const next = [...rows];
    if (matches) next[at] = order;
    else next.splice(at, 1);
    return next;
  }
  return matches ? [order, ...rows] : [...rows];
}

/** Money for the seller's screen, in their UI locale. */
export function money(amount: number, currency: string, locale: string): string {
  try {
    return new Intl.NumberFormat(isLocale(locale) ? intlLocale(locale) : locale, {
      style: 'currency',
      currency,
      maximumFractionDigits: Number.isInteger(amount) ? 0 : 2,
    }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}
