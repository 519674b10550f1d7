import { z } from 'zod';
import { LlmNotice } from './notices';
import { Id, IsoTime } from './schemas';

/** A ready-made endpoint: the Sales settings page fills base URL and model from it. */
export const LlmPreset = z.object({
  id: z.string(),
  label: z.string(),
  baseUrl: z.string(),
  defaultModel: z.string(),
  /** Cloud endpoints need a key; local servers (Ollama, LM Studio) do not. */
  needsApiKey: z.boolean(),
  /** One line for the seller: where to get a key or how to start the server. */
  hint: z.string(),
});
export type LlmPreset = z.infer<typeof LlmPreset>;

/** The outcome of `settings/test-llm`, in plain words. The key is never part of it. */
export const LlmTestResult = z.object({
  ok: z.boolean(),
  /** English, for logs and scripts; the page shows `notice` in the seller's language. */
  message: z.string(),
  notice: LlmNotice,
  latencyMs: z.number().nonnegative(),
  model: z.string(),
  /** Requests a local server answered at once when measured (absent for hosted APIs and failures). */
  concurrency: z.number().int().positive().optional(),
});
export type LlmTestResult = z.infer<typeof LlmTestResult>;

/** Today's LLM spend for a shop against its cap. */
export const LlmUsage = z.object({
  day: z.string(),
  tokens: z.number().int().nonnegative(),
  requests: z.number().int().nonnegative(),
  dailyTokenCap: z.number().int().nonnegative(),
  capReached: z.boolean(),
});
export type LlmUsage = z.infer<typeof LlmUsage>;

/** Whether the shop's AI model answers: null `failingSince` when it does (or none is set up). */
export const LlmHealth = z.object({
  shopId: Id,
  /** When the current run of failures began; the seller is warned from then on. */
  failingSince: IsoTime.nullable(),
  problem: LlmNotice.nullable(),
});
export type LlmHealth = z.infer<typeof LlmHealth>;
