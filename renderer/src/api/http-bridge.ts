import type { Bridge, ConnectionState } from '../../../shared/contract/bridge';
import { type Envelope, EnvelopeShape } from '../../../shared/contract/errors';
import { type EventMessage, events } from '../../../shared/contract/events';

/**
 * React's "bivariance hack": a handler property typed through a method signature, so both the
 * browser's WebSocket and the `ws` package's (whose event types are richer) satisfy SocketLike.
 */
type Handler<E> = { bivarianceHack(event: E): void }['bivarianceHack'];

/** The part of the WebSocket API the bridge uses; the browser's and `ws`'s both fit. */
export interface SocketLike {
  onopen: Handler<unknown> | null;
  onclose: Handler<unknown> | null;
  onerror: Handler<unknown> | null;
  onmessage: Handler<{ data: unknown }> | null;
  close(code?: number, reason?: string): void;
}
export type SocketConstructor = new (url: string, protocols?: string | string[]) => SocketLike;

/** The part of fetch the bridge uses; the browser's and Node's global fetch both fit. */
export type FetchLike = (
  url: string,
  init: { method: 'POST'; headers: Record<string, string>; body: string; credentials?: 'same-origin' },
) => Promise<{ status: number; json(): Promise<unknown> }>;

export interface HttpBridgeConfig {
  /** Origin of the Souqbot server, e.g. `http://127.0.0.1:4417` (a trailing slash is fine). */
  baseUrl: string;
  fetch: FetchLike;
  WebSocket: SocketConstructor;
  /** Bearer token for non-browser callers; browsers authenticate with the HttpOnly cookie instead. */
  token?: string;
  /** Reconnect delays grow from `minDelayMs` to `maxDelayMs` (doubling, with jitter). */
  minDelayMs?: number;
  maxDelayMs?: number;
  random?: () => number;
}

export interface HttpBridge extends Bridge {
  onConnection(listener: (state: ConnectionState) => void): () => void;
  /** Stop reconnecting and close the socket (tests, page unload). */
  close(): void;
}

export const TOKEN_PROTOCOL_PREFIX = 'souq.token.';

const isEventMessage = (value: unknown): value is EventMessage =>
  typeof value === 'object' && value !== null && 'name' in value && typeof value.name === 'string' && Object.hasOwn(events, value.name);

/** Envelope for a failure that happened before core could answer (network down, proxy page…). */
const transportFailure = (message: string): Envelope<never> => ({ ok: false, error: { code: 'unavailable', message } });

/**
 * The contract over the headless server: calls as `POST /api/call/<name>`, events over one
 * WebSocket that reconnects with backoff. The socket is opened lazily by the first listener
 * (events or connection state) so a pure caller (CLI, tests) never holds one open.
 */
export function createHttpBridge(config: HttpBridgeConfig): HttpBridge {
  const base = config.baseUrl.replace(/\/+$/, '');
  const wsUrl = `${base.replace(/^http/, 'ws')}/api/events`;
  const minDelay = config.minDelayMs ?? 500;
  const maxDelay = config.maxDelayMs ?? 15_000;
  const random = config.random ?? Math.random;
  const eventListeners = new Set<(event: EventMessage) => void>();
  const stateListeners = new Set<(state: ConnectionState) => void>();
  let state: ConnectionState = 'disconnected';
  let socket: SocketLike | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let attempts = 0;
  let closed = false;

  const setState = (next: ConnectionState) => {
    if (next === state) return;
    state = next;
    for (const listener of stateListeners) listener(next);
  };

  const scheduleReconnect = () => {
    if (closed || retryTimer) return;
    const ceiling = Math.min(maxDelay, minDelay * 2 ** Math.min(attempts, 16));
    // Jitter spreads reconnects of many tabs after a core restart.
    const delay = ceiling / 2 + (random() * ceiling) / 2;
    attempts += 1;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      connect();
    }, delay);
  };

  function connect(): void {
    if (closed || socket) return;
    setState('connecting');
    const protocols = config.token ? [`${TOKEN_PROTOCOL_PREFIX}${config.token}`] : undefined;
    let ws: SocketLike;
    try {
      ws = new config.WebSocket(wsUrl, protocols);
    } catch {
      setState('disconnected');
      scheduleReconnect();
      return;
    }
    socket = ws;
    ws.onopen = () => {
      attempts = 0;
      setState('connected');
    };
    ws.onmessage = (message) => {
      if (typeof message.data !== 'string') return;
      let parsed: unknown;
      try {
        parsed = JSON.parse(message.data);
      } catch {
        return;
      }
      // Core also sends transport-level frames (e.g. "hello"); only contract events go on.
      if (!isEventMessage(parsed)) return;
      for (const listener of eventListeners) listener(parsed);
    };
    ws.onerror = () => {
      // 'close' follows every error; reconnecting happens there, once.
    };
    ws.onclose = () => {
      if (socket === ws) socket = null;
      setState('disconnected');
      scheduleReconnect();
    };
  }

  const ensureConnected = () => {
    if (!socket && !retryTimer) connect();
  };

  return {
    shell: 'browser',
    async call(name, input) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (config.token) headers.authorization = `Bearer ${config.token}`;
      let response: { status: number; json(): Promise<unknown> };
      try {
        response = await config.fetch(`${base}/api/call/${encodeURIComponent(name)}`, {
          method: 'POST',
          headers,
          body: JSON.stringify(input ?? {}),
          credentials: 'same-origin',
        });
      } catch (err) {
        return transportFailure(`Souqbot is not reachable (${err instanceof Error ? err.message : String(err)})`);
      }
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        return transportFailure(`Souqbot answered HTTP ${response.status} without a readable body`);
      }
      const envelope = EnvelopeShape.safeParse(body);
      if (!envelope.success) return transportFailure(`Souqbot answered HTTP ${response.status} with an unexpected body`);
      return envelope.data as Envelope<unknown>;
    },
    onEvent(listener) {
      eventListeners.add(listener);
      ensureConnected();
      return () => eventListeners.delete(listener);
    },
    onConnection(listener) {
      stateListeners.add(listener);
      listener(state);
      ensureConnected();
      return () => stateListeners.delete(listener);
    },
    close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
      socket?.close();
      socket = null;
      setState('disconnected');
    },
  };
}
