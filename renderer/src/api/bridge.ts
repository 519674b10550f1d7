import type { Bridge } from '../../../shared/contract/bridge';
import { createHttpBridge } from './http-bridge';

declare global {
  interface Window {
    /** Exposed by the Electron preload (contextBridge); absent in a plain browser tab. */
    souq?: Bridge;
  }
}

/** The Electron preload's bridge when present, else HTTP + WebSocket to the page's own origin. */
export function pickBridge(win: Window = window): Bridge {
  if (win.souq) return win.souq;
  return createHttpBridge({
    baseUrl: win.location.origin,
    fetch: (url, init) => win.fetch(url, init),
    WebSocket,
  });
}

/**
 * The server trades `?token=` for an HttpOnly cookie and redirects, but a bookmarked or
 * copied address may still carry it: never leave a credential in the address bar or history.
 */
export function stripTokenFromAddress(win: Window = window): void {
  const url = new URL(win.location.href);
  if (!url.searchParams.has('token')) return;
  url.searchParams.delete('token');
  win.history.replaceState(win.history.state, '', url.pathname + url.search + url.hash);
}
