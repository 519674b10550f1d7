import type { Bridge, ConnectionState } from '../../shared/contract/bridge';
import type { Envelope } from '../../shared/contract/errors';
import type { EventMessage } from '../../shared/contract/events';
import { IPC_CALL, IPC_CONNECTION, IPC_CONNECTION_STATE, IPC_EVENT } from '../../shared/contract/port-protocol';

/** The part of Electron's ipcRenderer the bridge uses; tests pass a fake. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

const CONNECTION_STATES: readonly ConnectionState[] = ['connecting', 'connected', 'disconnected'];

const isEnvelope = (value: unknown): value is Envelope<unknown> =>
  typeof value === 'object' && value !== null && 'ok' in value && typeof value.ok === 'boolean';

const isEventMessage = (value: unknown): value is EventMessage =>
  typeof value === 'object' && value !== null && 'name' in value && typeof value.name === 'string';

const unavailable = (message: string): Envelope<never> => ({ ok: false, error: { code: 'unavailable', message } });

/**
 * A fan-out over one ipcRenderer channel: the channel listener is attached while someone listens
 * and never hands the IpcRendererEvent (which holds `sender`, i.e. ipcRenderer) to the page.
 */
function makeChannel<T>(ipc: IpcRendererLike, channel: string, accept: (value: unknown) => value is T) {
  const listeners = new Set<(value: T) => void>();
  const onMessage = (_event: unknown, value: unknown) => {
    if (!accept(value)) return;
    for (const listener of [...listeners]) listener(value);
  };
  return {
    subscribe(listener: (value: T) => void): () => void {
      if (listeners.size === 0) ipc.on(channel, onMessage);
      listeners.add(listener);
      return () => {
        if (!listeners.delete(listener)) return;
        if (listeners.size === 0) ipc.removeListener(channel, onMessage);
      };
    },
  };
}

/**
 * The renderer's side of the IPC transport, exposed by the preload as `window.souq`. Only the
 * three Bridge functions cross into the page; calls go to main (`souq:call`), which relays them
 * to core. A failure of the relay itself becomes an `unavailable` envelope, never a throw.
 */
export function makeIpcBridge(ipc: IpcRendererLike): Required<Bridge> {
  const eventChannel = makeChannel(ipc, IPC_EVENT, isEventMessage);
  const isState = (value: unknown): value is ConnectionState => CONNECTION_STATES.includes(value as ConnectionState);
  const stateChannel = makeChannel(ipc, IPC_CONNECTION, isState);

  return {
    shell: 'desktop',
    async call(name, input) {
      if (typeof name !== 'string') return { ok: false, error: { code: 'invalid_input', message: 'A method name is a string' } };
      try {
        const answer = await ipc.invoke(IPC_CALL, name, input);
        return isEnvelope(answer) ? answer : unavailable('Souqbot answered with an unexpected value');
      } catch (err) {
        return unavailable(`Souqbot's engine is not reachable (${err instanceof Error ? err.message : String(err)})`);
      }
    },
    onEvent(listener) {
      return eventChannel.subscribe((event) => listener(event));
    },
    onConnection(listener) {
      let latest = false;
      let active = true;
      const unsubscribe = stateChannel.subscribe((state) => {
        latest = true;
        listener(state);
      });
      // The current state, unless a push already told a newer one.
      void ipc.invoke(IPC_CONNECTION_STATE).then(
        (state) => {
          if (active && !latest && isState(state)) listener(state);
        },
        () => {},
      );
      return () => {
        active = false;
        unsubscribe();
      };
    },
  };
}
