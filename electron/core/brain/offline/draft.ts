import type { BrainDecision, Intent, OrderItem, OutgoingMedia, SalesAction } from '../../../../shared/domain/brain';
import type { CustomerLanguage } from '../../../../shared/domain/schemas';
import { encodeEscalations, escalation } from '../../../../shared/domain/notices';
import type { NewOrder } from '../../orders';

/** Stands for the order number in a reply until the order row exists (placed when the reply is committed). */
export const ORDER_ID_PLACEHOLDER = '{{order}}';

/** A decision being built up by the turn's steps; `finish` turns it into a BrainDecision. */
export interface Draft {
  parts: string[];
  intent: Intent;
  confidence: number;
  salesAction: SalesAction;
  orderAction: BrainDecision['orderAction'];
  orderItems: OrderItem[];
  escalate: boolean;
  escalateReason: string | null;
  skus: string[];
  citations: string[];
  media: OutgoingMedia[];
  /** The order this reply announces: placed only if this reply is the one that goes out. */
  pendingOrder: NewOrder | null;
}

export const newDraft = (intent: Intent, confidence: number): Draft => ({
  parts: [],
  intent,
  confidence,
  salesAction: 'none',
  orderAction: 'none',
  orderItems: [],
  escalate: false,
  escalateReason: null,
  skus: [],
  citations: [],
  media: [],
  pendingOrder: null,
});

const NEGATIVE: Intent[] = ['complaint_refund', 'objection_price', 'objection_trust'];
const POSITIVE: Intent[] = ['thanks', 'order_request', 'greeting'];

export function finish(d: Draft, language: CustomerLanguage): BrainDecision {
  return {
    reply: d.parts
      .filter((p) => p.trim())
      .join('\n')
      .trim(),
    language,
    intent: d.intent,
    sentiment: NEGATIVE.includes(d.intent) ? 'negative' : POSITIVE.includes(d.intent) ? 'positive' : 'neutral',
    confidence: Math.max(0, Math.min(1, d.confidence)),
    salesAction: d.salesAction,
    orderAction: d.orderAction,
    orderItems: d.orderItems,
    escalate: d.escalate,
    escalateReason: d.escalate ? (d.escalateReason ?? encodeEscalations([escalation('bot_asked')])) : null,
    citations: [...new Set(d.citations)],
    skus: [...new Set(d.skus)].slice(0, 3),
    media: d.media,
  };
}
