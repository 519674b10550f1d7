import type { Envelope } from './errors';
import type { EventMessage } from './events';

/**
 * The one thing a transport must provide. The preload exposes an object satisfying it as
 * `window.souq`; the browser build makes one from fetch + WebSocket. Untyped on purpose: the
 * typed client (renderer/src/api) sits on top, and core validates whatever arrives.
 */
export interface Bridge {
  call(name: string, input: unknown): Promise<Envelope<unknown>>;
  /** Subscribe to pushed events; returns an unsubscribe function. */
  onEvent(listener: (event: EventMessage) => void): () => void;
  /** Subscribe to the transport's own connection state. */
  onConnection?(listener: (state: ConnectionState) => void): () => void;
  /** Which shell the page runs in: the desktop app shows its own choices (tray, login, updates) only there. */
  readonly shell?: 'desktop' | 'browser';
}

export type ConnectionState = 'connecting' | 'connected' | 'disconnected';
