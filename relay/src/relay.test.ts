import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createReplayWindow,
  generateIdentity,
  nextCounter,
  openText,
  seal,
  signChallenge,
  type DeviceIdentity,
} from '../../shared/relay/index';
import { makeLocalBus } from './bus';
import { connectRelay, type RelayClient } from './client';
import type { RelayLimits } from './limits';
import { startRelay, type Relay } from './server';
import { openSqliteStore } from './sqlite-store';
import type { RelayStore } from './store';
import { pairPhone } from './test-utils/pair';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function relayWith(limits: Partial<RelayLimits> = {}): Promise<{ relay: Relay; store: RelayStore; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'relay-test-'));
  const store = openSqliteStore(join(dir, 'relay.sqlite'), limits.mailbox);
  const relay = await startRelay({ store, bus: makeLocalBus(), limits: { ipConnectionBurst: 1000, ...limits }, log: () => {} });
  cleanups.push(async () => {
    await relay.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { relay, store, dir };
}

async function client(url: string, id: DeviceIdentity, create = false): Promise<RelayClient> {
  const c = await connectRelay(url, id, { create });
  cleanups.push(() => c.close());
  return c;
}

async function desktopAndPhone(url: string) {
  const desktopId = generateIdentity();
  const desktop = await client(url, desktopId, true);
  const { phone, phoneId } = await pairPhone(desktop, desktopId, url);
  cleanups.push(() => phone.close());
  return { desktop, desktopId, phone, phoneId };
}

describe('relay: authentication', () => {
  it('refuses a wrong signature and closes the socket', async () => {
    const { relay } = await relayWith();
    const me = generateIdentity();
    const impostor = generateIdentity();
    const ws = new WebSocket(relay.url);
    const frames: { t: string; code?: string; nonce?: string }[] = [];
    const closed = new Promise<number>((ok) => ws.on('close', (code) => ok(code)));
    ws.on('message', (d) => {
      const f = JSON.parse(d.toString()) as { t: string; nonce?: string };
      frames.push(f);
      if (f.t === 'challenge') ws.send(JSON.stringify({ t: 'auth', sig: signChallenge(impostor, f.nonce!) }));
    });
    await new Promise((ok) => ws.once('open', ok));
    ws.send(JSON.stringify({ t: 'hello', v: 1, device: me.deviceId }));
    expect(await closed).toBe(4001);
    expect(frames.map((f) => f.t)).toEqual(['challenge', 'error']);
    expect(frames[1]!.code).toBe('auth-failed');
  });

  it('a key in no group is pending and may not send', async () => {
    const { relay } = await relayWith();
    const stranger = await client(relay.url, generateIdentity());
    expect(stranger.welcome.role).toBe('pending');
    stranger.send({ t: 'send', ref: 'r', items: [{ to: generateIdentity().deviceId, body: 'x' }] });
    expect((await stranger.next('error')).code).toBe('not-member');
  });
});

describe('relay: pairing, forwarding, unpair', () => {
  it('pairs a phone and forwards sealed bodies both ways', async () => {
    const { relay } = await relayWith();
    const { desktop, desktopId, phone, phoneId } = await desktopAndPhone(relay.url);
    expect(phone.welcome.role).toBe('pending');
    const body = seal('new message from a customer', desktopId.boxSecret, phoneId.boxPublic, nextCounter(0));
    desktop.send({ t: 'send', ref: 'e1', items: [{ to: phoneId.deviceId, body }] });
    const sent = await desktop.next('sent');
    expect(sent.ids).toHaveLength(1);
    const got = await phone.next('deliver');
    expect(got.from).toBe(desktopId.deviceId);
    expect(openText(got.body, phoneId.boxSecret, desktopId.boxPublic, createReplayWindow())).toBe('new message from a customer');
    phone.send({ t: 'ack', ids: [got.id] });
    phone.send({
      t: 'send',
      ref: 'c1',
      items: [{ to: desktopId.deviceId, body: seal('approve', phoneId.boxSecret, desktopId.boxPublic, 1) }],
    });
    expect((await desktop.next('deliver')).from).toBe(phoneId.deviceId);
  });

  it('refuses sending to a device of another group', async () => {
    const { relay } = await relayWith();
    const a = await desktopAndPhone(relay.url);
    const b = await desktopAndPhone(relay.url);
    a.phone.send({ t: 'send', ref: 'x', items: [{ to: b.desktopId.deviceId, body: 'x' }] });
    expect((await a.phone.next('sent')).refused).toEqual([{ to: b.desktopId.deviceId, code: 'not-member' }]);
  });

  it('an unpaired key is closed and cannot reconnect into the group', async () => {
    const { relay, store } = await relayWith();
    const { desktop, desktopId, phone, phoneId } = await desktopAndPhone(relay.url);
    desktop.send({ t: 'unpair', device: phoneId.deviceId });
    expect((await phone.closed).code).toBe(4003);
    expect(await store.membership(phoneId.deviceId)).toBeNull();
    const again = await client(relay.url, phoneId);
    expect(again.welcome.role).toBe('pending');
    expect(again.welcome.group).toBeNull();
    again.send({ t: 'drain' });
    expect((await again.next('error')).code).toBe('not-member');
    desktop.send({ t: 'send', ref: 'late', items: [{ to: phoneId.deviceId, body: 'x' }] });
    expect((await desktop.next('sent')).refused[0]?.code).toBe('not-member');
    // only the desktop may unpair
    const other = await pairPhone(desktop, desktopId, relay.url);
    cleanups.push(() => other.phone.close());
    other.phone.send({ t: 'unpair', device: desktopId.deviceId });
    expect((await other.phone.next('error')).code).toBe('not-allowed');
  });
});

describe('relay: mailbox', () => {
  it('an offline device gets its mailbox on reconnect, exactly once', async () => {
    const { relay } = await relayWith();
    const { desktop, desktopId, phone, phoneId } = await desktopAndPhone(relay.url);
    phone.close();
    await phone.closed;
    const items = [1, 2, 3].map((n) => ({ to: phoneId.deviceId, body: seal(`event ${n}`, desktopId.boxSecret, phoneId.boxPublic, n) }));
    desktop.send({ t: 'send', ref: 'offline', items });
    expect((await desktop.next('sent')).ids).toHaveLength(3);

    const back = await client(relay.url, phoneId);
    expect(back.welcome).toMatchObject({ role: 'device', mailbox: 3 });
    back.send({ t: 'drain' });
    const window = createReplayWindow();
    const texts: string[] = [];
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const d = await back.next('deliver');
      ids.push(d.id);
      texts.push(openText(d.body, phoneId.boxSecret, desktopId.boxPublic, window));
    }
    expect(texts).toEqual(['event 1', 'event 2', 'event 3']);
    expect(await back.next('drained')).toMatchObject({ remaining: 0 });
    // a second drain on the same connection does not repeat unacked ids
    back.send({ t: 'drain' });
    expect(await back.next('drained')).toMatchObject({ remaining: 0 });
    expect(back.inbox.filter((f) => f.t === 'deliver')).toHaveLength(0);
    back.send({ t: 'ack', ids });
    back.close();
    await back.closed;

    const third = await client(relay.url, phoneId);
    expect(third.welcome.mailbox).toBe(0);
    third.send({ t: 'drain' });
    expect(await third.next('drained')).toMatchObject({ remaining: 0 });
    expect(third.inbox.filter((f) => f.t === 'deliver')).toHaveLength(0);
  });

  it('an unacked delivery comes again on the next connection (and the replay window catches the repeat)', async () => {
    const { relay } = await relayWith();
    const { desktop, desktopId, phone, phoneId } = await desktopAndPhone(relay.url);
    const window = createReplayWindow();
    desktop.send({ t: 'send', ref: 'a', items: [{ to: phoneId.deviceId, body: seal('once', desktopId.boxSecret, phoneId.boxPublic, 5) }] });
    const first = await phone.next('deliver');
    expect(openText(first.body, phoneId.boxSecret, desktopId.boxPublic, window)).toBe('once');
    phone.close(); // dropped before it acked
    await phone.closed;
    const back = await client(relay.url, phoneId);
    back.send({ t: 'drain' });
    const again = await back.next('deliver');
    expect(again.id).toBe(first.id);
    expect(() => openText(again.body, phoneId.boxSecret, desktopId.boxPublic, window)).toThrow(/already accepted/);
  });

  it('enforces the count, byte and age caps (oldest dropped first)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'relay-caps-'));
    let now = Date.UTC(2026, 11, 1);
    const store = openSqliteStore(join(dir, 's.sqlite'), { maxCount: 5, maxBytes: 1000, maxAgeMs: 7 * 86_400_000 }, () => now);
    cleanups.push(async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    });
    const to = generateIdentity().deviceId;
    for (let i = 0; i < 8; i++) await store.put(to, { from: 'd', body: `m${i}`, at: now });
    expect(await store.count(to)).toBe(5);
    expect((await store.list(to, 10)).map((m) => m.body)).toEqual(['m3', 'm4', 'm5', 'm6', 'm7']);
    await store.put(to, { from: 'd', body: 'x'.repeat(900), at: now });
    const left = await store.list(to, 10);
    expect(left.reduce((n, m) => n + m.body.length, 0)).toBeLessThanOrEqual(1000);
    expect(left.at(-1)!.body).toHaveLength(900);
    now += 8 * 86_400_000;
    expect(await store.list(to, 10)).toEqual([]);
  });
});

describe('relay: limits', () => {
  it('rate limit per device trips, then recovers', async () => {
    const { relay } = await relayWith({ deviceFramesPerSecond: 2, deviceFrameBurst: 5 });
    const { phone } = await desktopAndPhone(relay.url);
    for (let i = 0; i < 12; i++) phone.send({ t: 'drain' });
    const error = await phone.next('error');
    expect(error.code).toBe('rate-limited');
  });

  it('rate limit per IP refuses a flood of connections', async () => {
    const { relay } = await relayWith({ ipConnectionBurst: 3, ipConnectionsPerSecond: 0.01 });
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () => connectRelay(relay.url, generateIdentity(), { timeoutMs: 2000 })),
    );
    for (const r of results) if (r.status === 'fulfilled') cleanups.push(() => r.value.close());
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
  });

  it('per-group daily quota refuses past the cap', async () => {
    const { relay } = await relayWith({ groupMessagesPerDay: 2 });
    const { desktop, phoneId } = await desktopAndPhone(relay.url);
    desktop.send({ t: 'send', ref: 'q', items: [1, 2, 3].map(() => ({ to: phoneId.deviceId, body: 'ciphertext' })) });
    const sent = await desktop.next('sent');
    expect(sent.ids).toHaveLength(2);
    expect(sent.refused).toEqual([{ to: phoneId.deviceId, code: 'quota-exceeded' }]);
  });
});
