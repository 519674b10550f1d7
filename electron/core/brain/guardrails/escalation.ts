import type { BrainDecision } from '../../../../shared/domain/brain';
import type { CustomerSignals, SensitiveTopic } from './sensitive';

const TOPIC_REASON: Record<SensitiveTopic, string> = {
  refund_complaint: 'The customer mentions a refund or a complaint.',
  legal: 'The customer mentions legal action or the authorities.',
  threat: 'The customer made a threat.',
  human_request: 'The customer asked for a person.',
};

/** Below this confidence the seller should look, whatever the reply says. */
export const LOW_CONFIDENCE = 0.35;

/**
 * Whatever either brain decided, sensitive topics, requests for a human and low confidence go to
 * the seller. The reply is kept (the customer still gets an answer); only `escalate` is forced.
 */
export function applyEscalationPolicy(decision: BrainDecision, signals: CustomerSignals, lowConfidence = LOW_CONFIDENCE): BrainDecision {
  const reasons: string[] = [];
  // The brain's own reason says it best; the lexicons only add what the brain missed.
  if (decision.escalate) reasons.push(decision.escalateReason ?? 'The bot asked for the seller.');
  else {
    for (const topic of signals.topics) reasons.push(TOPIC_REASON[topic]);
    if (decision.intent === 'complaint_refund' && !signals.topics.includes('refund_complaint')) reasons.push(TOPIC_REASON.refund_complaint);
    if (decision.intent === 'human_request' && !signals.topics.includes('human_request')) reasons.push(TOPIC_REASON.human_request);
  }
  if (decision.confidence < lowConfidence) reasons.push(`Low confidence (${decision.confidence.toFixed(2)}).`);
  if (reasons.length === 0) return decision;
  return { ...decision, escalate: true, escalateReason: [...new Set(reasons)].join(' ') };
}
