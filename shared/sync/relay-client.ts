import {
  type ClientFrame,
  type DeviceIdentity,
  type RelayFrame,
  RelayFrame as RelayFrameSchema,
  parseFrame,
  signChallenge,
} from '../relay/index';

/** One relay frame by its tag (shared/relay exports the schemas; these are their types). */
export type FrameOf<T extends RelayFrame['t']> = Extract<RelayFrame, { t: T }>;
export type WelcomeFrame = FrameOf<'welcome'>;

/** The part of the WebSocket API the client uses: the browser's and the `ws` package's both fit. */
type Handler<E> = { bivarianceHack(event: E): void }['bivarianceHack'];
export interface RelaySocket {
  onopen: Handler<unknown> | null;
  onclose: Handler<unknown> | null;
  onerror: Handler<unknown> | null;
  onmessage: Handler<{ data: unknown }> | null;
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}
export type RelaySocketConstructor = new (url: string) => RelaySocket;

export type RelayLinkState = 'connecting' | 'connected' | 'disconnected';

export interface RelayClientConfig {
  url: string;
  identity: DeviceIdentity;
  /** The desktop asks the relay for a new group when its key is unknown; a device never does. */
  create?: boolean;
  WebSocket: RelaySocketConstructor;
  /** Every frame after the handshake (deliver, presence, members, pair-*, sent, error…). */
  onFrame(frame: RelayFrame): void;
  /** `welcome` comes with `connected`: the role, the members and their presence, the mailbox size. */
  onState(state: RelayLinkState, welcome?: WelcomeFrame): void;
  minDelayMs?: number;
  maxDelayMs?: number;
  random?: () => number;
}

export interface RelayClient {
  /** False when not connected (the caller keeps what it could not send). */
  send(frame: ClientFrame): boolean;
  readonly connected: boolean;
  /** Stop reconnecting and close. */
  close(): void;
  /** Close the socket now and reconnect after the usual delay (tests: a dropped connection). */
  reconnect(): void;
}

const OPEN = 1;

/**
 * One authenticated connection to the relay, shared by the desktop (core, with `ws`) and the
 * device app (the browser's WebSocket): hello → challenge → signed answer → welcome, then frames
 * both ways; it reconnects with backoff until closed.
 */
export function createRelayClient(config: RelayClientConfig): RelayClient {
  const minDelay = config.minDelayMs ?? 500;
  const maxDelay = config.maxDelayMs ?? 15_000;
  const random = config.random ?? Math.random;
  let socket: RelaySocket | null = null;
  let authed = false;
  let closed = false;
  let attempts = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const schedule = () => {
    if (closed || timer) return;
    const ceiling = Math.min(maxDelay, minDelay * 2 ** Math.min(attempts, 16));
    attempts += 1;
    timer = setTimeout(
      () => {
        timer = null;
        connect();
      },
      ceiling / 2 + (random() * ceiling) / 2,
    );
  };

  const raw = (ws: RelaySocket, frame: ClientFrame) => ws.send(JSON.stringify(frame));

  function connect(): void {
    if (closed || socket) return;
    authed = false;
    config.onState('connecting');
    let ws: RelaySocket;
    try {
      ws = new config.WebSocket(config.url);
    } catch {
      config.onState('disconnected');
      schedule();
      return;
    }
    socket = ws;
    ws.onopen = () => raw(ws, { t: 'hello', v: 1, device: config.identity.deviceId, ...(config.create && { create: true }) });
    ws.onmessage = (message) => {
      if (typeof message.data !== 'string') return;
      const frame = parseFrame(RelayFrameSchema, message.data);
      if (!frame) return;
      if (frame.t === 'challenge') return raw(ws, { t: 'auth', sig: signChallenge(config.identity, frame.nonce) });
      if (frame.t === 'welcome') {
        authed = true;
        attempts = 0;
        config.onState('connected', frame);
        return;
      }
      config.onFrame(frame);
    };
    ws.onerror = () => {
      // 'close' follows; reconnecting happens there.
    };
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      authed = false;
      config.onState('disconnected');
      schedule();
    };
  }

  connect();
  return {
    send(frame) {
      if (!socket || !authed || socket.readyState !== OPEN) return false;
      raw(socket, frame);
      return true;
    },
    get connected() {
      return authed && socket?.readyState === OPEN;
    },
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      const ws = socket;
      socket = null;
      authed = false;
      ws?.close();
      config.onState('disconnected');
    },
    reconnect() {
      const ws = socket;
      ws?.close();
    },
  };
}
