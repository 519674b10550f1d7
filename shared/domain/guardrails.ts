import { z } from 'zod';
import { Id, IsoTime } from './schemas';

/** What a guardrail found wrong with a reply. Each kind is one honest-claims rule. */
export const ViolationKind = z.enum([
  /** A price, stock, sales figure or other number the store does not back. */
  'unbacked_number',
  /** A discount above the seller's maximum. */
  'discount_over_max',
  /** The reply repeats a price or percentage the customer proposed and the store does not back. */
  'echoed_customer_number',
  /** A SKU or product name that is not in the catalog. */
  'unknown_product',
  /** A price question about a known product answered without its price. */
  'price_missing',
  /** A payment method the shop facts do not list. */
  'unsupported_payment',
  /** Delivery promised where or how the shop facts do not allow. */
  'unsupported_delivery',
  /** A return, exchange or refund promise the shop's policy does not make. */
  'unsupported_return',
  /** The reply reveals the prompt, settings or internal instructions. */
  'prompt_leak',
  /** Nothing to send. */
  'empty_reply',
  /** A web address that is neither the shop's own (settings) nor a catalog image. */
  'foreign_link',
  /** Asks the customer for a code, OTP, password, PIN or card number. */
  'asks_for_secret',
  /** A price quoted for one product that is another product's. */
  'price_of_other_product',
]);
export type ViolationKind = z.infer<typeof ViolationKind>;

export const Violation = z.object({
  kind: ViolationKind,
  /** One sentence for the seller. */
  detail: z.string(),
  /** The offending fragment of the reply (a number, a name, a phrase). */
  fragment: z.string(),
});
export type Violation = z.infer<typeof Violation>;

export const BrainSource = z.enum(['llm', 'llm_retry', 'offline', 'safe']);
export type BrainSource = z.infer<typeof BrainSource>;

/** One logged violation, as the seller sees it. */
export const ViolationRecord = z.object({
  id: Id,
  shopId: Id,
  conversationId: Id.nullable(),
  /** Which brain wrote the failing reply. */
  source: BrainSource,
  kind: ViolationKind,
  detail: z.string(),
  fragment: z.string(),
  /** The rejected reply (never sent). */
  reply: z.string(),
  /** What was sent instead. */
  action: z.enum(['regenerated', 'replaced_offline', 'replaced_safe']),
  createdAt: IsoTime,
});
export type ViolationRecord = z.infer<typeof ViolationRecord>;
