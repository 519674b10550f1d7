import type { AnalyticsOverview, ExportKind } from '../../../shared/domain/analytics';
import { type CsvValue, csvDocument } from '../csv';
import { sql } from 'kysely';
import { LOST, takenBySeller } from './order-figures';
import type { PeriodScope, StatementCache } from './statements';

export interface CsvExport {
  filename: string;
  csv: string;
  rows: number;
}

/**
 * Local wall-clock time of a stored UTC column, `YYYY-MM-DD HH:MM:SS`. The shift is zone.ts's SQL
 * text: offsets and change instants of the period, never user text.
 */
const localTime = (scope: PeriodScope, column: 'o.created_at' | 'm.created_at' | 'k.created_at') =>
  sql<string>`datetime(${sql.ref(column)}, ${sql.raw(scope.shift(column))})`;

/** One row per order line, with the order's fields repeated (what a pivot table wants). */
function ordersCsv(statement: StatementCache, scope: PeriodScope): { header: string[]; rows: CsvValue[][] } {
  const rows: Record<string, CsvValue>[] = statement
    .now((db) =>
      db
        .selectFrom('orders as o')
        .leftJoin('order_items as i', 'i.order_id', 'o.id')
        .select((eb) => [
          'o.id',
          localTime(scope, 'o.created_at').as('placed'),
          'o.status',
          'o.customer_name',
          'o.phone',
          'o.wilaya',
          'o.commune',
          'o.address',
          'o.currency',
          'o.items_total',
          'o.delivery_fee',
          'o.total',
          'o.cash_collected',
          'o.language',
          eb.case().when(takenBySeller(eb)).then(sql.lit('seller')).else(sql.lit('bot')).end().as('taken_by'),
          'i.sku',
          'i.name as item',
          'i.variant',
          'i.quantity',
          'i.unit_price',
        ])
        .where('o.shop_id', '=', scope.shopId)
        .where('o.created_at', '>=', scope.fromUtc)
        .where('o.created_at', '<', scope.toUtc)
        .orderBy('o.created_at')
        .orderBy('o.id')
        .orderBy('i.id'),
    )
    .all();
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
  const rows = statement
    .now((db) =>
      db
        .selectFrom('messages as m')
        .innerJoin('conversations as c', 'c.id', 'm.conversation_id')
        .innerJoin('contacts as k', 'k.id', 'c.contact_id')
        .innerJoin('accounts as a', 'a.id', 'm.account_id')
        .select([
          'm.conversation_id',
          localTime(scope, 'm.created_at').as('sent_at'),
          'a.label',
          'k.jid',
          'k.name',
          'm.direction',
          'm.author',
          'm.kind',
          'm.status',
          'm.text',
        ])
        .where('m.shop_id', '=', scope.shopId)
        .where('m.created_at', '>=', scope.fromUtc)
        .where('m.created_at', '<', scope.toUtc)
        .orderBy('m.conversation_id')
        .orderBy('m.id'),
    )
    .all()
    .map((r): CsvValue[] => [r.conversation_id, r.sent_at, r.label, r.jid, r.name, r.direction, r.author, r.kind, r.status, r.text]);
  return {
    header: ['conversation_id', 'sent_at', 'number', 'contact', 'contact_name', 'direction', 'author', 'kind', 'status', 'text'],
    rows,
  };
}

/** Every contact of the shop, with what they did in the period and in total. */
function contactsCsv(statement: StatementCache, scope: PeriodScope): { header: string[]; rows: CsvValue[][] } {
  const { shopId, fromUtc, toUtc } = scope;
  const rows = statement
    .now((db) =>
      db
        .selectFrom('contacts as k')
        .select((eb) => {
          // The contact's orders that brought money (cancelled and returned left out).
          const kept = () =>
            eb
              .selectFrom('orders as o')
              .whereRef('o.shop_id', '=', 'k.shop_id')
              .whereRef('o.contact_id', '=', 'k.id')
              .where('o.status', 'not in', LOST);
          return [
            'k.id',
            'k.jid',
            'k.name',
            'k.blocked',
            localTime(scope, 'k.created_at').as('first_seen'),
            eb
              .selectFrom('messages as m')
              .innerJoin('conversations as c', 'c.id', 'm.conversation_id')
              .select((e) => e.fn.countAll<number>().as('n'))
              .whereRef('c.contact_id', '=', 'k.id')
              .where('m.direction', '=', 'in')
              .where('m.created_at', '>=', fromUtc)
              .where('m.created_at', '<', toUtc)
              .as('messages_in_period'),
            kept()
              .select((e) => e.fn.countAll<number>().as('n'))
              .where('o.created_at', '>=', fromUtc)
              .where('o.created_at', '<', toUtc)
              .as('orders_in_period'),
            kept()
              .select((e) => e.fn.countAll<number>().as('n'))
              .as('orders_total'),
            kept()
              .select((e) => e.fn.coalesce(e.fn.sum<number>('o.total'), sql.lit(0)).as('n'))
              .as('spent_total'),
          ];
        })
        .where('k.shop_id', '=', shopId)
        .orderBy('k.id'),
    )
    .all()
    .map((r): CsvValue[] => [
      r.id,
      r.jid,
      r.name,
      r.blocked,
      r.first_seen,
      r.messages_in_period,
      r.orders_in_period,
      r.orders_total,
      r.spent_total,
    ]);
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
