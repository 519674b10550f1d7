import type { Order } from '../../../shared/domain/orders';
import { escapeFormula } from '../csv/formula';

/** Column order couriers (Yalidine, ZR Express, Maystro…) import without remapping. */
export const COURIER_COLUMNS = ['name', 'phone', 'wilaya', 'commune', 'address', 'products', 'amount_to_collect', 'order_id'] as const;

/** RFC 4180 quoting, plus a leading quote for cells a spreadsheet would run as a formula. */
export function csvCell(value: string | number): string {
  const text = escapeFormula(String(value));
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const products = (o: Order): string =>
  o.items.map((i) => `${i.quantity} x ${i.name}${i.variant ? ` (${i.variant})` : ''}`).join(' + ');

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
