import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Envelope } from '../../../shared/contract';
import {
  type DeviceIdentity,
  createReplayWindow,
  decodePairingOffer,
  fromB64u,
  generateIdentity,
  makePairSession,
  nextCounter,
  pairingProof,
  pairingTicket,
  publicIdentity,
} from '../../../shared/relay/index';
import { EventBus } from '../events';
import { silentLogger } from '../ports';
import { openDatabase, type Store } from '../database';
import { makeFakeRelay } from '../test-utils/fake-relay';
import { makeSyncService, type SyncService } from './sync-service';
import { makeSyncStore } from './sync-store';

let store: Store | undefined;
let service: SyncService | undefined;
let dataDir = '';
afterEach(async () => {
  service?.close();
  await store?.close();
  store = undefined;
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

const tick = () => new Promise((r) => setTimeout(r, 5));
const decoder = new TextDecoder();

async function setup() {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'souq-sync-'));
  store = await openDatabase({ file: ':memory:' });
  const bus = new EventBus();
  const relay = makeFakeRelay();
  const dispatched: { name: string; input: unknown }[] = [];
  service = makeSyncService({
    store: makeSyncStore(store.sqlite),
    dataDir,
    dispatch: (name, input) => {
      dispatched.push({ name, input });
      return Promise.resolve<Envelope<unknown>>({ ok: true, value: { sent: name } });
    },
    bus,
    clock: { now: () => new Date() },
    logger: silentLogger,
    WebSocket: relay.Socket,
    toQrDataUrl: (text) => Promise.resolve(`data:image/png;base64,${Buffer.from(text).toString('base64')}`),
  });
  return { bus, relay, dispatched, service };
}

/** The phone's side: pairs through the fake relay with the offer the desktop shows. */
async function pairDevice(s: SyncService, relay: ReturnType<typeof makeFakeRelay>, device: DeviceIdentity = generateIdentity()) {
  const { link } = await s.startPairing();
  const offer = decodePairingOffer(link);
  const me = publicIdentity(device);
  const hello = makePairSession(device.boxSecret, fromB64u(offer.desktop.box)).seal(
    JSON.stringify({ kind: 'device-hello', name: 'Amina’s phone' }),
    1,
  );
  relay.socket.push({
    t: 'pair-request',
    device: me.deviceId,
    box: me.box,
    ticket: pairingTicket(offer.secret),
    proof: pairingProof(offer.secret, me),
    hello,
  });
  const session = makePairSession(device.boxSecret, fromB64u(offer.desktop.box));
  return { device, offer, session, me };
}

describe('multi-device sync, desktop side', () => {
  it('is off by default and connects nowhere until turned on', async () => {
    const { relay, service } = await setup();
    service.start();
    expect(service.status()).toMatchObject({ enabled: false, connection: 'off', devices: [] });
    expect(relay.sockets).toHaveLength(0);
    await expect(service.startPairing()).rejects.toMatchObject({ code: 'conflict' });
    service.configure({ enabled: true, relayUrl: 'ws://127.0.0.1:9/relay' });
    await tick();
    expect(service.status().connection).toBe('connected');
    expect(relay.of('hello')[0]).toMatchObject({ create: true, device: service.identity().deviceId });
    // The identity file is the seller's alone.
    const file = path.join(dataDir, 'sync', 'desktop-identity.key');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    service.configure({ enabled: false });
    expect(service.status().connection).toBe('off');
  });

  it('pairs a device that proves it read the QR, once, and refuses a wrong proof or a reused offer', async () => {
    const { relay, service } = await setup();
    service.configure({ enabled: true, relayUrl: 'ws://127.0.0.1:9/relay', appUrl: 'http://127.0.0.1:8/app/' });
    await tick();
    const { link, qrDataUrl, expiresAt } = await service.startPairing();
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:8\/app\/#pair=/);
    expect(qrDataUrl).toMatch(/^data:image\/png/);
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(4 * 60_000);
    const offer = decodePairingOffer(link);
    const stranger = publicIdentity(generateIdentity());
    relay.socket.push({
      t: 'pair-request',
      device: stranger.deviceId,
      box: stranger.box,
      ticket: pairingTicket(offer.secret),
      proof: pairingProof(offer.secret, publicIdentity(generateIdentity())),
    });
    expect(relay.of('pair-reject')).toHaveLength(1);
    const phone = generateIdentity();
    const me = publicIdentity(phone);
    const join = {
      t: 'pair-request' as const,
      device: me.deviceId,
      box: me.box,
      ticket: pairingTicket(offer.secret),
      proof: pairingProof(offer.secret, me),
    };
    relay.socket.push(join);
    expect(relay.of('pair-accept')).toEqual([{ t: 'pair-accept', device: me.deviceId, ticket: join.ticket }]);
    expect(service.status().devices).toHaveLength(1);
    // The same offer cannot pair a second device.
    const other = publicIdentity(generateIdentity());
    relay.socket.push({ ...join, device: other.deviceId, box: other.box, proof: pairingProof(offer.secret, other) });
    expect(relay.of('pair-reject')).toHaveLength(2);
    expect(service.status().devices).toHaveLength(1);
  });

  it('seals allowlisted events for each device and keeps settings to itself', async () => {
    const { bus, relay, service } = await setup();
    service.configure({ enabled: true, relayUrl: 'ws://127.0.0.1:9/relay' });
    await tick();
    const { session, me } = await pairDevice(service, relay);
    expect(service.status().devices[0]?.name).toBe('Amina’s phone');
    const sendsBefore = relay.of('send').length;
    bus.emit('settings/changed', { shopId: 1 });
    expect(relay.of('send')).toHaveLength(sendsBefore);
    bus.emit('conversations/escalated', { shopId: 1, conversationId: 4, reason: 'asked for a human', notices: [] });
    const send = relay.of('send').at(-1);
    expect(send?.items[0]?.to).toBe(me.deviceId);
    expect(send?.items[0]?.body).not.toContain('asked for a human');
    const opened = JSON.parse(decoder.decode(session.open(send?.items[0]?.body ?? '', createReplayWindow())));
    expect(opened).toEqual({
      t: 'event',
      name: 'conversations/escalated',
      payload: expect.objectContaining({ reason: 'asked for a human' }),
    });
  });

  it('runs an allowlisted command once, refuses others, and rejects tampered and replayed envelopes', async () => {
    const { relay, dispatched, service } = await setup();
    service.configure({ enabled: true, relayUrl: 'ws://127.0.0.1:9/relay' });
    await tick();
    const { session, me } = await pairDevice(service, relay);
    let counter = 0;
    const deliver = (body: string, id: string) => relay.socket.push({ t: 'deliver', id, from: me.deviceId, body, at: Date.now() });
    const sealCall = (name: string, id: string) => {
      counter = nextCounter(counter);
      return session.seal(JSON.stringify({ t: 'call', id, name, input: { shopId: 1, conversationId: 2, text: 'bonjour' } }), counter);
    };
    const results = () =>
      relay
        .of('send')
        .flatMap((f) => f.items)
        .map(
          (item) =>
            JSON.parse(decoder.decode(session.open(item.body, createReplayWindow()))) as {
              t: string;
              id?: string;
              envelope?: Envelope<unknown>;
            },
        )
        .filter((m) => m.t === 'result');

    const body = sealCall('conversations/reply', 'reply-0001');
    deliver(body, 'm1');
    await tick();
    expect(dispatched).toEqual([{ name: 'conversations/reply', input: { shopId: 1, conversationId: 2, text: 'bonjour' } }]);
    expect(results().at(-1)).toMatchObject({ id: 'reply-0001', envelope: { ok: true } });
    expect(relay.of('ack').flatMap((a) => a.ids)).toContain('m1');

    // The same ciphertext again (a replay through the relay): refused before anything runs.
    deliver(body, 'm2');
    await tick();
    expect(dispatched).toHaveLength(1);

    // One changed character of the ciphertext: the tag fails.
    const tampered = JSON.parse(sealCall('conversations/reply', 'reply-0002')) as { x: string };
    tampered.x = (tampered.x[0] === 'A' ? 'B' : 'A') + tampered.x.slice(1);
    deliver(JSON.stringify(tampered), 'm3');
    await tick();
    expect(dispatched).toHaveLength(1);

    deliver(sealCall('settings/get', 'settings-01'), 'm4');
    await tick();
    expect(dispatched).toHaveLength(1);
    expect(results().at(-1)).toMatchObject({ id: 'settings-01', envelope: { ok: false, error: { code: 'unauthorized' } } });
  });

  it('unpairs: the relay is told, the device is forgotten, and the others get a new box key under the old one', async () => {
    const { relay, service } = await setup();
    service.configure({ enabled: true, relayUrl: 'ws://127.0.0.1:9/relay' });
    await tick();
    const keep = await pairDevice(service, relay);
    const drop = await pairDevice(service, relay);
    const before = service.identity().boxPublic;
    const dropped = service.status().devices.find((d) => d.id === 2);
    expect(dropped).toBeDefined();
    service.unpair(2);
    expect(relay.of('unpair')).toEqual([{ t: 'unpair', device: drop.me.deviceId }]);
    expect(service.status().devices.map((d) => d.id)).toEqual([1]);
    const after = service.identity().boxPublic;
    expect(Buffer.from(after).equals(Buffer.from(before))).toBe(false);
    const rekey = relay.of('send').at(-1)?.items ?? [];
    expect(rekey.map((i) => i.to)).toEqual([keep.me.deviceId]);
    const message = JSON.parse(decoder.decode(keep.session.open(rekey[0]?.body ?? '', createReplayWindow())));
    expect(message).toMatchObject({ kind: 'rekey' });
    // A command from the unpaired device is not even opened.
    relay.socket.push({
      t: 'deliver',
      id: 'x',
      from: drop.me.deviceId,
      body: drop.session.seal('{"t":"hello","at":"now"}', nextCounter(0)),
      at: Date.now(),
    });
    await tick();
    expect(() => service?.unpair(2)).toThrow(/No paired device/);
  });
});
