import type { Order } from '../../../shared/domain/orders';
import type { EventBus } from '../events';
import type { Database } from '../database';
import { type WritableDB, inWriteTransaction } from '../store';
import { type NewOrder, type OrdersRepo, makeOrdersRepo } from './repo';

export interface StockLine {
  sku: string;
  variant: string | null;
  quantity: number;
}

/**
 * The catalog's stock, decremented inside the order's transaction (so an order never exists
 * without its stock taken, nor the reverse). Wired by create-core to the catalog's repository.
 */
export type DecrementStock = (trx: WritableDB<Database>, shopId: number, lines: StockLine[]) => Promise<void>;

export interface OrderPlacerConfig {
  /** The kysely handle the order, its lines and the stock change are written with, in one transaction. */
  db: WritableDB<Database>;
  /** The orders repository on `db` that the rest of core uses (create-core builds it once); else one of its own. */
  orders?: Pick<OrdersRepo, 'byMessage'>;
  /** Takes the ordered quantities off the products' (or variants') stock. */
  decrementStock: DecrementStock;
  /** Publishes orders/created; absent in tools that need no UI. */
  bus?: EventBus;
}

export interface PlaceResult {
  order: Order;
  /** false when the confirming message had already produced this order (a re-run after a crash). */
  created: boolean;
}

export type PlaceOrder = (order: NewOrder) => Promise<PlaceResult>;

const isUniqueViolation = (err: unknown): boolean =>
  err instanceof Error && /UNIQUE constraint failed: orders\.created_from_message_id/.test(err.message);

/** Creates an order once per confirming message: order, lines and stock in one transaction, then the seller's event. */
export function makeOrderPlacer({ db, orders, decrementStock, bus }: OrderPlacerConfig): PlaceOrder {
  const repo = orders ?? makeOrdersRepo(db);
  return async (input) => {
    if (input.items.length === 0) throw new Error('an order needs at least one item');
    if (input.createdFromMessageId !== null) {
      const existing = await repo.byMessage(input.createdFromMessageId);
      if (existing) return { order: existing, created: false };
    }
    try {
      const order = await inWriteTransaction(db, async (trx) => {
        // The insert runs on the transaction's handle, so it needs a repository bound to it.
        const saved = await makeOrdersRepo(trx).insert(input);
        await decrementStock(
          trx,
          input.shopId,
          input.items.map(({ sku, variant, quantity }) => ({ sku, variant, quantity })),
        );
        return saved;
      });
      bus?.emit('orders/created', order);
      return { order, created: true };
    } catch (err) {
      // Two workers racing on the same message: the loser returns the winner's order.
      if (isUniqueViolation(err) && input.createdFromMessageId !== null) {
        const existing = await repo.byMessage(input.createdFromMessageId);
        if (existing) return { order: existing, created: false };
      }
      throw err;
    }
  };
}
