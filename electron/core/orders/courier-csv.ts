import type { Order } from '../../../shared/domain/orders';
import { csvCell } from '../csv';

/** Quoting and the formula guard live in csv/ (csv.ts, formula.ts), shared with the analytics and catalog exports. */
export { csvCell };

/** Column order couriers (Yalidine, ZR Express, Maystro…) import without remapping. */
const COURIER_COLUMNS = ['name', 'phone', 'wilaya', 'commune', 'address', 'products', 'amount_to_collect', 'order_id'] as const;

const products = (o: Order): string => o.items.map((i) => `${i.quantity} x ${i.name}${i.variant ? ` (${i.variant})` : ''}`).join(' + ');

/** Amount the courier collects: the total minus what was already collected, never negative. */
const toCollect = (o: Order): number => Math.max(0, Math.round((o.total - (o.cashCollected ?? 0)) * 100) / 100);

/** Pure: orders → CSV text with a header line, CRLF line ends (what spreadsheet imports expect). */
export function ordersToCourierCsv(orders: readonly Order[]): string {
  const lines = [COURIER_COLUMNS.join(',')];
  for (const o of orders) {
    lines.push([o.customerName, o.phone, o.wilaya, o.commune, o.address, products(o), toCollect(o), o.id].map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
