import type { BrainDecision } from '../../../shared/domain/brain';
import type { Brain, BrainInput } from '../brain/types';
import { decision } from './decisions';

/**
 * A brain with no intelligence and no randomness: it acknowledges the customer's words.
 * The crash test and the pipeline benchmark use it so they measure the lifecycle, not the
 * sales brain; each reply quotes the message so every reply text is unique.
 */
export function makeDeterministicBrain(): Brain {
  return {
    async decide(input: BrainInput): Promise<BrainDecision> {
      return decision({ reply: `Thank you! We received: «${input.text.slice(0, 500)}»`, language: 'en', confidence: 1 });
    },
  };
}
