import type { BrainDecision } from '../../../../shared/domain/brain';
import type { Product } from '../../../../shared/domain/catalog';
import { type ChatClient, type ChatRequest, MalformedOutputError, type MakeChatClient } from './chat-client';
import { parseTurn } from './parse-decision';
import type { RawSlots } from './slots';
import { type RetryOptions, type TurnBudget, withRetries } from './retry';

export interface LlmEndpoint {
  baseUrl: string;
  apiKey: string | null;
  model: string;
}

export interface LlmBrainConfig {
  /** Builds the chat client for a shop's endpoint. */
  makeClient: MakeChatClient;
  /** One request's limit, in ms. */
  timeoutMs: number;
  /** How a failed request is tried again (a 4xx never is). */
  retry: RetryOptions;
  /** Completion tokens asked for at most, per request. */
  maxTokens: number;
  /** Sampling temperature sent with each request. */
  temperature: number;
  /** The fetch the clients use; default the global one. */
  fetch?: typeof fetch;
}

export interface LlmCall {
  endpoint: LlmEndpoint;
  messages: ChatRequest['messages'];
  /** Products the reply may attach a photo of, by SKU. */
  photoProducts: ReadonlyMap<string, Product>;
  /** Called with the tokens of every attempt, failed ones included: they are billed too. */
  onTokens(tokens: number): void;
  /** The turn's time budget, shared with any regeneration of the same turn. */
  budget?: TurnBudget;
}

/**
 * One LLM decision: the request, retried with backoff on transient failures and malformed JSON,
 * parsed and validated against BrainDecision. Throws when every attempt failed; the router then
 * lets the offline brain answer.
 */
export function makeLlmBrain(config: LlmBrainConfig) {
  // One SDK client per endpoint, so an endpoint that rejects response_format is learnt once.
  const clients = new Map<string, ChatClient>();
  const clientFor = (endpoint: LlmEndpoint): ChatClient => {
    const key = `${endpoint.baseUrl}\u0000${endpoint.model}\u0000${endpoint.apiKey ?? ''}`;
    let client = clients.get(key);
    if (!client) {
      client = config.makeClient({ ...endpoint, timeoutMs: config.timeoutMs, ...(config.fetch ? { fetch: config.fetch } : {}) });
      clients.set(key, client);
    }
    return client;
  };

  /** The decision and the order slots the model read (unchecked: the router checks them). */
  async function decideTurn(call: LlmCall): Promise<{ decision: BrainDecision; slots: RawSlots | null }> {
    const client = clientFor(call.endpoint);
    return withRetries(
      async (_attempt, signal) => {
        const request = { messages: call.messages, maxTokens: config.maxTokens, temperature: config.temperature, json: true };
        const result = await client.complete(signal ? { ...request, signal } : request);
        call.onTokens(result.tokens);
        try {
          return parseTurn(result.content, call.photoProducts);
        } catch (err) {
          if (err instanceof MalformedOutputError) throw new MalformedOutputError(err.message, result.tokens);
          throw err;
        }
      },
      config.retry,
      call.budget,
    );
  }

  return {
    decideTurn,
    async decide(call: LlmCall): Promise<BrainDecision> {
      return (await decideTurn(call)).decision;
    },
  };
}
