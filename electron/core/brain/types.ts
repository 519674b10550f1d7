import type { BrainDecision } from '../../../shared/domain/brain';

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
}

/** Offline or LLM: the pipeline only knows this. */
export interface Brain {
  decide(input: BrainInput): Promise<BrainDecision>;
}
