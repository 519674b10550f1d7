import type { BrainDecision } from '../../../shared/domain/brain';
import type { Strategy } from '../../../shared/domain/learning';

export interface TurnMessage {
  direction: 'in' | 'out';
  author: 'customer' | 'bot' | 'seller';
  text: string;
  at: string;
}

/** What learning remembers about the customer (learning/profiles), for greeting and checkout. */
export interface CustomerMemory {
  name: string | null;
  phone: string | null;
  wilaya: string | null;
  commune: string | null;
  address: string | null;
  language: string | null;
  orders: number;
  /** Products asked about, most recent first. */
  interests: string[];
  lastOrder: {
    items: Array<{ sku: string; name: string; quantity: number; variant: string | null }>;
    wilaya: string;
    address: string;
  } | null;
  /** The bot offered the last order again earlier in this conversation. */
  reorderOffered: boolean;
}

/** A message of the turn that is not plain text (a photo, a voice note…), as the channel stored it. */
export interface TurnAttachment {
  kind: string;
  /** The message row's meta JSON (channels store `mediaPath` there). */
  meta: string | null;
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
  /** The customer's profile, when learning has one (a returning customer). */
  profile?: CustomerMemory | null;
  /** Set when (part of) `text` is a voice note's transcript: the words were heard, not typed, in this language. */
  transcribed?: { language: string | null } | null;
  /** The turn's messages that are not plain text (one per such inbound message); absent = none. */
  attachments?: readonly TurnAttachment[];
}

/** Offline or LLM: the pipeline only knows this. */
export interface Brain {
  decide(input: BrainInput): Promise<BrainDecision>;
}
