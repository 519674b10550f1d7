import type { BrainDecision } from '../../shared/domain/brain';
import type { Order } from '../../shared/domain/orders';
import { formatMoney } from '../../electron/core/brain/templates/format';

/** One exchange as the customer lived it: what they wrote and the reply that went out. */
export interface Exchange {
  text: string;
  decision: BrainDecision;
}

/**
 * The order invariant, checked from the outside: every order row was announced by the reply to
 * the message that created it (its number in that reply), and the reply before that message
 * showed exactly this order — each line's amount, the subtotal, the delivery fee and the total.
 * Every reply announcing an order has its row. Returns what is wrong, one sentence each.
 */
export function orderProblems(exchanges: readonly Exchange[], orders: readonly Order[]): string[] {
  const problems: string[] = [];
  for (const order of orders) {
    const at = exchanges.findIndex((e) => e.decision.citations.includes(`order:${order.id}`));
    if (at < 0) {
      problems.push(`order ${order.id} exists but no reply announced it`);
      continue;
    }
    const announced = exchanges[at]!.decision;
    if (!announced.reply.includes(String(order.id))) problems.push(`order ${order.id}: the confirming reply does not give its number`);
    const shown = exchanges[at - 1]?.decision;
    if (!shown) {
      problems.push(`order ${order.id} was created on the first message, before any summary`);
      continue;
    }
    const money = (n: number) => formatMoney(n, order.currency, shown.language);
    const amounts = [
      ...order.items.map((i) => i.unitPrice * i.quantity),
      order.itemsTotal,
      order.total,
      ...(order.deliveryFee ? [order.deliveryFee] : []),
    ];
    const missing = amounts.filter((n) => !shown.reply.includes(money(n)));
    if (missing.length)
      problems.push(
        `order ${order.id} (total ${money(order.total)}) was placed after a reply that did not show ${missing.map(money).join(', ')}: «${shown.reply.slice(0, 120)}»`,
      );
  }
  for (const [i, e] of exchanges.entries()) {
    if (e.decision.orderAction !== 'confirm') continue;
    const cited = e.decision.citations.find((c) => c.startsWith('order:'));
    if (!cited || !orders.some((o) => `order:${o.id}` === cited))
      problems.push(`reply ${i} confirms an order that has no row: «${e.decision.reply.slice(0, 120)}»`);
  }
  return problems;
}
