import type { LlmTestResult } from '../../../shared/domain/llm';
import { type LlmNotice, llmNotice } from '../../../shared/domain/notices';
import type { HandlerMap } from '../app';
import {
  LLM_PRESETS,
  type MakeChatClient,
  type SpendCap,
  apiKeySecretName,
  describeLlmError,
  endpointNeedsKey,
  llmProblem,
  makeOpenAiChatClient,
  redactSecrets,
  shopDay,
} from '../brain';
import type { CoreContext } from '../context';
import { requireShop } from '../shops';
import { measureConcurrency } from './concurrency-probe';

const hostOf = (url: string): string | null => {
  try {
    return new URL(url.trim()).host.toLowerCase();
  } catch {
    return null;
  }
};

export interface LlmSettingsDeps {
  /** Core's LLM caps (built once by create-core): the test call is counted where the brain counts. */
  spendCap: SpendCap;
  /** Builds the chat client the connection test uses; default the OpenAI-compatible client. */
  makeClient?: MakeChatClient;
  /** How long the connection test waits for the endpoint, in ms. Default 15 s. */
  testTimeoutMs?: number;
  /** Measure a local server's parallelism after a successful test (default on). */
  probeConcurrency?: boolean;
}

/** The smallest useful completion: the test and the concurrency probe both send it. */
const PROBE_REQUEST = {
  messages: [{ role: 'user' as const, content: 'Reply with the single word OK.' }],
  maxTokens: 5,
  temperature: 0,
  json: false,
};

/** The Sales settings page's LLM calls. */
export function llmSettingsHandlers(ctx: CoreContext, deps: LlmSettingsDeps): HandlerMap {
  const makeClient = deps.makeClient ?? makeOpenAiChatClient;
  const timeoutMs = deps.testTimeoutMs ?? 15_000;
  const probeConcurrency = deps.probeConcurrency ?? true;
  const { spendCap } = deps;

  /**
   * A server on this computer or the LAN: how many turns it answers at once, kept with its address
   * for the turn gates (pipeline/endpoint-limits.ts). A failed probe keeps the default by kind.
   */
  async function measureLocal(shopId: number, baseUrl: string, request: () => Promise<unknown>): Promise<number | undefined> {
    if (endpointNeedsKey(baseUrl) || !probeConcurrency) return undefined;
    try {
      const turns = await measureConcurrency(request);
      await ctx.repos.settings.update(shopId, { llm: { measuredConcurrency: { baseUrl, turns } } }, ctx.clock.now().toISOString());
      ctx.bus.emit('settings/changed', { shopId }); // the cached settings the turn gates read
      return turns;
    } catch (err) {
      ctx.logger.info({ shopId, reason: describeLlmError(err, baseUrl, timeoutMs) }, 'LLM concurrency probe failed');
      return undefined;
    }
  }

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
      await client.complete(PROBE_REQUEST);
      const latencyMs = Math.round(performance.now() - started);
      const concurrency = await measureLocal(shopId, baseUrl, () => client.complete(PROBE_REQUEST));
      return {
        ok: true,
        message: `Connected: ${model} answered in ${latencyMs} ms${concurrency ? `, ${concurrency} at once` : ''}.`,
        notice: llmNotice('test_connected', { model, ms: latencyMs }),
        latencyMs,
        model,
        ...(concurrency && { concurrency }),
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
  };
}
