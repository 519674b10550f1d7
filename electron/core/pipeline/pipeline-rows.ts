import type { MessageKind } from '../../../shared/domain/schemas';
import type { MessageRow } from '../conversations';

/** The row shapes the pipeline store reads and writes (kept apart so the store stays one job). */

/** messages.turn_state (0091): the customer message waits for its turn; 2 = parked; NULL = no turn due. */
export const TURN_WAITING = 1;

export interface AcceptResult {
  messageId: number;
  duplicate: boolean;
  shopId: number;
  conversationId: number;
  /** The row as stored (a new message only): its messages/new event is built from it, not read back. */
  row?: MessageRow;
}

/** A customer message waiting for its turn, read with what the turn needs of it (one read, no second lookup). */
export interface PendingTurnRow {
  messageId: number;
  shopId: number;
  conversationId: number;
  /** When it was accepted, ms since the epoch (accepted_ms): the debounce measures bursts by it. */
  acceptedMs: number;
  kind: string;
  text: string;
  meta: string | null;
}

export interface TurnFacts {
  shopId: number;
  accountId: number;
  conversationId: number;
  contactId: number;
  contactJid: string;
  contactBlocked: boolean;
  takeover: boolean;
  /** ISO time a phone-started takeover ends; null = until the seller gives the chat back. */
  takeoverUntil: string | null;
  flaggedReason: string | null;
  lastInboundAt: string | null;
}

export interface OutboxRow {
  outboxId: number;
  shopId: number;
  accountId: number;
  conversationId: number;
  messageId: number;
  toJid: string;
  channelMessageId: string;
  attempts: number;
  nextAttemptAt: string;
  text: string;
  author: 'bot' | 'seller';
  meta: string | null;
  /** reply: answers a customer's message; proactive: the bot writes first (follow-up, broadcast). */
  kind: OutboundKind;
  /** When the customer last wrote in this conversation (which budget a reply uses depends on it). */
  lastInboundAt: string | null;
  /** Another row of this conversation was queued behind this one when it was read (1) or not (0). */
  queuedBehind: number;
}

export type OutboundKind = 'reply' | 'proactive';

export interface NewOutbound {
  shopId: number;
  accountId: number;
  conversationId: number;
  toJid: string;
  author: 'bot' | 'seller';
  text: string;
  /** JSON: the brain's decision summary, inReplyTo message ids, media. */
  meta: string | null;
  channelMessageId: string;
  /** draft: stored awaiting the seller, no outbox row. */
  draft: boolean;
  /** Default reply. A proactive message keeps the strict send budget whenever it goes. */
  kind?: OutboundKind;
  /** The stored message's kind (default text): a photo the seller sends is an image. */
  messageKind?: MessageKind;
}
