import type { Generated } from 'kysely';

/** Kysely table shapes of migration 0004-orders (listed in OrdersTables below). */
export interface OrdersTable {
  id: Generated<number>;
  shop_id: number;
  conversation_id: number | null;
  contact_id: number | null;
  status: string;
  customer_name: string;
  phone: string;
  wilaya: string;
  commune: string;
  address: string;
  currency: string;
  items_total: number;
  delivery_fee: number | null;
  total: number;
  cash_collected: number | null;
  language: string | null;
  /** The inbound message that confirmed the order: unique, so a re-run after a crash cannot order twice. */
  created_from_message_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface OrderItemsTable {
  id: Generated<number>;
  order_id: number;
  shop_id: number;
  sku: string;
  name: string;
  variant: string | null;
  quantity: number;
  unit_price: number;
}

/** The offline brain's in-progress cart and slots, one JSON document per conversation. */
export interface BrainStateTable {
  conversation_id: number;
  shop_id: number;
  doc: string;
  updated_at: string;
}

/** The tables this domain owns, as core's `Database` (electron/core/database.ts) lists them. */
export interface OrdersTables {
  orders: OrdersTable;
  order_items: OrderItemsTable;
  brain_state: BrainStateTable;
}
