import { type ExpressionBuilder, sql } from 'kysely';
import type { Database } from '../database';
import { NOT_SENT, type PeriodScope, type StatementCache, preparedOnce } from './statements';
import { makeLocalDayIn } from './zone';

/** A seller message this close before an order means a person closed that sale, not the bot. */
export const TAKEOVER_WINDOW_HOURS = 24;

export interface OrderRow {
  id: number;
  /** UTC ISO time it was placed. */
  createdAt: string;
  conversationId: number | null;
  status: string;
  total: number;
  cashCollected: number | null;
  /** Local day the order was placed. */
  day: string;
  /** 1: entered by the seller, or confirmed in a conversation the seller was writing in. */
  bySeller: number;
}

/** Cancelled and returned orders bring no money: left out of revenue and order counts. */
export const isLost = (status: string): boolean => status === 'cancelled' || status === 'returned';
/** The same statuses for a query (`status not in`). */
export const LOST = [sql.lit('cancelled'), sql.lit('returned')];

/**
 * 1 when the seller took the order: typed in (no conversation or no confirming customer message),
 * or a seller message in that conversation in the TAKEOVER_WINDOW_HOURS before it. Literals inline:
 * the seller messages come from the partial index of migration 0050, which SQLite matches by text.
 */
export function takenBySeller(eb: ExpressionBuilder<Database & { o: Database['orders'] }, 'o'>) {
  return eb.or([
    eb('o.conversation_id', 'is', null),
    eb('o.created_from_message_id', 'is', null),
    eb.exists(
      eb
        .selectFrom('messages as s')
        .select(sql.lit(1).as('one'))
        .whereRef('s.conversation_id', '=', 'o.conversation_id')
        .where('s.author', '=', sql.lit('seller'))
        .where('s.status', 'not in', NOT_SENT)
        .whereRef('s.created_at', '<=', 'o.created_at')
        .where(
          's.created_at',
          '>=',
          eb.fn<string>('strftime', [sql.lit('%Y-%m-%dT%H:%M:%fZ'), 'o.created_at', sql.lit(`-${TAKEOVER_WINDOW_HOURS} hours`)]),
        ),
    ),
  ]);
}

const queriesOf = preparedOnce((statements) => ({
  orders: statements.prepare((db, p: { shopId: number; fromUtc: string; toUtc: string }) =>
    db
      .selectFrom('orders as o')
      .select((eb) =>
        eb
          .fn<string>('json_group_array', [
            eb.fn('json_array', [
              'o.id',
              'o.conversation_id',
              'o.status',
              'o.total',
              'o.cash_collected',
              'o.created_at',
              takenBySeller(eb),
            ]),
          ])
          .as('doc'),
      )
      .where('o.shop_id', '=', p.shopId)
      .where('o.created_at', '>=', p.fromUtc)
      .where('o.created_at', '<', p.toUtc),
  ),
  units: statements.prepare((db, p: { shopId: number; fromUtc: string; toUtc: string }) =>
    db
      .selectFrom('orders as o')
      .innerJoin('order_items as i', 'i.order_id', 'o.id')
      .select((eb) => ['i.sku', eb.fn.sum<number>('i.quantity').as('units')])
      .where('o.shop_id', '=', p.shopId)
      .where('o.created_at', '>=', p.fromUtc)
      .where('o.created_at', '<', p.toUtc)
      .where('o.status', 'not in', LOST)
      .groupBy('i.sku'),
  ),
}));

/**
 * Orders placed in the period. "By the seller": no confirming customer message (typed in by the
 * seller), or a seller message in that conversation in the TAKEOVER_WINDOW_HOURS before it.
 */
export function ordersOfPeriod(statement: StatementCache, scope: PeriodScope): OrderRow[] {
  // One JSON document out (cheaper than a row object per order through the driver); the local day
  // is worked out here from the period's offset stretches rather than by date() on every row.
  const json = queriesOf(statement).orders.get(scope)?.doc;
  const rows = json ? (JSON.parse(json) as [number, number | null, string, number, number | null, string, number][]) : [];
  const localDayIn = makeLocalDayIn(scope.stretches);
  return rows.map(([id, conversationId, status, total, cashCollected, createdAt, bySeller]) => ({
    id,
    conversationId,
    status,
    total,
    cashCollected,
    createdAt,
    day: localDayIn(createdAt),
    bySeller,
  }));
}

export interface OrderTotals {
  revenue: number;
  orders: number;
  ordersByBot: number;
  ordersBySeller: number;
  revenueByBot: number;
  revenueBySeller: number;
  averageOrderValue: number | null;
  cashCollected: number;
  deliveredOrders: number;
}

const cents = (n: number): number => Math.round(n * 100) / 100;

export function orderTotals(rows: readonly OrderRow[]): OrderTotals {
  const t: OrderTotals = {
    revenue: 0,
    orders: 0,
    ordersByBot: 0,
    ordersBySeller: 0,
    revenueByBot: 0,
    revenueBySeller: 0,
    averageOrderValue: null,
    cashCollected: 0,
    deliveredOrders: 0,
  };
  for (const o of rows) {
    if (o.status === 'delivered') {
      t.deliveredOrders++;
      t.cashCollected += o.cashCollected ?? o.total;
    }
    if (isLost(o.status)) continue;
    t.orders++;
    t.revenue += o.total;
    if (o.bySeller) {
      t.ordersBySeller++;
      t.revenueBySeller += o.total;
    } else {
      t.ordersByBot++;
      t.revenueByBot += o.total;
    }
  }
  return {
    ...t,
    revenue: cents(t.revenue),
    revenueByBot: cents(t.revenueByBot),
    revenueBySeller: cents(t.revenueBySeller),
    cashCollected: cents(t.cashCollected),
    averageOrderValue: t.orders ? cents(t.revenue / t.orders) : null,
  };
}

/** Units ordered per SKU in the period (lost orders left out). */
export function unitsOrdered(statement: StatementCache, scope: PeriodScope): Map<string, number> {
  const rows = queriesOf(statement).units.all(scope);
  return new Map(rows.map((r) => [r.sku, r.units]));
}
