import type { BrainDecision } from '../../../shared/domain/brain';
import type { Brain, BrainInput } from '../brain';
import type { Logger } from '../ports';

/** What learning adds around each brain turn. Failures here never cost the customer a reply. */
export interface TurnHooks {
  /** Inputs learning adds to the turn (strategy, customer profile). */
  before?(input: BrainInput): Promise<Partial<BrainInput>>;
  /** After the brain decided (follow-up scheduling, the strategy stored on the reply). */
  after?(input: BrainInput, decision: BrainDecision): Promise<BrainDecision>;
}

/** The sales brain with learning's inputs and bookkeeping around it. */
export function withLearning(brain: Brain, hooks: TurnHooks, logger: Logger): Brain {
  return {
    async decide(input: BrainInput): Promise<BrainDecision> {
      let turn = input;
      try {
        if (hooks.before) turn = { ...input, ...(await hooks.before(input)) };
      } catch (err) {
        logger.warn({ err, conversationId: input.conversationId }, 'learning inputs failed; the brain answers without them');
      }
      const decision = await brain.decide(turn);
      try {
        return hooks.after ? await hooks.after(turn, decision) : decision;
      } catch (err) {
        logger.warn({ err, conversationId: input.conversationId }, 'learning bookkeeping failed for a turn');
        return decision;
      }
    },
  };
}
