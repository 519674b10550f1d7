import type { LlmTestResult } from '../../../shared/domain/llm';
import { type LlmNotice, llmNotice } from '../../../shared/domain/notices';
import { llmProblem } from '../brain';
import type { HandlerMap } from '../app';
import { makeViolationsRepo } from '../brain/guardrails/violations-repo';
import { type MakeChatClient, makeOpenAiChatClient } from '../brain/llm/chat-client';
import { LLM_PRESETS, endpointNeedsKey } from '../brain/llm/presets';
import { redactSecrets } from '../brain/llm/redact';
import { describeLlmError } from '../brain/llm/retry';
import { makeSpendCap, shopDay } from '../brain/usage/spend-cap';
import { makeUsageRepo } from '../brain/usage/usage-repo';
import type { CoreContext } from '../context';
import { requireShop } from '../shops/require-shop';
import { apiKeySecretName } from './app';

const hostOf = (url: string): string | null => {
  try {
    return new URL(url.trim()).host.toLowerCase();
  } catch {
    return null;
  }
};

export interface LlmSettingsDeps {
  makeClient?: MakeChatClient;
  testTimeoutMs?: number;
}

/** The Sales settings page's LLM calls and the guardrails' record. */
export function llmSettingsHandlers(ctx: CoreContext, deps: LlmSettingsDeps = {}): HandlerMap {
  const makeClient = deps.makeClient ?? makeOpenAiChatClient;
  const timeoutMs = deps.testTimeoutMs ?? 15_000;
  const spendCap = makeSpendCap(makeUsageRepo(ctx.store.sqlite));
  const violations = makeViolationsRepo(ctx.store.sqlite);

  async function testLlm(shopId: number, baseUrlIn?: string, modelIn?: string, apiKeyIn?: string): Promise<LlmTestResult> {
    const saved = await ctx.repos.settings.get(shopId);
    const baseUrl = (baseUrlIn ?? saved.llm.baseUrl).trim();
    const model = (modelIn ?? saved.llm.model).trim();
    // The saved key only ever goes to the saved endpoint's host: testing another address needs the
    // key typed again, so this call cannot be used to send the stored key somewhere else.
    const sameHost = hostOf(baseUrl) !== null && hostOf(baseUrl) === hostOf(saved.llm.baseUrl);
    const apiKey = apiKeyIn || (sameHost ? await ctx.secrets.get(apiKeySecretName(shopId)) : null);
    const fail = (notice: LlmNotice, message: string, latencyMs = 0): LlmTestResult => ({
      ok: false,
      message: redactSecrets(message, [apiKey]),
      notice,
      latencyMs,
      model,
    });
    if (!baseUrl) return fail(llmNotice('test_no_address'), 'No endpoint address is set. Choose a preset or type the base URL.');
    if (!model) return fail(llmNotice('test_no_model'), 'No model is set. Type the model name the endpoint serves.');
    if (endpointNeedsKey(baseUrl) && !apiKey) {
      return sameHost
        ? fail(llmNotice('test_needs_key'), 'This endpoint needs an API key; none is set.')
        : fail(
            llmNotice('test_needs_key_typed'),
            'This endpoint needs an API key: type it to test this address (the saved key is only sent to the saved address).',
          );
    }
    const started = performance.now();
    try {
      const client = makeClient({ baseUrl, apiKey, model, timeoutMs });
      await client.complete({
        messages: [{ role: 'user', content: 'Reply with the single word OK.' }],
        maxTokens: 5,
        temperature: 0,
        json: false,
      });
      const latencyMs = Math.round(performance.now() - started);
      return {
        ok: true,
        message: `Connected: ${model} answered in ${latencyMs} ms.`,
        notice: llmNotice('test_connected', { model, ms: latencyMs }),
        latencyMs,
        model,
      };
    } catch (err) {
      const message = describeLlmError(err, baseUrl, timeoutMs);
      ctx.logger.info({ shopId, reason: redactSecrets(message, [apiKey]) }, 'LLM test failed');
      return fail(llmProblem(err, baseUrl, timeoutMs), message, Math.round(performance.now() - started));
    }
  }

  return {
    'settings/list-llm-presets': () => [...LLM_PRESETS],
    'settings/test-llm': async ({ shopId, baseUrl, model, apiKey }) => {
      await requireShop(ctx, shopId);
      return testLlm(shopId, baseUrl, model, apiKey);
    },
    'settings/get-llm-usage': async ({ shopId }) => {
      await requireShop(ctx, shopId);
      const settings = await ctx.repos.settings.get(shopId);
      return spendCap.usage(shopId, shopDay(ctx.clock.now(), settings.facts.timeZone), settings.llm.dailyTokenCap);
    },
    'guardrails/list-violations': async ({ shopId, limit }) => {
      await requireShop(ctx, shopId);
      return violations.recent(shopId, limit);
    },
  };
}
