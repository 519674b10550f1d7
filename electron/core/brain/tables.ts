import type { Generated } from 'kysely';

/** LLM tokens and requests spent per shop and day (0006). */
export interface LlmUsageTable {
  shop_id: number;
  day: string;
  tokens: Generated<number>;
  requests: Generated<number>;
}

/** LLM-answered messages per contact and day (0006): the per-customer budget. */
export interface LlmContactUsageTable {
  shop_id: number;
  contact_id: number;
  day: string;
  messages: Generated<number>;
}

/** What the guardrails caught in a reply, and what they did (0006). */
export interface GuardrailViolationsTable {
  id: Generated<number>;
  shop_id: number;
  conversation_id: number | null;
  source: string;
  kind: string;
  detail: string;
  fragment: string;
  reply: string;
  action: string;
  created_at: string;
}

/** The tables this domain owns, as core's `Database` (electron/core/database.ts) lists them. */
export interface BrainTables {
  llm_usage: LlmUsageTable;
  llm_contact_usage: LlmContactUsageTable;
  guardrail_violations: GuardrailViolationsTable;
}
