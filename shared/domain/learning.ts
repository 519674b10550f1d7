import { z } from 'zod';
import { Id, IsoTime } from './schemas';

/** The four selling strategies the bandit chooses between, per shop × segment. */
export const Strategy = z.enum(['consultative', 'scarcity', 'emotional', 'rational']);
export type Strategy = z.infer<typeof Strategy>;

export const BanditAlgorithm = z.enum(['thompson', 'epsilon_greedy']);

/** One strategy's record in one segment (new / returning × language). */
export const StrategyStat = z.object({
  segment: z.string(),
  strategy: Strategy,
  tries: z.number().int().nonnegative(),
  orders: z.number().int().nonnegative(),
  rate: z.number().min(0).max(1),
  /** 95 % interval of the rate. */
  low: z.number().min(0).max(1),
  high: z.number().min(0).max(1),
});
export type StrategyStat = z.infer<typeof StrategyStat>;

/** A learned knowledge entry waiting for (or past) the seller's decision, with where it came from. */
export const LearnedEntry = z.object({
  knowledgeId: Id,
  question: z.string(),
  answer: z.string(),
  keywords: z.array(z.string()),
  status: z.enum(['active', 'pending', 'dismissed']),
  kind: z.enum(['qa', 'objection']),
  category: z.string(),
  confidence: z.number().min(0).max(1),
  /** How many sales said the same thing (near-duplicates merged into this entry). */
  support: z.number().int().positive(),
  conversationId: Id.nullable(),
  createdAt: IsoTime,
});
export type LearnedEntry = z.infer<typeof LearnedEntry>;

/** A periodic job whose last run failed (Settings shows them). */
export const JobFailure = z.object({
  id: Id,
  kind: z.string(),
  key: z.string(),
  state: z.enum(['pending', 'failed']),
  attempts: z.number().int().nonnegative(),
  lastError: z.string(),
  lastRunAt: IsoTime.nullable(),
  nextRunAt: IsoTime,
});
export type JobFailure = z.infer<typeof JobFailure>;

/** What Souqbot remembers about a customer (the inbox side panel shows and edits it). */
export const CustomerProfile = z.object({
  contactId: Id,
  name: z.string().nullable(),
  phone: z.string().nullable(),
  wilaya: z.string().nullable(),
  commune: z.string().nullable(),
  address: z.string().nullable(),
  language: z.string().nullable(),
  orders: z.number().int().nonnegative(),
  /** Products the customer asked about, most recent first. */
  interests: z.array(z.string()),
  lastInteractionAt: IsoTime.nullable(),
});
export type CustomerProfile = z.infer<typeof CustomerProfile>;

const Field = z.string().trim().max(300).nullable();
/** The seller's edit of a profile: each field optional, null clears it. */
export const CustomerProfilePatch = z
  .object({ name: Field, phone: Field, wilaya: Field, commune: Field, address: Field })
  .partial()
  .strict();
export type CustomerProfilePatch = z.infer<typeof CustomerProfilePatch>;

/** A customer who asked not to be written to (no follow-up reaches them until the seller opts them back in). */
export const OptedOutCustomer = z.object({
  contactId: Id,
  name: z.string().nullable(),
  phone: z.string().nullable(),
  since: IsoTime,
  /** The customer's words that opted them out, when still stored. */
  text: z.string().nullable(),
  conversationId: Id.nullable(),
});
export type OptedOutCustomer = z.infer<typeof OptedOutCustomer>;
