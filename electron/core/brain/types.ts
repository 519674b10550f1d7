import type { BrainDecision } from '../../../shared/domain/brain';
import type { Strategy } from '../../../shared/domain/learning';

export interface TurnMessage {
  direction: 'in' | 'out';
  author: 'customer' | 'bot' | 'seller';
  text: string;
  at: string;
}

/** One turn for the brain: the customer's latest message(s) and the conversation so far. */
export interface BrainInput {
  shopId: number;
  conversationId: number;
  contactId: number;
  /** The stored inbound message ids this turn answers (a debounced burst has several). Order
   * creation keys on them so a re-run after a crash never makes a second order. */
  inboundMessageIds: number[];
  /** The customer's text for this turn (a burst joined with newlines). */
  text: string;
  /** Earlier messages, oldest first, excluding this turn. */
  history: TurnMessage[];
  now: Date;
  /** The selling strategy the bandit chose for this conversation (learning/bandit); absent = none. */
  strategy?: Strategy | null;
}

/** Offline or LLM: the pipeline only knows this. */
export interface Brain {
  decide(input: BrainInput): Promise<BrainDecision>;
}
