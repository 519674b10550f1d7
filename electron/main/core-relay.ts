import type { ConnectionState } from '../../shared/contract/bridge';
import type { Envelope } from '../../shared/contract/errors';
import type { EventMessage } from '../../shared/contract/events';
import type { NotifierNotice } from '../../shared/domain/notices';
import { type CallMessage, type ToCoreMessage, isFromCoreMessage } from '../../shared/contract/port-protocol';

export interface CoreRelayConfig {
  /** Posts to core (the utilityProcess, or a test's message port). */
  send(message: ToCoreMessage): void;
  onEvent(event: EventMessage): void;
  onState(state: ConnectionState): void;
  /** Core's notifier: a code with parameters (shared/domain/notices.ts NOTIFIER_CODES), worded by main. */
  onNotify?(notice: NotifierNotice): void;
  /** Core could not start; the message is meant for the user. */
  onFatal?(message: string): void;
}

export interface CoreRelay {
  /** Relays one contract call; resolves with core's envelope or an `unavailable` one, never rejects. */
  call(name: unknown, input: unknown): Promise<Envelope<unknown>>;
  /** Feed every message that arrives from core. */
  receive(message: unknown): void;
  /** A (new) core process was started and sent `init`: calls wait for its `ready`. */
  starting(): void;
  /** The core process is gone: calls in flight fail, queued ones wait for the next core. */
  lost(): void;
  state(): ConnectionState;
  /** Why core refused to start, if it did. */
  fatal(): string | null;
}

const unavailable = (message: string): Envelope<never> => ({ ok: false, error: { code: 'unavailable', message } });

interface Pending {
  message: CallMessage;
  resolve(envelope: Envelope<unknown>): void;
}

/**
 * Main's half of the IPC transport, free of Electron so it is tested without it. Calls made
 * before core is ready are queued, not lost; a call already handed to a core that then died is
 * answered `unavailable` (it may or may not have run, so it is not silently replayed).
 */
export function createCoreRelay(config: CoreRelayConfig): CoreRelay {
  let state: ConnectionState = 'connecting';
  let fatalMessage: string | null = null;
  let nextId = 1;
  const queued: Pending[] = [];
  const inFlight = new Map<number, Pending>();

  const setState = (next: ConnectionState) => {
    if (next === state) return;
    state = next;
    config.onState(next);
  };

  const dispatch = (pending: Pending) => {
    inFlight.set(pending.message.id, pending);
    try {
      config.send(pending.message);
    } catch (err) {
      inFlight.delete(pending.message.id);
      pending.resolve(unavailable(`Souqbot's engine could not be reached (${err instanceof Error ? err.message : String(err)})`));
    }
  };

  const failAll = (list: Iterable<Pending>, message: string) => {
    for (const pending of list) pending.resolve(unavailable(message));
  };

  return {
    call(name, input) {
      if (typeof name !== 'string')
        return Promise.resolve({ ok: false, error: { code: 'invalid_input', message: 'A method name is a string' } });
      if (fatalMessage !== null) return Promise.resolve(unavailable(fatalMessage));
      return new Promise((resolve) => {
        const pending: Pending = { message: { type: 'call', id: nextId++, name, input }, resolve };
        if (state === 'connected') dispatch(pending);
        else queued.push(pending);
      });
    },

    receive(message) {
      if (!isFromCoreMessage(message)) return;
      switch (message.type) {
        case 'ready':
          setState('connected');
          for (const pending of queued.splice(0)) dispatch(pending);
          return;
        case 'result': {
          const pending = inFlight.get(message.id);
          if (!pending) return;
          inFlight.delete(message.id);
          pending.resolve(message.envelope);
          return;
        }
        case 'event':
          config.onEvent(message.event);
          return;
        case 'notify':
          config.onNotify?.(message.notice);
          return;
        case 'fatal':
          fatalMessage = message.message;
          failAll(queued.splice(0), fatalMessage);
          failAll(inFlight.values(), fatalMessage);
          inFlight.clear();
          setState('disconnected');
          config.onFatal?.(fatalMessage);
          return;
      }
    },

    starting() {
      if (fatalMessage === null) setState('connecting');
    },

    lost() {
      failAll(inFlight.values(), "Souqbot's engine stopped while handling this request; it is restarting. Please try again.");
      inFlight.clear();
      setState('disconnected');
    },

    state: () => state,
    fatal: () => fatalMessage,
  };
}

/** Delay before restarting a crashed core: 0.5 s doubling to 30 s; a core that stayed up a minute starts over. */
export function restartDelayMs(recentCrashes: number): number {
  return Math.min(30_000, 500 * 2 ** Math.max(0, Math.min(recentCrashes, 10)));
}
