import { describe, expect, it } from 'vitest';
import { IPC_CALL, IPC_CONNECTION, IPC_CONNECTION_STATE, IPC_EVENT } from '../../shared/contract/port-protocol';
import { type IpcRendererLike, makeIpcBridge } from './make-bridge';

type Listener = (event: unknown, ...args: unknown[]) => void;

function fakeIpc(invoke: (channel: string, ...args: unknown[]) => Promise<unknown>) {
  const listeners = new Map<string, Set<Listener>>();
  const ipc: IpcRendererLike = {
    invoke,
    on: (channel, listener) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(listener);
    },
    removeListener: (channel, listener) => listeners.get(channel)?.delete(listener),
  };
  const push = (channel: string, value: unknown) => {
    for (const listener of listeners.get(channel) ?? []) listener({ sender: ipc, ports: [] }, value);
  };
  return { ipc, push, count: (channel: string) => listeners.get(channel)?.size ?? 0 };
}

describe('makeIpcBridge', () => {
  it('invokes souq:call with the name and input and returns the envelope', async () => {
    const seen: unknown[][] = [];
    const { ipc } = fakeIpc(async (...args) => {
      seen.push(args);
      return { ok: true, value: { echo: 'hi' } };
    });
    expect(await makeIpcBridge(ipc).call('system/ping', { echo: 'hi' })).toEqual({ ok: true, value: { echo: 'hi' } });
    expect(seen).toEqual([[IPC_CALL, 'system/ping', { echo: 'hi' }]]);
  });

  it('turns a failed invoke or an odd answer into an unavailable envelope, never a rejection', async () => {
    const failing = makeIpcBridge(fakeIpc(async () => Promise.reject(new Error("No handler registered for 'souq:call'"))).ipc);
    expect(await failing.call('shops/list', {})).toMatchObject({ ok: false, error: { code: 'unavailable', message: /No handler/ } });
    const odd = makeIpcBridge(fakeIpc(async () => 'surprise').ipc);
    expect(await odd.call('shops/list', {})).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('hands listeners the event only, never the IpcRendererEvent (which holds ipcRenderer)', () => {
    const { ipc, push, count } = fakeIpc(async () => null);
    const bridge = makeIpcBridge(ipc);
    const got: unknown[][] = [];
    const off = bridge.onEvent((...args) => got.push(args));
    push(IPC_EVENT, { name: 'shops/changed', payload: { id: 1 } });
    push(IPC_EVENT, 'not an event');
    expect(got).toEqual([[{ name: 'shops/changed', payload: { id: 1 } }]]);
    off();
    expect(count(IPC_EVENT)).toBe(0);
    push(IPC_EVENT, { name: 'shops/changed', payload: { id: 2 } });
    expect(got).toHaveLength(1);
  });

  it('reports the current connection state, then pushed changes', async () => {
    const { ipc, push } = fakeIpc(async (channel) => (channel === IPC_CONNECTION_STATE ? 'connected' : null));
    const states: string[] = [];
    const off = makeIpcBridge(ipc).onConnection((state) => states.push(state));
    await new Promise((resolve) => setTimeout(resolve, 0));
    push(IPC_CONNECTION, 'disconnected');
    push(IPC_CONNECTION, 'bogus');
    expect(states).toEqual(['connected', 'disconnected']);
    off();
    push(IPC_CONNECTION, 'connecting');
    expect(states).toHaveLength(2);
  });
});
