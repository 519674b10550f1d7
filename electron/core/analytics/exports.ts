import type { AnalyticsOverview, ExportKind } from '../../../shared/domain/analytics';
import { type CsvValue, csvDocument } from '../csv';
import { TAKEOVER_WINDOW_HOURS } from './order-figures';
import type { PeriodScope, StatementCache } from './statements';

export interface CsvExport {
  filename: string;
  csv: string;
  rows: number;
}

/** Local wall-clock time of a stored UTC column, `YYYY-MM-DD HH:MM:SS`. */
const localTime = (scope: PeriodScope, column: string) => `datetime(${column}, ${scope.shift(column)})`;

/** One row per order line, with the order's fields repeated (what a pivot table wants). */
function ordersCsv(statement: StatementCache, scope: PeriodScope): { header: string[]; rows: CsvValue[][] } {
  const rows = statement<Record<string, CsvValue>>(
    `SELECT o.id, ${localTime(scope, 'o.created_at')} AS placed, o.status, o.customer_name, o.phone, o.wilaya, o.commune, o.address,
            o.currency, o.items_total, o.delivery_fee, o.total, o.cash_collected, o.language,
            CASE WHEN o.conversation_id IS NULL OR o.created_from_message_id IS NULL OR EXISTS (
              SELECT 1 FROM messages s WHERE s.conversation_id = o.conversation_id AND s.author = 'seller' AND s.status NOT IN ('draft', 'rejected')
                AND s.created_at <= o.created_at AND s.created_at >= strftime('%Y-%m-%dT%H:%M:%fZ', o.created_at, '-${TAKEOVER_WINDOW_HOURS} hours'))
            THEN 'seller' ELSE 'bot' END AS taken_by,
            i.sku, i.name AS item, i.variant, i.quantity, i.unit_price
     FROM orders o LEFT JOIN order_items i ON i.order_id = o.id
     WHERE o.shop_id = ? AND o.created_at >= ? AND o.created_at < ? ORDER BY o.created_at, o.id, i.id`,
  ).all(scope.shopId, scope.fromUtc, scope.toUtc);
  // CSV column → query column; the two differ only where the query names a computed value.
  const columns: [string, string][] = [
    ['order_id', 'id'],
    ['placed_at', 'placed'],
    ...[
      'status',
      'customer_name',
      'phone',
      'wilaya',
      'commune',
      'address',
      'currency',
      'items_total',
      'delivery_fee',
      'total',
      'cash_collected',
      'language',
      'taken_by',
      'sku',
      'item',
      'variant',
      'quantity',
      'unit_price',
    ].map((name): [string, string] => [name, name]),
  ];
  return { header: columns.map(([csv]) => csv), rows: rows.map((r) => columns.map(([, key]) => r[key])) };
}

/** One row per message of the period, oldest first, grouped by conversation. */
function conversationsCsv(statement: StatementCache, scope: PeriodScope): { header: string[]; rows: CsvValue[][] } {
  const rows = statement<CsvValue[]>(
    `SELECT m.conversation_id, ${localTime(scope, 'm.created_at')}, a.label, k.jid, k.name, m.direction, m.author, m.kind, m.status, m.text
     FROM messages m JOIN conversations c ON c.id = m.conversation_id JOIN contacts k ON k.id = c.contact_id JOIN accounts a ON a.id = m.account_id
     WHERE m.shop_id = ? AND m.created_at >= ? AND m.created_at < ? ORDER BY m.conversation_id, m.id`,
  )
    .raw()
    .all(scope.shopId, scope.fromUtc, scope.toUtc);
  return {
    header: ['conversation_id', 'sent_at', 'number', 'contact', 'contact_name', 'direction', 'author', 'kind', 'status', 'text'],
    rows,
  };
}

/** Every contact of the shop, with what they did in the period and in total. */
function contactsCsv(statement: StatementCache, scope: PeriodScope): { header: string[]; rows: CsvValue[][] } {
  const rows = statement<CsvValue[]>(
    `SELECT k.id, k.jid, k.name, k.blocked, ${localTime(scope, 'k.created_at')},
            (SELECT count(*) FROM messages m JOIN conversations c ON c.id = m.conversation_id
              WHERE c.contact_id = k.id AND m.direction = 'in' AND m.created_at >= @from AND m.created_at < @to),
            (SELECT count(*) FROM orders o WHERE o.shop_id = k.shop_id AND o.contact_id = k.id AND o.created_at >= @from AND o.created_at < @to AND o.status NOT IN ('cancelled', 'returned')),
            (SELECT count(*) FROM orders o WHERE o.shop_id = k.shop_id AND o.contact_id = k.id AND o.status NOT IN ('cancelled', 'returned')),
            (SELECT coalesce(sum(o.total), 0) FROM orders o WHERE o.shop_id = k.shop_id AND o.contact_id = k.id AND o.status NOT IN ('cancelled', 'returned'))
     FROM contacts k WHERE k.shop_id = @shop ORDER BY k.id`,
  )
    .raw()
    .all({ shop: scope.shopId, from: scope.fromUtc, to: scope.toUtc });
  return {
    header: [
      'contact_id',
      'contact',
      'name',
      'blocked',
      'first_seen',
      'messages_in_period',
      'orders_in_period',
      'orders_total',
      'spent_total',
    ],
    rows,
  };
}

/** Every table of the page in one long sheet: table, row label, figure, value (pivot it in a spreadsheet). */
function metricsRows(o: AnalyticsOverview): CsvValue[][] {
  const rows: CsvValue[][] = [];
  const add = (table: string, label: string, figures: Record<string, CsvValue>) => {
    for (const [metric, value] of Object.entries(figures)) rows.push([table, label, metric, value]);
  };
  add('kpis', `${o.period.from}..${o.period.to}`, { ...o.kpis });
  if (o.previousKpis && o.previous) add('kpis_previous', `${o.previous.from}..${o.previous.to}`, { ...o.previousKpis });
  add('funnel', '', { ...o.funnel });
  for (const r of o.byLanguage) add('conversion_by_language', r.key, { conversations: r.conversations, orders: r.orders, rate: r.rate });
  for (const r of o.byAccount) add('conversion_by_number', r.label, { conversations: r.conversations, orders: r.orders, rate: r.rate });
  for (const who of ['bot', 'seller'] as const) add('first_response_seconds', who, { ...o.responseTimes[who] });
  for (const r of o.escalationReasons) add('escalation_reasons', r.reason, { count: r.count });
  for (const r of o.guardrails) add('guardrail_violations', r.kind, { count: r.count });
  for (const d of o.days)
    add('per_day', d.day, { messagesIn: d.messagesIn, messagesOut: d.messagesOut, orders: d.orders, revenue: d.revenue });
  for (const c of o.busyHours) add('busy_hours', `weekday ${c.weekday} hour ${c.hour}`, { messages: c.count });
  for (const p of o.topProducts)
    add('top_products', p.name, { sku: p.sku, requests: p.requests, unitsOrdered: p.unitsOrdered, stock: p.stock });
  for (const p of o.outOfStock) add('out_of_stock', p.name, { sku: p.sku, requests: p.requests });
  for (const q of o.unanswered) add('unanswered_questions', q.text, { count: q.count, lastAskedAt: q.lastAskedAt });
  return rows;
}

/** The CSV of one kind for a period: UTF-8 with BOM, formula cells escaped (csv/csv.ts). */
export function buildExport(
  kind: ExportKind,
  statement: StatementCache,
  scope: PeriodScope,
  period: { from: string; to: string },
  overview: () => AnalyticsOverview,
): CsvExport {
  const table =
    kind === 'orders'
      ? ordersCsv(statement, scope)
      : kind === 'conversations'
        ? conversationsCsv(statement, scope)
        : kind === 'contacts'
          ? contactsCsv(statement, scope)
          : { header: ['table', 'row', 'figure', 'value'], rows: metricsRows(overview()) };
  return {
    filename: `souqbot-${kind}-${period.from}-to-${period.to}.csv`,
    csv: csvDocument(table.header, table.rows, { bom: true }),
    rows: table.rows.length,
  };
}
