// The SDK's error classes by name, so the openai package still loads only with the first LLM call.
import { isSdkError } from './retry';
import type { LlmHealth } from '../../../../shared/domain/llm';
import { type LlmNotice, llmNotice } from '../../../../shared/domain/notices';
import type { EventBus } from '../../events';
import type { Clock } from '../../ports';
import { MalformedOutputError } from './chat-client';

/** What went wrong with an LLM call, as a code the UI words for the seller (see describeLlmError for logs). */
export function llmProblem(err: unknown, baseUrl: string, timeoutMs: number): LlmNotice {
  let host: string;
  try {
    host = new URL(baseUrl).host;
  } catch {
    return llmNotice('bad_address');
  }
  if (isSdkError(err, 'APIConnectionTimeoutError')) return llmNotice('timeout', { host, seconds: Math.round(timeoutMs / 1000) });
  if (isSdkError(err, 'APIConnectionError')) return llmNotice('unreachable', { host });
  if (isSdkError(err, 'APIError')) {
    if (err.status === 401 || err.status === 403) return llmNotice('bad_key', { host });
    if (err.status === 404) return llmNotice('not_found', { host });
    if (err.status === 429) return llmNotice('rate_limited', { host });
    if (err.status !== undefined && err.status >= 500) return llmNotice('server_error', { host });
  }
  if (err instanceof MalformedOutputError) return llmNotice('bad_reply', { host });
  return llmNotice('other', { host });
}

/**
 * Per shop: since when the AI model has been failing. The first failure of a run starts the
 * clock and tells the UI (`llm/health`); the first answer after it clears the warning.
 * In memory on purpose: after a restart the next failure warns again.
 */
export function makeLlmHealth(deps: { clock: Clock; bus: EventBus }) {
  const failing = new Map<number, { since: string; problem: LlmNotice }>();
  const view = (shopId: number): LlmHealth => {
    const f = failing.get(shopId);
    return { shopId, failingSince: f?.since ?? null, problem: f?.problem ?? null };
  };
  return {
    failed(shopId: number, problem: LlmNotice): void {
      const known = failing.get(shopId);
      if (known && known.problem.code === problem.code) return;
      failing.set(shopId, { since: known?.since ?? deps.clock.now().toISOString(), problem });
      deps.bus.emit('llm/health', view(shopId));
    },
    succeeded(shopId: number): void {
      if (!failing.delete(shopId)) return;
      deps.bus.emit('llm/health', view(shopId));
    },
    get: view,
  };
}
export type LlmHealthTracker = ReturnType<typeof makeLlmHealth>;
