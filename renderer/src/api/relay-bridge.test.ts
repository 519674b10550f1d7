import { describe, expect, it } from 'vitest';
import { type RelayFrame, exportIdentity, generateIdentity, publicIdentity, toB64u } from '../../../shared/relay/index';
import type { RelaySocket } from '../../../shared/sync/relay-client';
import { type KeyValue, makeDeviceStorage } from './device-state';
import { createRelayBridge } from './relay-bridge';

function memoryStorage(): KeyValue & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

/** The relay's side of the phone's socket: the handshake, then a welcome with the desktop offline or online. */
function fakeRelay(desktop: string, online: { value: boolean }) {
  const sent: { t: string; items?: { to: string; body: string }[] }[] = [];
  const opened: Socket[] = [];
  class Socket implements RelaySocket {
    onopen: ((e: unknown) => void) | null = null;
    onclose: ((e: unknown) => void) | null = null;
    onerror: ((e: unknown) => void) | null = null;
    onmessage: ((e: { data: unknown }) => void) | null = null;
    readyState = 0;
    constructor(readonly url: string) {
      opened.push(this);
      queueMicrotask(() => {
        this.readyState = 1;
        this.onopen?.({});
      });
    }
    push(frame: RelayFrame) {
      this.onmessage?.({ data: JSON.stringify(frame) });
    }
    send(data: string) {
      const frame = JSON.parse(data) as { t: string };
      sent.push(frame);
      if (frame.t === 'hello') this.push({ t: 'challenge', nonce: toB64u(new Uint8Array(32)) });
      if (frame.t === 'auth')
        this.push({
          t: 'welcome',
          role: 'device',
          group: 'g',
          members: [{ device: desktop, role: 'desktop', online: online.value, lastSeen: 1_700_000_000_000 }],
          mailbox: 0,
        });
    }
    close() {
      this.readyState = 3;
      this.onclose?.({});
    }
  }
  return { Socket, sent, socket: () => opened.at(-1) ?? null, calls: () => sent.filter((f) => f.t === 'send') };
}

const tick = () => new Promise((r) => setTimeout(r, 5));

async function pairedPhone(online: boolean) {
  const desktop = generateIdentity();
  const storage = memoryStorage();
  const deviceStorage = makeDeviceStorage(storage);
  deviceStorage.save({
    seed: exportIdentity(generateIdentity()),
    relay: 'ws://relay',
    desktop: publicIdentity(desktop),
    offer: null,
    phase: 'paired',
    replay: null,
  });
  const state = { value: online };
  const relay = fakeRelay(desktop.deviceId, state);
  let n = 0;
  const bridge = createRelayBridge({
    storage: deviceStorage,
    WebSocket: relay.Socket,
    randomId: () => `cmd-${++n}-xxxxxxxx`,
    readTimeoutMs: 50,
  });
  await tick();
  return { bridge, relay, storage, deviceStorage, desktop, state };
}

describe('the relay transport on the phone', () => {
  it('while the computer is offline: says since when, fails reads at once, and keeps writes (across reloads) unsent', async () => {
    const { bridge, relay, deviceStorage } = await pairedPhone(false);
    expect(bridge.status()).toMatchObject({ phase: 'paired', relay: 'connected', desktopOnline: false, desktopSince: 1_700_000_000_000 });
    expect(await bridge.call('conversations/list', { shopId: 1 })).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    void bridge.call('conversations/reply', { shopId: 1, conversationId: 2, text: 'plus tard' });
    expect(bridge.status().queued).toBe(1);
    expect(deviceStorage.queue()).toEqual([expect.objectContaining({ name: 'conversations/reply', id: 'cmd-2-xxxxxxxx' })]);
    // Nothing left for the computer: a queued command is not sent into the void.
    expect(relay.calls()).toHaveLength(0);
    bridge.close();
  });

  it('sends what waits, sealed for the computer, when the relay says it is back', async () => {
    const { bridge, relay, desktop } = await pairedPhone(false);
    void bridge.call('drafts/approve', { shopId: 1, messageId: 9 });
    relay.socket()?.push({ t: 'presence', device: desktop.deviceId, online: true, at: Date.now() });
    const items = relay.calls().flatMap((f) => f.items ?? []);
    // A hello, then the queued command: each sealed (no plaintext) for the desktop.
    expect(items.map((i) => i.to)).toEqual([desktop.deviceId, desktop.deviceId]);
    for (const item of items) expect(item.body).not.toContain('drafts/approve');
    expect(bridge.status()).toMatchObject({ desktopOnline: true, queued: 1 });
    bridge.close();
  });

  it('a phone that is not paired answers every call unavailable and never connects', async () => {
    const relay = fakeRelay('x', { value: true });
    const bridge = createRelayBridge({ storage: makeDeviceStorage(memoryStorage()), WebSocket: relay.Socket });
    await tick();
    expect(relay.socket()).toBeNull();
    expect(await bridge.call('shops/list', {})).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });
});
