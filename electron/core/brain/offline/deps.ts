import type { ShopSettings } from '../../../../shared/domain/settings';
import type { Order } from '../../../../shared/domain/orders';
import type { PlaceOrder } from '../../orders';
import type { SalesFacts } from '../closer';
import type { ProductFinder } from './product-match';
import type { BrainStateStore } from './state';

/** Everything the offline brain reads and writes, injected (core wires the real ones, tests fakes). */
export interface OfflineBrainDeps {
  /** Finds the products a message is about (FTS retrieval over the catalog) and reads them by SKU. */
  products: ProductFinder;
  /** A shop's settings: facts (delivery, payment), sales choices, order-flow fields. */
  settings(shopId: number): Promise<ShopSettings>;
  /**
   * The shop's country (ISO 3166: gazetteer, phone plan, dialect). Without it the brain derives
   * one from the catalog's currency and the time zone, as core does for a shop with none set.
   */
  country?(shopId: number, settings: ShopSettings): Promise<string>;
  /** The shop's name for the assistant's introduction; null = introduce without it. */
  shopName?(shopId: number): Promise<string | null>;
  /** Real order counts (trust, urgency, social proof) and a contact's past orders (reorder). */
  orders: SalesFacts & { ofContact(shopId: number, contactId: number, limit: number): Promise<Order[]> };
  /** Writes the order the customer confirms (orders/place-order.ts), once per confirming message. */
  placeOrder: PlaceOrder;
  /** The order a confirming message already placed: a re-run after a crash announces it again instead of starting over. */
  orderPlacedBy?(messageId: number): Promise<Order | undefined>;
  /** Each conversation's order-flow state (the cart, the slot being asked), kept across turns and restarts. */
  state: BrainStateStore;
  /** A few products to name when the customer has not said which one they mean. */
  sampleProducts?(shopId: number, limit: number): Promise<{ name: string }[]>;
}
