import type OpenAI from 'openai';

/** One chat completion request, reduced to what the brain needs. */
export interface ChatRequest {
  messages: Array<{ role: 'system' | 'user' | 'assistant'; content: string }>;
  maxTokens: number;
  temperature: number;
  /** Ask for a JSON object (response_format). Dropped when the endpoint rejects it. */
  json: boolean;
  /** Aborts the request (the turn's time budget ran out). */
  signal?: AbortSignal;
}

export interface ChatResult {
  content: string;
  /** Prompt + completion tokens as the endpoint reports them (estimated when it does not). */
  tokens: number;
}

export interface ChatClient {
  complete(request: ChatRequest): Promise<ChatResult>;
}

export interface ChatClientConfig {
  /** The OpenAI-compatible endpoint, e.g. https://api.openai.com/v1 or a local server's /v1. */
  baseUrl: string;
  /** The shop's key for it; null for a local server that asks none. */
  apiKey: string | null;
  /** The model name the endpoint serves. */
  model: string;
  /** One request's limit, in ms; the brain's turn budget bounds the whole. */
  timeoutMs: number;
  /** The fetch the SDK uses; default the global one (tests point it at a local server). */
  fetch?: typeof fetch;
}

export type MakeChatClient = (config: ChatClientConfig) => ChatClient;

/** Rough token estimate for endpoints that report no usage (local servers sometimes do not). */
const estimateTokens = (text: string) => Math.ceil(text.length / 3.5);

/**
 * The `openai` SDK against any OpenAI-compatible endpoint. The SDK's own retries are off: the brain
 * retries with its own backoff so tests control the timing and a 4xx is never retried.
 */
export const makeOpenAiChatClient: MakeChatClient = (config) => {
  // The SDK loads on the first request (a shop with no LLM configured never pays for it at start).
  let sdk: Promise<{ OpenAI: typeof OpenAI; client: OpenAI }> | null = null;
  const connect = () =>
    (sdk ??= import('openai').then(({ default: Sdk }) => ({
      OpenAI: Sdk,
      client: new Sdk({
        baseURL: config.baseUrl.replace(/\/+$/, ''),
        // Local servers need no key, but the SDK insists on one; they ignore the header.
        apiKey: config.apiKey || 'no-key',
        maxRetries: 0,
        timeout: config.timeoutMs,
        ...(config.fetch ? { fetch: config.fetch } : {}),
      }),
    })));
  let jsonSupported = true;
  const create = async (request: ChatRequest, json: boolean) =>
    (await connect()).client.chat.completions.create(
      {
        model: config.model,
        messages: request.messages,
        max_tokens: request.maxTokens,
        temperature: request.temperature,
        ...(json ? { response_format: { type: 'json_object' as const } } : {}),
      },
      request.signal ? { signal: request.signal } : undefined,
    );
  return {
    async complete(request) {
      const wantJson = request.json && jsonSupported;
      let completion;
      try {
        completion = await create(request, wantJson);
      } catch (err) {
        // LM Studio and some gateways reject json_object; the prompt still asks for JSON.
        const { OpenAI: Sdk } = await connect();
        if (wantJson && err instanceof Sdk.APIError && err.status === 400 && /response_format|json/i.test(err.message)) {
          jsonSupported = false;
          completion = await create(request, false);
        } else {
          throw err;
        }
      }
      const content = completion.choices?.[0]?.message?.content;
      if (typeof content !== 'string') throw new MalformedOutputError('The endpoint answered without a message.');
      const prompt = request.messages.reduce((n, m) => n + estimateTokens(m.content), 0);
      const tokens = completion.usage?.total_tokens ?? prompt + estimateTokens(content);
      return { content, tokens };
    },
  };
};

/** The endpoint answered, but not with what was asked for. Retried like a transient failure. */
export class MalformedOutputError extends Error {
  constructor(
    message: string,
    readonly tokens = 0,
  ) {
    super(message);
    this.name = 'MalformedOutputError';
  }
}
