import type { HeatCell, ResponseTimes } from '../../../shared/domain/analytics';
import { BotFlag, type ScannedMessage, Sender } from './message-scan';
import type { OffsetStretch } from './zone';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

/** What one conversation did in the period, from its messages. */
export interface ConversationActivity {
  /** The customer wrote in the period. */
  wrote: boolean;
  sellerWrote: boolean;
  /** BotFlag bits of every bot reply, or-ed. */
  flags: number;
  /** The language the bot detected last. */
  language: string | null;
  /** The conversation's number when the source knows it (rollups); else conversation-figures.ts reads it. */
  accountId?: number | null;
}

export interface MessageFigures {
  perDay: Map<string, { messagesIn: number; messagesOut: number }>;
  busyHours: HeatCell[];
  messagesIn: number;
  messagesOut: number;
  botReplies: number;
  sellerReplies: number;
  responseTimes: { bot: ResponseTimes; seller: ResponseTimes };
  conversations: Map<number, ConversationActivity>;
  /** Conversations in which the bot named each product (its first SKU on a reply). */
  productConversations: Map<string, Set<number>>;
}

/** The value at fraction q of an ascending list (nearest rank), or null for an empty one. */
export function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1]!;
}

const summarise = (seconds: number[]): ResponseTimes => {
  const sorted = seconds.sort((a, b) => a - b);
  return { count: sorted.length, medianSeconds: quantile(sorted, 0.5), p90Seconds: quantile(sorted, 0.9) };
};

/** UTC offset (minutes) at an instant, from the period's stretches. */
function offsetAt(ms: number, stretches: readonly OffsetStretch[], bounds: readonly number[]): number {
  for (let i = 0; i < bounds.length; i++) if (ms < bounds[i]!) return stretches[i]!.offsetMinutes;
  return stretches.at(-1)!.offsetMinutes;
}

/**
 * One pass over the period's messages in time order: per-day counts, the weekday × hour heat map of
 * customer messages, reply counts, what each conversation did, and first-response times — from the
 * first customer message no reply has answered yet to the next message sent to the customer, by
 * who sent it (both ends in the period).
 */
export function messageFigures(messages: readonly ScannedMessage[], stretches: readonly OffsetStretch[]): MessageFigures {
  const bounds = stretches.slice(0, -1).map((s) => Date.parse(s.untilUtc!));
  const perDay = new Map<number, { messagesIn: number; messagesOut: number }>();
  const heat = new Map<number, number>();
  const waiting = new Map<number, number>();
  const conversations = new Map<number, ConversationActivity>();
  const productConversations = new Map<string, Set<number>>();
  const bot: number[] = [];
  const seller: number[] = [];
  const totals = { messagesIn: 0, messagesOut: 0, botReplies: 0, sellerReplies: 0 };
  for (const [c, sender, at, flags, language, sku] of messages) {
    const local = at + offsetAt(at, stretches, bounds) * MINUTE;
    const dayNumber = Math.floor(local / DAY);
    let counts = perDay.get(dayNumber);
    if (!counts) perDay.set(dayNumber, (counts = { messagesIn: 0, messagesOut: 0 }));
    let activity = conversations.get(c);
    if (!activity) conversations.set(c, (activity = { wrote: false, sellerWrote: false, flags: 0, language: null }));
    if (sender === Sender.Customer) {
      counts.messagesIn++;
      totals.messagesIn++;
      activity.wrote = true;
      // 1970-01-01 was a Thursday (weekday 4).
      const key = ((dayNumber + 4) % 7) * 24 + Math.floor((local - dayNumber * DAY) / HOUR);
      heat.set(key, (heat.get(key) ?? 0) + 1);
      if (!waiting.has(c)) waiting.set(c, at);
      continue;
    }
    counts.messagesOut++;
    totals.messagesOut++;
    if (sender === Sender.Bot) {
      totals.botReplies++;
      activity.flags |= flags;
      if (language) activity.language = language;
      if (sku) {
        let set = productConversations.get(sku);
        if (!set) productConversations.set(sku, (set = new Set()));
        set.add(c);
      }
    } else {
      totals.sellerReplies++;
      activity.sellerWrote = true;
    }
    const since = waiting.get(c);
    if (since !== undefined) {
      (sender === Sender.Bot ? bot : seller).push(Math.round((at - since) / 1000));
      waiting.delete(c);
    }
  }
  return {
    ...totals,
    perDay: new Map([...perDay].map(([n, counts]) => [new Date(n * DAY).toISOString().slice(0, 10), counts])),
    busyHours: [...heat].sort(([a], [b]) => a - b).map(([key, count]) => ({ weekday: Math.floor(key / 24), hour: key % 24, count })),
    responseTimes: { bot: summarise(bot), seller: summarise(seller) },
    conversations,
    productConversations,
  };
}

export { BotFlag };
