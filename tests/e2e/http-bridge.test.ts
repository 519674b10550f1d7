import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { ConnectionState } from '../../shared/contract/bridge';
import type { EventMessage } from '../../shared/contract/events';
import { CallError, createClient } from '../../renderer/src/api/client';
import { createHttpBridge } from '../../renderer/src/api/http-bridge';
import { startHttpServer } from '../../electron/core/server/http-server';
import { type Harness, startHarness } from './harness';

/** Waits until `predicate` holds, polling; fails with `what` after `ms`. */
async function until(predicate: () => boolean, what: string, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('HTTP bridge against the real loopback server (Node: global fetch + ws)', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ withRenderer: false });
  });
  afterAll(async () => harness?.close());

  const bridgeFor = (token: string | undefined, port = harness.server.port) =>
    createHttpBridge({ baseUrl: `http://127.0.0.1:${port}/`, fetch, WebSocket, token, minDelayMs: 50, maxDelayMs: 200 });

  it('calls a method and returns its envelope', async () => {
    const bridge = bridgeFor(harness.token);
    const envelope = await bridge.call('system/ping', { echo: 'salam' });
    expect(envelope).toMatchObject({ ok: true, value: { echo: 'salam' } });
  });

  it('reports a wrong token and a malformed input as typed errors through the client', async () => {
    const denied = createClient(bridgeFor('f'.repeat(48)));
    await expect(denied.send('shops/list', {})).rejects.toMatchObject({ name: 'CallError', code: 'unauthorized' });
    const client = createClient(bridgeFor(harness.token));
    const err = await client.send('shops/create', { name: '' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CallError);
    expect(err).toMatchObject({ code: 'invalid_input', method: 'shops/create' });
  });

  it('turns an unreachable server into an "unavailable" envelope instead of throwing', async () => {
    const bridge = bridgeFor(harness.token, 1);
    const envelope = await bridge.call('system/ping', {});
    expect(envelope.ok).toBe(false);
    if (!envelope.ok) expect(envelope.error.code).toBe('unavailable');
  });

  it('delivers pushed events over the WebSocket (token as subprotocol)', async () => {
    const bridge = bridgeFor(harness.token);
    const client = createClient(bridge);
    const seen: string[] = [];
    const states: ConnectionState[] = [];
    client.onConnection((s) => states.push(s));
    client.subscribe('shops/changed', (shop) => seen.push(shop.name));
    await until(() => states.at(-1) === 'connected', 'the socket to connect');
    const created = await client.send('shops/create', { name: 'Boutique Amina', currency: 'DZD' });
    await until(() => seen.includes('Boutique Amina'), 'the shops/changed event');
    expect(created.currency).toBe('DZD');
    expect(states).toEqual(['disconnected', 'connecting', 'connected']);
    bridge.close();
  });

  it('refuses the event socket without a token', async () => {
    const bridge = bridgeFor(undefined);
    const states: ConnectionState[] = [];
    bridge.onConnection((s) => states.push(s));
    await until(() => states.filter((s) => s === 'disconnected').length >= 2, 'the refused socket to close');
    expect(states).not.toContain('connected');
    bridge.close();
  });

  it('reconnects with backoff after the server goes away and comes back', async () => {
    const own = await startHarness({ withRenderer: false });
    const port = own.server.port;
    const bridge = bridgeFor(own.token, port);
    const states: ConnectionState[] = [];
    const events: EventMessage[] = [];
    bridge.onConnection((s) => states.push(s));
    bridge.onEvent((e) => events.push(e));
    await until(() => states.at(-1) === 'connected', 'the first connection');
    await own.server.close();
    await until(() => states.at(-1) !== 'connected', 'the disconnect');
    const again = await startHttpServer({ core: own.core, token: own.token, staticDir: null, port });
    try {
      await until(() => states.at(-1) === 'connected', 'the reconnection');
      await bridge.call('shops/create', { name: 'After restart' });
      await until(() => events.some((e) => e.name === 'shops/changed'), 'an event after reconnecting');
      expect(states.filter((s) => s === 'connected').length).toBe(2);
    } finally {
      bridge.close();
      await again.close();
      await own.core.close();
      fs.rmSync(own.dataDir, { recursive: true, force: true });
    }
  });
});
