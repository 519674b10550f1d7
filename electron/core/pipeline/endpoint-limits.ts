import type { LlmSettings } from '../../../shared/domain/settings';
import { endpointNeedsKey, isLlmConfigured } from '../brain';
import type { z } from 'zod';

type Llm = z.infer<typeof LlmSettings>;

/** Turns that wait on a hosted API cost us nothing but a socket: many at once. */
export const HOSTED_TURNS = 64;
/** A server on this computer or the LAN (Ollama, LM Studio) answers one or two at a time; more only queue inside it. */
export const LOCAL_TURNS = 2;
/** The offline brain is CPU on our own thread: more in flight only interleaves them. */
export const OFFLINE_TURNS = 8;

const normalAddress = (baseUrl: string) => baseUrl.trim().replace(/\/+$/, '');

/** Which queue a turn waits in, and how many of that queue's turns may be in flight. */
export function turnLimitFor(llm: Llm): { key: string; limit: number } {
  // The key is not needed to decide (the brain reads it from the secret store): a base URL and a model mean "LLM".
  if (!isLlmConfigured(llm.baseUrl, llm.model, 'assumed')) return { key: 'offline', limit: OFFLINE_TURNS };
  const local = !endpointNeedsKey(llm.baseUrl);
  const address = normalAddress(llm.baseUrl);
  // "Test connection" measured this very server: its own figure beats the guess by kind.
  const measured =
    llm.measuredConcurrency && normalAddress(llm.measuredConcurrency.baseUrl) === address ? llm.measuredConcurrency.turns : 0;
  const limit = llm.concurrency > 0 ? llm.concurrency : local ? measured || LOCAL_TURNS : HOSTED_TURNS;
  return { key: `llm:${address}`, limit };
}

/**
 * Counting semaphores by key: turns for one endpoint wait for each other, never for another
 * endpoint's. A limit change (the seller edited the setting) applies to the next acquire.
 */
export function makeEndpointGates() {
  const gates = new Map<string, { active: number; waiting: Array<() => void> }>();
  const gate = (key: string) => {
    let g = gates.get(key);
    if (!g) gates.set(key, (g = { active: 0, waiting: [] }));
    return g;
  };
  return {
    async run<T>(key: string, limit: number, job: () => Promise<T>): Promise<T> {
      const g = gate(key);
      while (g.active >= Math.max(1, limit)) await new Promise<void>((resolve) => g.waiting.push(resolve));
      g.active += 1;
      try {
        return await job();
      } finally {
        g.active -= 1;
        g.waiting.shift()?.();
      }
    },
    /** Turns in flight for a key (tests, diagnostics). */
    active: (key: string) => gates.get(key)?.active ?? 0,
  };
}
export type EndpointGates = ReturnType<typeof makeEndpointGates>;
