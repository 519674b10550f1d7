import OpenAI from 'openai';
import { MalformedOutputError } from './chat-client';

export interface RetryOptions {
  /** Total tries, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** 429, 5xx, timeouts, dropped connections and malformed answers may pass; a 4xx will not. */
export function isTransient(err: unknown): boolean {
  if (err instanceof MalformedOutputError) return true;
  if (err instanceof OpenAI.APIConnectionError) return true;
  if (err instanceof OpenAI.APIError) return err.status === undefined || err.status === 408 || err.status === 409 || err.status === 429 || err.status >= 500;
  return false;
}

function retryAfterMs(err: unknown): number | null {
  if (!(err instanceof OpenAI.APIError) || !err.headers) return null;
  const value = err.headers.get('retry-after-ms') ?? null;
  if (value && Number.isFinite(Number(value))) return Number(value);
  const seconds = err.headers.get('retry-after');
  return seconds && Number.isFinite(Number(seconds)) ? Number(seconds) * 1000 : null;
}

/** Runs `fn` until it succeeds, a permanent error occurs, or the attempts run out (exponential backoff). */
export async function withRetries<T>(fn: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const sleep = options.sleep ?? defaultSleep;
  let lastError: unknown;
  for (let attempt = 1; attempt <= options.attempts; attempt++) {
    try {
      return await fn(attempt);
    } catch (err) {
      lastError = err;
      if (!isTransient(err) || attempt === options.attempts) break;
      const backoff = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
      const told = retryAfterMs(err);
      await sleep(Math.min(options.maxDelayMs, told ?? backoff));
    }
  }
  throw lastError;
}

/** What went wrong, in words a shop owner can act on. The caller redacts secrets. */
export function describeLlmError(err: unknown, baseUrl: string, timeoutMs: number): string {
  let host: string;
  try {
    host = new URL(baseUrl).host;
  } catch {
    return `"${baseUrl}" is not a valid address. It should look like https://api.openai.com/v1.`;
  }
  if (err instanceof OpenAI.APIConnectionTimeoutError) return `${host} did not answer within ${Math.round(timeoutMs / 1000)} s.`;
  if (err instanceof OpenAI.APIConnectionError) return `Could not reach ${host}. Is the address right and the server running?`;
  if (err instanceof OpenAI.APIError) {
    const said = err.message ? ` The endpoint said: ${err.message.slice(0, 200)}` : '';
    if (err.status === 401 || err.status === 403) return `${host} refused the API key (${err.status}). Check the key.${said}`;
    if (err.status === 404) return `${host} does not know this address or model (404). Check the base URL and the model name.${said}`;
    if (err.status === 429) return `${host} is rate-limiting or out of credit (429). Try again later or check your plan.${said}`;
    if (err.status !== undefined && err.status >= 500) return `${host} had a server error (${err.status}). Try again later.${said}`;
    return `${host} rejected the request (${err.status ?? 'no status'}).${said}`;
  }
  if (err instanceof MalformedOutputError) return `${host} answered, but not with a usable reply: ${err.message}`;
  return `The request to ${host} failed: ${err instanceof Error ? err.message : String(err)}`;
}
