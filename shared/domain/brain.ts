import { z } from 'zod';
import { Strategy } from './learning';
import { CustomerLanguage } from './schemas';

export const Intent = z.enum([
  'greeting',
  'price_question',
  'availability',
  'order_request',
  'objection_price',
  'objection_hesitation',
  'objection_trust',
  'delivery_question',
  'complaint_refund',
  'human_request',
  'thanks',
  'other',
]);
export type Intent = z.infer<typeof Intent>;

export const SalesAction = z.enum(['none', 'upsell', 'urgency', 'objection', 'followup', 'social_proof', 'checkout']);
export type SalesAction = z.infer<typeof SalesAction>;

export const OrderAction = z.enum(['none', 'start', 'add_item', 'confirm', 'cancel']);
export type OrderAction = z.infer<typeof OrderAction>;

export const OrderItem = z.object({
  sku: z.string(),
  quantity: z.number().int().positive(),
  variant: z.string().nullable(),
});
export type OrderItem = z.infer<typeof OrderItem>;

export const OutgoingMedia = z.object({
  kind: z.literal('image'),
  url: z.string(),
  caption: z.string(),
});
export type OutgoingMedia = z.infer<typeof OutgoingMedia>;

/** What either brain returns for one turn (validated at the brain's boundary). */
export const BrainDecision = z.object({
  reply: z.string(),
  language: CustomerLanguage,
  intent: Intent,
  sentiment: z.enum(['positive', 'neutral', 'negative']),
  confidence: z.number().min(0).max(1),
  salesAction: SalesAction,
  orderAction: OrderAction,
  orderItems: z.array(OrderItem),
  escalate: z.boolean(),
  escalateReason: z.string().nullable(),
  /** Ids of the catalog / knowledge rows the reply relies on. */
  citations: z.array(z.string()),
  /** At most 3 SKUs, the product the customer meant first. */
  skus: z.array(z.string()).max(3),
  /** Media to send with the reply (a product photo). */
  media: z.array(OutgoingMedia),
  /** The selling strategy this turn used (learning's bandit), stored on the bot message. */
  strategy: Strategy.nullable().optional(),
});
export type BrainDecision = z.infer<typeof BrainDecision>;
