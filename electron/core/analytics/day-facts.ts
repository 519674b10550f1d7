import { type ScannedMessage, Sender } from './message-scan';
import type { OffsetStretch } from './zone';

const HOUR = 3_600_000;
const DAY = 86_400_000;
const MINUTE = 60_000;

/**
 * What one conversation did on one local day. The first reply of the day is kept apart from the
 * day's other response times: whether it answered a customer who started waiting on an earlier
 * day depends on those days (and on where the period starts), so the merge decides (rollup-figures.ts).
 */
export type ConversationDay = [
  conversationId: number,
  messagesIn: number,
  botReplies: number,
  sellerReplies: number,
  /** BotFlag bits of the day's bot replies, or-ed. */
  flags: number,
  /** The language the bot detected last that day. */
  language: string | null,
  /** The first customer message before the day's first reply (or of the day, without a reply): UTC ms. */
  firstWaitMs: number | null,
  /** The day's first message to the customer: UTC ms and sender. */
  firstReplyMs: number | null,
  firstReplySender: Sender.Bot | Sender.Seller | null,
  /** The customer is still waiting at the end of the day, since (UTC ms); null: answered. */
  endWaitMs: number | null,
  /** The conversation's number (conversations.account_id: fixed, it is half the conversation's key). */
  accountId: number | null,
];

/** Response times in whole seconds → how many, by sender: exact, since the figures round to seconds. */
export type SecondsHistogram = [seconds: number, count: number][];

/** One local day of one shop, as stored in analytics_days.facts. */
export interface DayFacts {
  /** Bumped when the shape or a rule changes: rows of another version are rebuilt. */
  v: number;
  conversations: ConversationDay[];
  /** weekday × 24 + local hour → customer messages. */
  heat: [key: number, count: number][];
  /** Response times within the day after each conversation's first reply. */
  responses: { bot: SecondsHistogram; seller: SecondsHistogram };
  /** Conversations in which the bot named each product (first SKU of a reply). */
  products: [sku: string, conversationIds: number[]][];
  /** Orders placed that day (order-figures.ts `ordersOfPeriod` over the day, with their UTC time). */
  orders: DayOrder[];
  /** Units ordered per SKU that day, lost orders left out (order-figures.ts `unitsOrdered`). */
  units: [sku: string, units: number][];
}

export type DayOrder = [
  id: number,
  conversationId: number | null,
  status: string,
  total: number,
  cashCollected: number | null,
  createdAt: string,
  bySeller: number,
];

export const DAY_FACTS_VERSION = 3;

function offsetAt(ms: number, stretches: readonly OffsetStretch[], bounds: readonly number[]): number {
  for (let i = 0; i < bounds.length; i++) if (ms < bounds[i]!) return stretches[i]!.offsetMinutes;
  return stretches.at(-1)!.offsetMinutes;
}

const histogram = (counts: Map<number, number>): SecondsHistogram => [...counts].sort(([a], [b]) => a - b);
const bump = <K>(map: Map<K, number>, key: K) => map.set(key, (map.get(key) ?? 0) + 1);

interface Working {
  row: ConversationDay;
  /** Waiting since (UTC ms), after the day's first reply. */
  waiting: number | null;
}

/**
 * The facts of one local day from its messages in time order (message-scan.ts over the day) —
 * the same rules as message-figures.ts, cut at the day's edges.
 */
export function dayFacts(
  messages: readonly ScannedMessage[],
  stretches: readonly OffsetStretch[],
  accountOf: (conversationIds: number[]) => ReadonlyMap<number, number>,
  orders: Pick<DayFacts, 'orders' | 'units'>,
): DayFacts {
  const bounds = stretches.slice(0, -1).map((s) => Date.parse(s.untilUtc!));
  const working = new Map<number, Working>();
  const heat = new Map<number, number>();
  const bot = new Map<number, number>();
  const seller = new Map<number, number>();
  const products = new Map<string, Set<number>>();
  for (const [c, sender, at, flags, language, sku] of messages) {
    let w = working.get(c);
    if (!w) working.set(c, (w = { row: [c, 0, 0, 0, 0, null, null, null, null, null, null], waiting: null }));
    const row = w.row;
    if (sender === Sender.Customer) {
      row[1]++;
      const local = at + offsetAt(at, stretches, bounds) * MINUTE;
      const dayNumber = Math.floor(local / DAY);
      // 1970-01-01 was a Thursday (weekday 4).
      bump(heat, ((dayNumber + 4) % 7) * 24 + Math.floor((local - dayNumber * DAY) / HOUR));
      if (row[7] === null) row[6] ??= at;
      else w.waiting ??= at;
      continue;
    }
    if (sender === Sender.Bot) {
      row[2]++;
      row[4] |= flags;
      if (language) row[5] = language;
      if (sku) {
        let set = products.get(sku);
        if (!set) products.set(sku, (set = new Set()));
        set.add(c);
      }
    } else row[3]++;
    if (row[7] === null) {
      row[7] = at;
      row[8] = sender;
    } else if (w.waiting !== null) {
      bump(sender === Sender.Bot ? bot : seller, Math.round((at - w.waiting) / 1000));
      w.waiting = null;
    }
  }
  const accounts = accountOf([...working.keys()]);
  const conversations = [...working.values()].map(({ row, waiting }) => {
    row[9] = row[7] === null ? row[6] : waiting;
    row[10] = accounts.get(row[0]) ?? null;
    return row;
  });
  return {
    v: DAY_FACTS_VERSION,
    conversations,
    heat: [...heat].sort(([a], [b]) => a - b),
    responses: { bot: histogram(bot), seller: histogram(seller) },
    products: [...products].map(([sku, set]) => [sku, [...set]]),
    ...orders,
  };
}
