import type { BrainDecision } from '../../../../shared/domain/brain';
import { type EscalationNotice, encodeEscalations, escalation, mergeEscalations } from '../../../../shared/domain/notices';
import type { CustomerSignals, SensitiveTopic } from './sensitive';

/** The seller-facing reason per topic (worded by the renderer in the seller's language). */
const TOPIC_REASON: Record<SensitiveTopic, EscalationNotice> = {
  refund_complaint: escalation('refund_complaint'),
  legal: escalation('legal'),
  threat: escalation('threat'),
  human_request: escalation('human_request'),
};

/** Below this confidence the seller should look, whatever the reply says. */
export const LOW_CONFIDENCE = 0.35;

/**
 * Whatever either brain decided, sensitive topics, requests for a human and low confidence go to
 * the seller. The reply is kept (the customer still gets an answer); only `escalate` is forced.
 */
export function applyEscalationPolicy(decision: BrainDecision, signals: CustomerSignals, lowConfidence = LOW_CONFIDENCE): BrainDecision {
  const reasons: EscalationNotice[] = [];
  // The brain's own reason says it best; the lexicons only add what the brain missed.
  const own = decision.escalate ? (decision.escalateReason ?? encodeEscalations([escalation('bot_asked')])) : null;
  if (!decision.escalate) {
    for (const topic of signals.topics) reasons.push(TOPIC_REASON[topic]);
    if (decision.intent === 'complaint_refund' && !signals.topics.includes('refund_complaint')) reasons.push(TOPIC_REASON.refund_complaint);
    if (decision.intent === 'human_request' && !signals.topics.includes('human_request')) reasons.push(TOPIC_REASON.human_request);
  }
  // Whatever the reply, a claim of authority is the seller's to check: it is never obeyed.
  if (signals.authority) reasons.push(escalation('authority_claim'));
  // Not a number for the seller: "the bot was not sure it was right, so it asked you".
  if (decision.confidence < lowConfidence) reasons.push(escalation('low_confidence'));
  if (own === null && reasons.length === 0) return decision;
  return { ...decision, escalate: true, escalateReason: mergeEscalations(own, encodeEscalations(reasons)) };
}
