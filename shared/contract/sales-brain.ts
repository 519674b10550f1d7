import { z } from 'zod';
import { ViolationRecord } from '../domain/guardrails';
import { LlmHealth, LlmPreset, LlmTestResult, LlmUsage } from '../domain/llm';
import { Id } from '../domain/schemas';
import { call, event } from './define';

/** The LLM endpoint and the guardrails' record, for the Sales settings page and the seller. */
export const salesBrainCalls = {
  'settings/list-llm-presets': call(
    'Ready-made LLM endpoints (OpenRouter, OpenAI, Ollama, LM Studio) with base URL and default model.',
    z.object({}).strict(),
    z.array(LlmPreset),
  ),
  'settings/test-llm': call(
    "Check an LLM endpoint with a tiny request; fields left out use the shop's saved settings. Reports ok or the error in plain words, never the key.",
    z
      .object({
        shopId: Id,
        baseUrl: z.string().optional(),
        model: z.string().optional(),
        /** Write-only: tested, never stored by this call and never returned. */
        apiKey: z.string().optional(),
      })
      .strict(),
    LlmTestResult,
  ),
  'settings/get-llm-usage': call("Today's LLM token spend of a shop against its daily cap.", z.object({ shopId: Id }).strict(), LlmUsage),
  'settings/get-llm-health': call(
    "Whether the shop's AI model is answering, and since when it is failing if not.",
    z.object({ shopId: Id }).strict(),
    LlmHealth,
  ),
  'guardrails/list-violations': call(
    'The most recent replies the guardrails rejected, newest first, with what was sent instead.',
    z.object({ shopId: Id, limit: z.number().int().min(1).max(500).default(100) }).strict(),
    z.array(ViolationRecord),
  ),
} as const;

export const salesBrainEvents = {
  /** The shop's AI model started failing, or answers again. */
  'llm/health': event("The shop's AI model started failing, or answers again.", LlmHealth),
} as const;
