import type { Generated } from 'kysely';
import type { BrainStateTable, OrderItemsTable, OrdersTable } from '../orders/tables';
import type { KnowledgeTable, ProductVariantsTable, ProductsTable } from '../catalog/tables';

/**
 * The typed database schema (kysely). Every domain table carries shop_id. Booleans are 0/1
 * integers and times ISO-8601 strings, as SQLite stores them.
 */
export interface ShopsTable {
  id: Generated<number>;
  name: string;
  currency: string;
  created_at: string;
  /** ISO 3166 alpha-2 set by the seller; null = derived from currency and time zone (0010). */
  country: string | null;
}

export interface AccountsTable {
  id: Generated<number>;
  shop_id: number;
  channel: 'whatsapp' | 'simulator';
  label: string;
  phone: string | null;
  status: string;
  created_at: string;
}

export interface ContactsTable {
  id: Generated<number>;
  shop_id: number;
  jid: string;
  name: string | null;
  blocked: Generated<number>;
  created_at: string;
}

export interface ConversationsTable {
  id: Generated<number>;
  shop_id: number;
  account_id: number;
  contact_id: number;
  status: Generated<string>;
  takeover: Generated<number>;
  unread: Generated<number>;
  last_message_at: string | null;
  last_preview: string | null;
  last_inbound_at: string | null;
  escalation_reason: string | null;
  flagged_reason: Generated<string | null>;
  /** null: until the seller gives the chat back. */
  takeover_until: Generated<string | null>;
  created_at: string;
}

export interface MessagesTable {
  id: Generated<number>;
  shop_id: number;
  account_id: number;
  conversation_id: number;
  direction: 'in' | 'out';
  author: 'customer' | 'bot' | 'seller';
  kind: string;
  text: string;
  status: string;
  channel_message_id: string | null;
  meta: string | null;
  error: string | null;
  created_at: string;
}

export interface SettingsTable {
  shop_id: number;
  doc: string;
  updated_at: string;
}

export interface InboundQueueTable {
  id: Generated<number>;
  shop_id: number;
  conversation_id: number;
  message_id: number;
  state: Generated<string>;
  route: string | null;
  created_at: string;
}

export interface OutboxTable {
  id: Generated<number>;
  shop_id: number;
  account_id: number;
  conversation_id: number;
  message_id: number;
  to_jid: string;
  channel_message_id: string;
  state: Generated<string>;
  attempts: Generated<number>;
  next_attempt_at: string;
  last_error: string | null;
  created_at: string;
  /** reply | proactive (0025): which send budget the dispatcher applies. */
  kind: Generated<string>;
}

export interface QuickRepliesTable {
  id: Generated<number>;
  shop_id: number;
  name: string;
  text: string;
}

export interface Database {
  inbound_queue: InboundQueueTable;
  outbox: OutboxTable;
  quick_replies: QuickRepliesTable;
  shops: ShopsTable;
  accounts: AccountsTable;
  contacts: ContactsTable;
  conversations: ConversationsTable;
  messages: MessagesTable;
  settings: SettingsTable;
  orders: OrdersTable;
  order_items: OrderItemsTable;
  brain_state: BrainStateTable;
  products: ProductsTable;
  product_variants: ProductVariantsTable;
  knowledge: KnowledgeTable;
}
