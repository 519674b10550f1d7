import { z } from 'zod';
import { CustomerLanguage } from '../../../../shared/domain/schemas';

export const CartItem = z.object({
  sku: z.string(),
  variant: z.string().nullable(),
  quantity: z.number().int().positive(),
});
export type CartItem = z.infer<typeof CartItem>;

/**
 * What the offline brain remembers about one conversation between turns. Stored as JSON in
 * brain_state; a document that no longer parses (older build, manual edit) starts fresh.
 */
export const BrainState = z.object({
  v: z.literal(1).default(1),
  language: CustomerLanguage.nullable().default(null),
  /** Customer turns answered so far. */
  turns: z.number().int().nonnegative().default(0),
  /** Turns since the last order or checkout push: drives the checkout push. */
  turnsSincePush: z.number().int().nonnegative().default(0),
  introduced: z.boolean().default(false),
  /** Products talked about, most recent first: "how much is it?" refers to the first. */
  lastSkus: z.array(z.string()).default([]),
  cart: z.array(CartItem).default([]),
  /**
   * What the customer said about a product before it was in the cart ("cannoli al pistacchio?",
   * "3 flacons", a bare "rose" after the colours were listed): the order takes it from here, so a
   * variant or count said once is never asked again.
   */
  mentions: z
    .record(
      z.string(),
      z.object({ variant: z.string().nullable().default(null), quantity: z.number().int().positive().nullable().default(null) }),
    )
    .default({}),
  /** The products the last message that named products named, in the customer's order ("X e Y"): an order started later takes them all. */
  lastNamed: z.array(z.string()).default([]),
  slots: z
    .object({
      name: z.string().nullable().default(null),
      phone: z.string().nullable().default(null),
      wilaya: z.string().nullable().default(null),
      commune: z.string().nullable().default(null),
      address: z.string().nullable().default(null),
    })
    .default({ name: null, phone: null, wilaya: null, commune: null, address: null }),
  stage: z.enum(['browsing', 'collecting', 'confirming']).default('browsing'),
  /** The product whose variant the bot asked for. */
  pendingVariantSku: z.string().nullable().default(null),
  /** Percent discount already offered in this conversation (never raised past the seller's limit). */
  discountOffered: z.number().nonnegative().nullable().default(null),
  /** The order summary the customer was last shown (summaryKey): "yes" places exactly that order. */
  shownSummary: z.string().nullable().default(null),
  /** That summary's words: "yes" counts only if the conversation shows they went out (not a rejected or edited draft). */
  shownSummaryText: z.string().nullable().default(null),
});
export type BrainState = z.infer<typeof BrainState>;

export function readState(doc: unknown): BrainState {
  const parsed = BrainState.safeParse(doc ?? {});
  return parsed.success ? parsed.data : BrainState.parse({});
}

/** The brain's memory store (orders/brain-state-repo in core; a Map in tests). */
export interface BrainStateStore {
  get(conversationId: number): Promise<unknown>;
  put(shopId: number, conversationId: number, doc: unknown, now: string): Promise<void>;
}
