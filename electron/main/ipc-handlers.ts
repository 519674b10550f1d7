import type { ConnectionState } from '../../shared/contract/bridge';
import type { Envelope } from '../../shared/contract/errors';
import type { CoreRelay } from './core-relay';
import type { LocalCall } from './prefs/shell-calls';

export interface IpcHandlers {
  /** `souq:call` — from a frame at `senderUrl`, relayed to core if that frame is ours. */
  call(senderUrl: string, name: unknown, input: unknown): Promise<Envelope<unknown>>;
  /** `souq:connection-state` — the state a freshly loaded page missed. */
  connectionState(): ConnectionState;
}

/**
 * What main answers on its IPC channels, apart from Electron so both transports can be tested
 * end to end. Only our own app pages may call core: a frame that navigated elsewhere (it should
 * not be able to, but defence in depth) gets `unauthorized`.
 */
export function makeIpcHandlers(
  relay: CoreRelay,
  isTrustedUrl: (url: string) => boolean,
  /** Calls main answers itself (the updater's), by name; everything else goes to core. */
  local: Record<string, LocalCall> = {},
): IpcHandlers {
  return {
    async call(senderUrl, name, input) {
      if (!isTrustedUrl(senderUrl)) return { ok: false, error: { code: 'unauthorized', message: 'This page may not call Souqbot' } };
      const own = typeof name === 'string' && Object.hasOwn(local, name) ? local[name] : undefined;
      return own ? own(input) : relay.call(name, input);
    },
    connectionState: () => relay.state(),
  };
}

/** The origin main serves the renderer from (see renderer-protocol.ts). */
export const APP_SCHEME = 'souq';
export const APP_ORIGIN = `${APP_SCHEME}://app`;

/** scheme://host[:port]; Node's URL reports `origin` "null" for custom schemes, so it is built by hand. */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}

/** A URL is ours if it is on the app origin, or on the dev server origin when one is configured. */
export function makeTrustedUrlCheck(devServerUrl?: string): (url: string) => boolean {
  const origins = new Set([APP_ORIGIN]);
  const dev = devServerUrl ? originOf(devServerUrl) : null;
  if (dev) origins.add(dev);
  return (url) => {
    const origin = originOf(url);
    return origin !== null && origins.has(origin);
  };
}
