import type { BrainDecision } from '../../../shared/domain/brain';

/**
 * The one fixture for what a brain or a model answers (tests and benches only): a plain French
 * reply with nothing to do, which each test patches to the case it is about.
 */
export function decision(over: Partial<BrainDecision> = {}): BrainDecision {
  return {
    reply: '',
    language: 'fr',
    intent: 'other',
    sentiment: 'neutral',
    confidence: 0.9,
    salesAction: 'none',
    orderAction: 'none',
    orderItems: [],
    escalate: false,
    escalateReason: null,
    citations: [],
    skus: [],
    media: [],
    ...over,
  };
}

/** What an OpenAI-compatible model answers for that decision, before parsing: no `media`, and the LLM-only `photoSku`. */
export function modelAnswer(over: Partial<BrainDecision> & { photoSku?: string | null } = {}) {
  const { media: _media, photoSku = null, ...rest } = { ...decision(), ...over };
  return { ...rest, photoSku };
}
