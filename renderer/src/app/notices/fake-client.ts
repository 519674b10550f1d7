import type { EventName } from '../../../../shared/contract/events';
import type { Client } from '../../api/client';
import { PAGE_EVENTS, type PageEvent, createPushedStore } from '../../stores/pushed-store';

/** A client for the notice tests: events pushed by hand; calls answered by `send` (none by default). */
export function fakeClient(send: (name: string, input: unknown) => Promise<unknown> = () => Promise.reject(new Error('not used'))) {
  const listeners = new Map<string, ((payload: unknown) => void)[]>();
  const client = {
    send,
    subscribe: (name: EventName, listener: (payload: unknown) => void) => {
      listeners.set(name, [...(listeners.get(name) ?? []), listener]);
      return () =>
        listeners.set(
          name,
          (listeners.get(name) ?? []).filter((l) => l !== listener),
        );
    },
    onConnection: () => () => undefined,
  } as unknown as Client;
  // Events also reach the pushed store, as stores/wire-events.ts puts them.
  const pushed = createPushedStore();
  const emit = (name: EventName, payload: unknown) => {
    for (const l of listeners.get(name) ?? []) l(payload);
    if ((PAGE_EVENTS as readonly string[]).includes(name)) pushed.getState().put(name as PageEvent, payload as never);
  };
  return { client, emit, pushed, count: () => [...listeners.values()].reduce((n, l) => n + l.length, 0) };
}
