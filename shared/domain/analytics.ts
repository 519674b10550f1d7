import { z } from 'zod';
import { EscalationCode } from './notices';

/** A calendar day in the shop's time zone, `YYYY-MM-DD`. */
export const LocalDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A day is written YYYY-MM-DD');
export type LocalDay = z.infer<typeof LocalDay>;

const Count = z.number().int().nonnegative();
const Amount = z.number();
/** 0..1, or null when there is nothing to divide by (no conversations yet). */
const Rate = z.number().min(0).max(1).nullable();

/** The headline figures of one period; the same shape for the previous period (comparison). */
export const AnalyticsKpis = z.object({
  /** Sum of order totals (cancelled and returned orders excluded). */
  revenue: Amount,
  orders: Count,
  ordersByBot: Count,
  ordersBySeller: Count,
  revenueByBot: Amount,
  revenueBySeller: Amount,
  averageOrderValue: Amount.nullable(),
  /** Delivered orders: the cash collected, or the total when the seller did not record it. */
  cashCollected: Amount,
  deliveredOrders: Count,
  /** Conversations in which the customer wrote during the period. */
  conversations: Count,
  conversionRate: Rate,
  /** Conversations with no seller message and no escalation. */
  autoResolutionRate: Rate,
  escalationRate: Rate,
  escalations: Count,
  guardrailInterventions: Count,
  messagesIn: Count,
  messagesOut: Count,
  botReplies: Count,
  sellerReplies: Count,
  /** Bot replies × the seller's typing time per reply. */
  timeSavedMinutes: z.number().nonnegative(),
});
export type AnalyticsKpis = z.infer<typeof AnalyticsKpis>;

export const ResponseTimes = z.object({
  count: Count,
  medianSeconds: z.number().nonnegative().nullable(),
  p90Seconds: z.number().nonnegative().nullable(),
});
export type ResponseTimes = z.infer<typeof ResponseTimes>;

export const Funnel = z.object({
  conversations: Count,
  askedPrice: Count,
  startedOrder: Count,
  confirmed: Count,
  delivered: Count,
});
export type Funnel = z.infer<typeof Funnel>;

export const ConversionRow = z.object({ key: z.string(), label: z.string(), conversations: Count, orders: Count, rate: Rate });
export type ConversionRow = z.infer<typeof ConversionRow>;

export const DayRow = z.object({ day: LocalDay, messagesIn: Count, messagesOut: Count, orders: Count, revenue: Amount });
export type DayRow = z.infer<typeof DayRow>;

/** Customer messages by weekday (0 = Sunday … 6 = Saturday) × hour (0–23), in the shop's time zone. */
export const HeatCell = z.object({ weekday: z.number().int().min(0).max(6), hour: z.number().int().min(0).max(23), count: Count });
export type HeatCell = z.infer<typeof HeatCell>;

/** Why the bot handed a conversation over: core's escalation codes (notices.ts), worded by the renderer. */
export const EscalationReason = EscalationCode;
export type EscalationReason = z.infer<typeof EscalationReason>;

export const ProductDemand = z.object({
  sku: z.string(),
  name: z.string(),
  /** Conversations in which the bot answered about this product. */
  requests: Count,
  /** Units ordered in the period. */
  unitsOrdered: Count,
  /** Current stock (null: not tracked). */
  stock: z.number().int().nullable(),
});
export type ProductDemand = z.infer<typeof ProductDemand>;

export const UnansweredQuestion = z.object({ text: z.string(), count: Count, lastAskedAt: z.string() });
export type UnansweredQuestion = z.infer<typeof UnansweredQuestion>;

/** Filled by the learning domain when its tables exist; absent otherwise (the page hides the section). */
export const FollowUpFigures = z.object({
  sent: Count,
  recovered: Count,
  recoveredRevenue: Amount,
  strategies: z.array(z.object({ strategy: z.string(), conversations: Count, orders: Count, rate: Rate })),
});
export type FollowUpFigures = z.infer<typeof FollowUpFigures>;

export const AnalyticsOverview = z.object({
  period: z.object({ from: LocalDay, to: LocalDay, timeZone: z.string(), fromUtc: z.string(), toUtc: z.string(), days: Count }),
  previous: z.object({ from: LocalDay, to: LocalDay }).nullable(),
  currency: z.string(),
  typingSeconds: z.number().nonnegative(),
  kpis: AnalyticsKpis,
  previousKpis: AnalyticsKpis.nullable(),
  funnel: Funnel,
  byLanguage: z.array(ConversionRow),
  byAccount: z.array(ConversionRow),
  responseTimes: z.object({ bot: ResponseTimes, seller: ResponseTimes }),
  escalationReasons: z.array(z.object({ reason: EscalationReason, count: Count })),
  guardrails: z.array(z.object({ kind: z.string(), count: Count })),
  days: z.array(DayRow),
  busyHours: z.array(HeatCell),
  topProducts: z.array(ProductDemand),
  outOfStock: z.array(ProductDemand),
  unanswered: z.array(UnansweredQuestion),
  followUps: FollowUpFigures.nullable(),
});
export type AnalyticsOverview = z.infer<typeof AnalyticsOverview>;

export const ExportKind = z.enum(['orders', 'conversations', 'contacts', 'metrics']);
export type ExportKind = z.infer<typeof ExportKind>;
