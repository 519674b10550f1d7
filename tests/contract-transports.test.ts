import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createCoreRelay } from '../electron/main/core-relay';
import { APP_ORIGIN, makeIpcHandlers, makeTrustedUrlCheck } from '../electron/main/ipc-handlers';
import { makeIpcBridge, type IpcRendererLike } from '../electron/preload/make-bridge';
import { type Core, type CoreConfig, createCore } from '../electron/core/create-core';
import { noPacing } from '../electron/core/pipeline/policies';
import { silentLogger } from '../electron/core/ports';
import { type RunningServer, startHttpServer } from '../electron/core/server/http-server';
import { runPortCore } from '../electron/core/transport/run-port-core';
import { type FetchLike, type SocketConstructor, createHttpBridge } from '../renderer/src/api/http-bridge';
import { type Bridge, type CallName, type Envelope, type EventMessage, callNames, calls, events } from '../shared/contract';
import { IPC_CALL, IPC_CONNECTION, IPC_CONNECTION_STATE, IPC_EVENT, type ToCoreMessage } from '../shared/contract/port-protocol';
import { type ExampleIds, contractExamples, expectedErrors, setupExamples } from './contract-examples';

/**
 * Every contract call over both transports, against real cores with fresh data directories:
 *   IPC:  preload bridge → (fake ipcRenderer/ipcMain, structured clone) → main's relay →
 *         message port (worker_threads MessageChannel) → core's port server (the utilityProcess path)
 *   HTTP: the renderer's HTTP/WebSocket bridge → loopback server → core
 * so neither transport can drift from the contract or from the other.
 */

/**
 * A WhatsApp socket that never connects (there is no WhatsApp here): linking starts and waits
 * for a QR that never comes, which is all the wa/* calls need.
 */
const silentSocket = () => ({
  ev: new EventEmitter(),
  user: undefined,
  end() {},
  async logout() {},
  async requestPairingCode() {
    return 'ABCD1234';
  },
  async sendMessage() {
    return undefined;
  },
  async sendPresenceUpdate() {},
  async readMessages() {},
  signalRepository: { lidMapping: { getPNForLID: async () => null } },
});
type SocketFactory = NonNullable<NonNullable<CoreConfig['whatsapp']>['socketFactory']>;
const testCoreConfig = {
  pacing: noPacing,
  whatsapp: { socketFactory: silentSocket as unknown as SocketFactory },
} satisfies Partial<CoreConfig>;

interface Side {
  name: 'ipc' | 'http';
  bridge: Bridge;
  core: Core;
  events: EventMessage[];
  ids?: ExampleIds;
  results: Map<CallName, Envelope<unknown>>;
  close(): Promise<void>;
}

const tmpDirs: string[] = [];
const tmpDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'souq-transports-'));
  tmpDirs.push(dir);
  return dir;
};

/** Electron's IPC, in memory: arguments and results are structured-cloned as Electron does. */
function makeFakeIpc(senderUrl: string) {
  const handlers = new Map<string, (...args: unknown[]) => unknown>();
  const listeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>();
  const ipcRenderer: IpcRendererLike = {
    async invoke(channel, ...args) {
      const handler = handlers.get(channel);
      if (!handler) throw new Error(`No handler registered for '${channel}'`);
      return structuredClone(await handler({ senderFrame: { url: senderUrl } }, ...structuredClone(args)));
    },
    on(channel, listener) {
      let set = listeners.get(channel);
      if (!set) listeners.set(channel, (set = new Set()));
      set.add(listener);
    },
    removeListener(channel, listener) {
      listeners.get(channel)?.delete(listener);
    },
  };
  return {
    ipcRenderer,
    handle: (channel: string, handler: (event: { senderFrame: { url: string } }, ...args: unknown[]) => unknown) =>
      handlers.set(channel, handler as (...args: unknown[]) => unknown),
    /** webContents.send: the renderer's listeners get a fresh IpcRendererEvent and a copy. */
    send: (channel: string, payload: unknown) => {
      for (const listener of listeners.get(channel) ?? []) listener({ sender: ipcRenderer }, structuredClone(payload));
    },
    listenerCount: (channel: string) => listeners.get(channel)?.size ?? 0,
  };
}

async function startIpcSide(senderUrl = `${APP_ORIGIN}/index.html`): Promise<Side & { ipc: ReturnType<typeof makeFakeIpc> }> {
  const dataDir = tmpDir();
  const { port1: mainPort, port2: corePort } = new MessageChannel();
  const ipc = makeFakeIpc(senderUrl);
  const exits: number[] = [];
  const corePromise = runPortCore({
    port: corePort,
    makeLogger: () => silentLogger,
    exit: (code) => exits.push(code),
    coreConfig: testCoreConfig,
  });

  const relay = createCoreRelay({
    send: (message: ToCoreMessage) => mainPort.postMessage(message),
    onEvent: (event) => ipc.send(IPC_EVENT, event),
    onState: (state) => ipc.send(IPC_CONNECTION, state),
  });
  let fatal = '';
  mainPort.on('message', (message: unknown) => {
    if (typeof message === 'object' && message !== null && 'type' in message && message.type === 'fatal' && 'message' in message)
      fatal = String(message.message);
    relay.receive(message);
  });
  const handlers = makeIpcHandlers(relay, makeTrustedUrlCheck());
  ipc.handle(IPC_CALL, (event, name, input) => handlers.call(event.senderFrame.url, name, input));
  ipc.handle(IPC_CONNECTION_STATE, () => handlers.connectionState());

  const bridge = makeIpcBridge(ipc.ipcRenderer);
  const received: EventMessage[] = [];
  bridge.onEvent((event) => received.push(event));
  // Calls made before core is ready wait in the relay: send init only now.
  mainPort.postMessage({ type: 'init', dataDir } satisfies ToCoreMessage);
  const core = await corePromise;
  if (!core) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    throw new Error(`core did not start over the port: ${fatal || '(no fatal message)'}`);
  }
  return {
    name: 'ipc',
    bridge,
    core,
    ipc,
    events: received,
    results: new Map(),
    async close() {
      const closed = new Promise<void>((resolve) => {
        const timer = setInterval(() => {
          if (exits.length) {
            clearInterval(timer);
            resolve();
          }
        }, 10);
      });
      mainPort.postMessage({ type: 'shutdown' } satisfies ToCoreMessage);
      await closed;
      expect(exits).toEqual([0]);
      mainPort.close();
    },
  };
}

async function startHttpSide(): Promise<Side> {
  const core = await createCore({ ...testCoreConfig, dataDir: tmpDir() });
  const token = 'transport-test-token-0123456789abcdef';
  const server: RunningServer = await startHttpServer({ core, token, staticDir: null });
  const bridge = createHttpBridge({
    baseUrl: server.url,
    fetch: globalThis.fetch as unknown as FetchLike,
    WebSocket: WebSocket as unknown as SocketConstructor,
    token,
    minDelayMs: 50,
  });
  const received: EventMessage[] = [];
  bridge.onEvent((event) => received.push(event));
  // Events are only pushed to a connected socket: wait for it before acting.
  await new Promise<void>((resolve) => {
    const off = bridge.onConnection((state) => {
      if (state === 'connected') {
        resolve();
        queueMicrotask(() => off());
      }
    });
  });
  return {
    name: 'http',
    bridge,
    core,
    events: received,
    results: new Map(),
    async close() {
      bridge.close();
      await server.close();
      await core.close();
    },
  };
}

/** The structure of a value with the values themselves left out (ids and times differ between cores). */
function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shapeOf);
  if (value === null) return 'null';
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, shapeOf(v)]),
    );
  }
  return typeof value;
}

async function waitFor(check: () => boolean, what: string, ms = 5_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the contract over both transports', () => {
  let sides: [Side, Side];

  beforeAll(async () => {
    sides = [await startIpcSide(), await startHttpSide()];
    for (const side of sides) {
      const send = (name: CallName, input: unknown) => side.bridge.call(name, input);
      side.ids = await setupExamples(send, () => side.core.ctx.pipeline.drain());
      // In contract order, as a renderer would: later examples may rely on earlier ones (save before delete).
      for (const name of callNames) {
        const example = contractExamples[name] as (ids: ExampleIds) => unknown;
        side.results.set(name, await side.bridge.call(name, example(side.ids)));
      }
      await side.core.ctx.pipeline.drain();
    }
  });

  afterAll(async () => {
    for (const side of sides ?? []) await side.close();
    for (const dir of tmpDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('has an example for every call and a handler in core for every call', () => {
    expect(Object.keys(contractExamples).sort()).toEqual([...callNames].sort());
    for (const side of sides) expect(side.core.app.missing()).toEqual([]);
  });

  describe.each(callNames.map((name) => [name]))('%s', (name) => {
    it('answers as the contract says, identically over IPC and HTTP', () => {
      const [ipc, http] = sides.map((side) => side.results.get(name));
      expect(ipc, 'IPC answered').toBeDefined();
      expect(http, 'HTTP answered').toBeDefined();
      const expectedCode = expectedErrors[name];
      for (const envelope of [ipc!, http!]) {
        if (expectedCode) {
          expect(envelope).toMatchObject({ ok: false, error: { code: expectedCode } });
        } else {
          expect(envelope.ok ? 'ok' : envelope.error, `${name} with its example`).toBe('ok');
          const parsed = calls[name].output.safeParse(envelope.ok ? envelope.value : undefined);
          expect(parsed.success ? 'valid' : parsed.error.issues, `${name} output against the contract`).toBe('valid');
        }
      }
      expect(shapeOf(ipc)).toEqual(shapeOf(http));
    });
  });

  it('rejects an invalid input with a typed invalid_input error on both', async () => {
    for (const side of sides) {
      const answer = await side.bridge.call('shops/create', { name: 42, currency: 'dinar' });
      expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      if (!answer.ok) expect(answer.error.message).toMatch(/name/);
    }
  });

  it('answers an unknown method with unknown_method on both, not a crash', async () => {
    for (const side of sides) {
      expect(await side.bridge.call('nope/nothing', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
      // And the transport still works afterwards.
      expect(await side.bridge.call('system/ping', { echo: 'still here' })).toMatchObject({ ok: true, value: { echo: 'still here' } });
    }
  });

  it('pushes events on both, each valid against the contract', async () => {
    const wanted = ['shops/changed', 'settings/changed', 'messages/new', 'conversations/updated'] as const;
    for (const side of sides) {
      await waitFor(() => wanted.every((name) => side.events.some((e) => e.name === name)), `${side.name} events ${wanted.join(', ')}`);
      for (const event of side.events) {
        expect(Object.hasOwn(events, event.name), `${side.name}: ${event.name} is a contract event`).toBe(true);
        const parsed = events[event.name].payload.safeParse(event.payload);
        expect(parsed.success ? 'valid' : parsed.error.issues, `${side.name}: ${event.name} payload`).toBe('valid');
      }
    }
    // Both cores did the same things, so both transports delivered the same kinds of event.
    const kinds = (side: Side) => [...new Set(side.events.map((e) => e.name))].sort();
    expect(kinds(sides[0])).toEqual(kinds(sides[1]));
  });

  it('delivers an event pushed right now to a subscriber on both', async () => {
    for (const side of sides) {
      const seen: EventMessage[] = [];
      const off = side.bridge.onEvent((event) => seen.push(event));
      const renamed = await side.bridge.call('shops/rename', { shopId: side.ids!.shopId, name: `Renamed over ${side.name}` });
      expect(renamed.ok).toBe(true);
      await waitFor(() => seen.some((e) => e.name === 'shops/changed'), `${side.name} shops/changed`);
      expect(seen.find((e) => e.name === 'shops/changed')?.payload).toMatchObject({
        id: side.ids!.shopId,
        name: `Renamed over ${side.name}`,
      });
      off();
    }
  });
});

describe('the IPC transport', () => {
  it('refuses a frame that is not the app', async () => {
    const side = await startIpcSide('https://evil.example/page.html');
    try {
      expect(await side.bridge.call('shops/list', {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    } finally {
      await side.close();
    }
  });

  it('reports the connection state and stops listening when unsubscribed', async () => {
    const side = await startIpcSide();
    try {
      const states: string[] = [];
      const off = side.bridge.onConnection!((state) => states.push(state));
      // The asked-for state may still say 'connecting' if core's `ready` is in flight; a push follows.
      await waitFor(() => states.at(-1) === 'connected', 'the connected state');
      expect(states.every((state) => state === 'connecting' || state === 'connected')).toBe(true);
      expect(side.ipc.listenerCount(IPC_CONNECTION)).toBe(1);
      // Subscribers share one channel listener, attached while anyone listens.
      const offEvents = side.bridge.onEvent(() => {});
      expect(side.ipc.listenerCount(IPC_EVENT)).toBe(1);
      offEvents();
      offEvents();
      expect(side.ipc.listenerCount(IPC_EVENT)).toBe(1);
      off();
      expect(side.ipc.listenerCount(IPC_CONNECTION)).toBe(0);
    } finally {
      await side.close();
    }
  });
});
