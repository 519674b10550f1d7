import type { WhatsAppNotice } from '../../../shared/domain/notices';
import type { OutgoingMedia } from '../../../shared/domain/brain';
import type { AccountStatus, ChannelKind, MessageKind } from '../../../shared/domain/schemas';

/**
 * The channel-agnostic message shapes. Baileys types stop at channels/whatsapp/; the pipeline
 * speaks only these.
 */
export interface NormalizedInbound {
  accountId: number;
  /** The channel's own message id (WhatsApp key.id): unique per account, the duplicate guard. */
  channelMessageId: string;
  /** Sender address: a phone JID such as 213550000001@s.whatsapp.net (LID already mapped). */
  from: string;
  fromName?: string | null;
  kind: MessageKind;
  /** Text or caption; empty for media without caption. */
  text: string;
  /** When the customer sent it (ISO). */
  at: string;
  quotedChannelMessageId?: string | null;
  /** Local path of downloaded media, if any. */
  mediaPath?: string | null;
  /** A document's own name as the sender gave it (shown and offered as the download name; never a path). */
  mediaFileName?: string | null;
  /** History-sync or catch-up context: stored, never answered. */
  contextOnly?: boolean;
}

/** A message the seller's own phone sent (a fromMe echo), observed by the channel. */
export interface OwnMessageEcho {
  accountId: number;
  channelMessageId: string;
  to: string;
  text: string;
  at: string;
}

export interface OutboundMessage {
  accountId: number;
  to: string;
  /** Chosen by the pipeline before sending and stored with the outbox row; re-sends reuse it. */
  channelMessageId: string;
  text: string;
  media?: OutgoingMedia | null;
}

export type DeliveryStatus = 'sent' | 'delivered' | 'read' | 'failed';

/** A send failure; `transient` ones are retried with backoff, others fail the row at once. */
export class ChannelSendError extends Error {
  constructor(
    message: string,
    readonly transient: boolean,
  ) {
    super(message);
    this.name = 'ChannelSendError';
  }
}

/** What the pipeline needs from a channel to send. */
export interface Channel {
  readonly kind: ChannelKind;
  send(message: OutboundMessage): Promise<void>;
  /** Shows "typing…" to the customer for about `ms`; best effort. */
  typing?(accountId: number, to: string, ms: number): Promise<void>;
  /** Marks the customer's messages read (blue ticks); best effort. */
  markRead?(accountId: number, from: string, channelMessageIds: string[]): Promise<void>;
}

/** A stored inbound message: its row id, and whether it was stored already (a redelivery). */
export interface AcceptAck {
  messageId: number;
  duplicate: boolean;
}

/** What a channel calls on the pipeline: everything it observes. */
export interface ChannelSink {
  /**
   * Stores a customer's message, group-committed with others that arrive at the same moment.
   * Resolves only after the commit that holds it: acknowledge the message to its sender then, never
   * before. Rejects when it was not stored (IntakePausedError: held durably until the disk has space).
   */
  accept(message: NormalizedInbound): Promise<AcceptAck>;
  /** The same, in a transaction of its own, synchronously (the seller's test phone wants the id at once). */
  acceptNow(message: NormalizedInbound): AcceptAck;
  ownEcho(echo: OwnMessageEcho): void;
  status(accountId: number, channelMessageId: string, status: DeliveryStatus, error?: string | null): void;
  accountStatus(accountId: number, status: AccountStatus, detail: WhatsAppNotice | null): void;
}
