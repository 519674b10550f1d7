import type { Bridge, ConnectionState } from '../../../shared/contract/bridge';
import type { ErrorCode } from '../../../shared/contract/errors';
import type { EventMessage, EventName, EventPayload } from '../../../shared/contract/events';
import type { CallInput, CallName, CallOutput } from '../../../shared/contract/index';

/** A failed contract call, carrying core's serialisable `{ code, message }`. */
export class CallError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly method: string,
  ) {
    super(message);
    this.name = 'CallError';
  }
}

export interface Client {
  /** Call a contract method; resolves with its typed output or rejects with a CallError. */
  send<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>>;
  /** Listen to one pushed event; returns an unsubscribe function. */
  subscribe<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** Listen to the transport's connection state; returns an unsubscribe function. */
  onConnection(listener: (state: ConnectionState) => void): () => void;
  /** The shell the page runs in (the bridge knows; a bridge that does not say is a browser's). */
  readonly shell: 'desktop' | 'browser';
}

type AnyListener = (payload: unknown) => void;

/**
 * The one typed client over any Bridge (Electron preload or HTTP). Types come from the shared
 * contract; core validates inputs, so the client does not re-validate them.
 */
export function createClient(bridge: Bridge): Client {
  const byName = new Map<EventName, Set<AnyListener>>();
  let detach: (() => void) | null = null;

  const dispatch = (event: EventMessage) => {
    const listeners = byName.get(event.name);
    if (!listeners) return;
    for (const listener of [...listeners]) {
      try {
        listener(event.payload);
      } catch (err) {
        // One broken view must not stop the others from seeing the event.
        console.warn(`listener for ${event.name} failed`, err);
      }
    }
  };

  return {
    shell: bridge.shell ?? 'browser',
    async send(name, input) {
      const envelope = await bridge.call(name, input);
      if (!envelope.ok) throw new CallError(envelope.error.code, envelope.error.message, name);
      return envelope.value as CallOutput<typeof name>;
    },
    subscribe(name, listener) {
      let listeners = byName.get(name);
      if (!listeners) byName.set(name, (listeners = new Set()));
      listeners.add(listener as AnyListener);
      detach ??= bridge.onEvent(dispatch);
      return () => {
        listeners.delete(listener as AnyListener);
      };
    },
    onConnection(listener) {
      if (bridge.onConnection) return bridge.onConnection(listener);
      // A transport without its own state (the Electron preload) is connected while the window lives.
      listener('connected');
      return () => {};
    },
  };
}
