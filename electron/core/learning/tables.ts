import type { Generated } from 'kysely';

/** Kysely table types of the learning domain (migrations 0030–0034, 0055). Booleans are 0/1 integers. */

/** Core's durable jobs (0030): one row per (kind, unique_key), repeating when every_ms is set. */
export interface JobsTable {
  id: Generated<number>;
  kind: string;
  unique_key: string;
  shop_id: number | null;
  payload: Generated<string>;
  run_at: string;
  every_ms: number | null;
  state: Generated<'pending' | 'failed'>;
  attempts: Generated<number>;
  last_error: string | null;
  last_run_at: string | null;
  created_at: string;
}

/** The one follow-up sent in a conversation (0031). */
export interface FollowUpsTable {
  conversation_id: number;
  shop_id: number;
  contact_id: number;
  message_id: number | null;
  sku: string | null;
  discount_percent: Generated<number>;
  created_at: string;
}

/** A customer who said stop (0031), and when they came back (0055). */
export interface OptOutsTable {
  contact_id: number;
  shop_id: number;
  message_id: number | null;
  created_at: string;
  lifted_at: string | null;
  lifted_after_message_id: number | null;
}

/** The bandit's counts per (shop, segment, strategy) (0032). */
export interface BanditArmsTable {
  shop_id: number;
  segment: string;
  strategy: string;
  tries: Generated<number>;
  orders: Generated<number>;
}

/** The strategy the bandit picked for a conversation, rewarded once when it orders (0032). */
export interface StrategyChoicesTable {
  conversation_id: number;
  shop_id: number;
  segment: string;
  strategy: string;
  rewarded: Generated<number>;
  created_at: string;
}

/** Conversations the analyzer has read, and how many question/answer pairs it found (0033). */
export interface AnalyzedConversationsTable {
  conversation_id: number;
  shop_id: number;
  pairs: Generated<number>;
  analyzed_at: string;
}

/** Where a learned knowledge row came from (0033). */
export interface LearnedSourcesTable {
  knowledge_id: number;
  shop_id: number;
  kind: string;
  category: string;
  confidence: number;
  support: Generated<number>;
  conversation_id: number | null;
  created_at: string;
}

/** What the shop knows of a returning customer (0034). */
export interface CustomerProfilesTable {
  contact_id: number;
  shop_id: number;
  name: string | null;
  phone: string | null;
  wilaya: string | null;
  commune: string | null;
  address: string | null;
  language: string | null;
  /** JSON list of skus and categories asked about. */
  interests: Generated<string>;
  reorder_offered_in: number | null;
  reorder_offered_at: string | null;
  last_interaction_at: string | null;
  updated_at: string;
}

/** The tables this domain owns, as core's `Database` (electron/core/database.ts) lists them. */
export interface LearningTables {
  jobs: JobsTable;
  follow_ups: FollowUpsTable;
  opt_outs: OptOutsTable;
  bandit_arms: BanditArmsTable;
  strategy_choices: StrategyChoicesTable;
  analyzed_conversations: AnalyzedConversationsTable;
  learned_sources: LearnedSourcesTable;
  customer_profiles: CustomerProfilesTable;
}
