import type { APIError } from 'openai';
import { MalformedOutputError } from './chat-client';

type SdkErrorClass = 'APIError' | 'APIConnectionError' | 'APIConnectionTimeoutError';

/**
 * Whether `err` is one of the openai SDK's error classes, by the class names on its prototype
 * chain: this module must not import the SDK (it loads on the first LLM call, not at start).
 */
export function isSdkError(err: unknown, name: 'APIError'): err is APIError;
export function isSdkError(err: unknown, name: SdkErrorClass): boolean;
export function isSdkError(err: unknown, name: SdkErrorClass): boolean {
  for (
    let proto = err instanceof Error ? Object.getPrototypeOf(err) : null;
    proto && proto !== Error.prototype;
    proto = Object.getPrototypeOf(proto)
  ) {
    if ((proto as { constructor?: { name?: string } }).constructor?.name === name) return true;
  }
  return false;
}

export interface RetryOptions {
  /** Total tries, the first included. */
  attempts: number;
  /** Wait after the first failed try, in ms; doubled after each further one. */
  baseDelayMs: number;
  /** Longest wait between two tries, in ms. */
  maxDelayMs: number;
  /** Waits between tries; default a real timer (tests resolve at once). */
  sleep?: (ms: number) => Promise<void>;
}

/**
 * The whole time one customer turn may spend on the LLM, across every try and wait: past it the
 * offline brain answers. `deadline` is on the `now` clock (a monotonic one: a virtual test clock
 * must not stretch it).
 */
export interface TurnBudget {
  deadline: number;
  now(): number;
  /** The budget as set, for the seller-facing message. */
  ms: number;
}

/** The turn's LLM time budget ran out before an answer came. */
export class BudgetExhaustedError extends Error {
  constructor(
    readonly budgetMs: number,
    readonly lastError: unknown,
  ) {
    super(`No LLM answer within the ${Math.round(budgetMs / 1000)} s reply budget`);
    this.name = 'BudgetExhaustedError';
  }
}

/** A signal that aborts when the budget runs out, and how to stop its timer. */
function budgetSignal(budget: TurnBudget): { signal: AbortSignal; done(): void } {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), Math.max(0, budget.deadline - budget.now()));
  return { signal: controller.signal, done: () => clearTimeout(timer) };
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** 429, 5xx, timeouts, dropped connections and malformed answers may pass; a 4xx will not. */
function isTransient(err: unknown): boolean {
  if (err instanceof MalformedOutputError) return true;
  if (isSdkError(err, 'APIConnectionError')) return true;
  if (isSdkError(err, 'APIError'))
    return err.status === undefined || err.status === 408 || err.status === 409 || err.status === 429 || err.status >= 500;
  return false;
}

function retryAfterMs(err: unknown): number | null {
  if (!isSdkError(err, 'APIError') || !err.headers) return null;
  const value = err.headers.get('retry-after-ms') ?? null;
  if (value && Number.isFinite(Number(value))) return Number(value);
  const seconds = err.headers.get('retry-after');
  return seconds && Number.isFinite(Number(seconds)) ? Number(seconds) * 1000 : null;
}

/**
 * Runs `fn` until it succeeds, a permanent error occurs, or the attempts run out (exponential
 * backoff). With a budget, each try gets a signal that aborts when the budget runs out, and no
 * wait outlasts it: the whole run ends by the deadline with BudgetExhaustedError.
 */
export async function withRetries<T>(
  fn: (attempt: number, signal?: AbortSignal) => Promise<T>,
  options: RetryOptions,
  budget?: TurnBudget,
): Promise<T> {
  const sleep = options.sleep ?? defaultSleep;
  const left = () => (budget ? budget.deadline - budget.now() : Infinity);
  let lastError: unknown;
  for (let attempt = 1; attempt <= options.attempts; attempt++) {
    if (budget && left() <= 0) throw new BudgetExhaustedError(budget.ms, lastError);
    const guard = budget ? budgetSignal(budget) : null;
    try {
      return await fn(attempt, guard?.signal);
    } catch (err) {
      lastError = err;
      if (budget && (guard?.signal.aborted || left() <= 0)) throw new BudgetExhaustedError(budget.ms, err);
      if (!isTransient(err) || attempt === options.attempts) break;
      const backoff = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
      const wait = Math.min(options.maxDelayMs, retryAfterMs(err) ?? backoff);
      // A wait that outlasts the budget would only end in the offline answer: give it now.
      if (budget && wait >= left()) throw new BudgetExhaustedError(budget.ms, err);
      await sleep(wait);
    } finally {
      guard?.done();
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
  if (err instanceof BudgetExhaustedError)
    return `${host} gave no usable answer within the ${Math.round(err.budgetMs / 1000)} s reply time (Settings → reply time limit); the offline brain answered.`;
  if (isSdkError(err, 'APIConnectionTimeoutError')) return `${host} did not answer within ${Math.round(timeoutMs / 1000)} s.`;
  if (isSdkError(err, 'APIConnectionError')) return `Could not reach ${host}. Is the address right and the server running?`;
  if (isSdkError(err, 'APIError')) {
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
