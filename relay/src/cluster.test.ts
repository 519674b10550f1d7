// Two relay instances sharing one real nats-server (JetStream): a device on one instance reaches a device on the
// other, live and through the mailbox, and an unpair on one instance shuts the device out of both.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReplayWindow, generateIdentity, openText, seal } from '../../shared/relay/index';
import { connectRelay, type RelayClient } from './client';
import { connectNatsCluster } from './nats-cluster';
import { startRelay, type Relay } from './server';
import { natsServerPath, startNatsServer, type NatsServer } from './test-utils/nats-server';
import { pairPhone } from './test-utils/pair';

const nats = natsServerPath();
if (!nats)
  process.stderr.write('relay cluster test SKIPPED: nats-server is not installed (apt-get install -y nats-server; .ci/run does)\n');

describe.skipIf(!nats)('relay: two instances through nats-server', () => {
  let server: NatsServer;
  const relays: Relay[] = [];
  const closers: (() => Promise<void>)[] = [];
  const clients: RelayClient[] = [];

  beforeAll(async () => {
    server = await startNatsServer();
    for (let i = 0; i < 2; i++) {
      const { store, bus } = await connectNatsCluster({
        servers: server.url,
        caps: { maxCount: 100, maxBytes: 1 << 20, maxAgeMs: 86_400_000 },
      });
      relays.push(
        await startRelay({
          store,
          bus,
          deliveryMode: 'offer-first',
          offerTimeoutMs: 500,
          limits: { ipConnectionBurst: 1000 },
          log: () => {},
        }),
      );
      closers.push(() => store.close());
    }
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    for (const r of relays) await r.close();
    for (const c of closers) await c();
    await server?.stop();
  });

  it('delivers across instances, live and from the mailbox, and unpair holds on both', async () => {
    const [a, b] = relays as [Relay, Relay];
    const desktopId = generateIdentity();
    const desktop = await connectRelay(a.url, desktopId, { create: true });
    clients.push(desktop);
    expect(desktop.welcome.role).toBe('desktop');
    // The phone pairs through instance B while the desktop sits on A.
    const { phone, phoneId } = await pairPhone(desktop, desktopId, b.url);
    clients.push(phone);
    const window = createReplayWindow();

    desktop.send({
      t: 'send',
      ref: 'live',
      items: [{ to: phoneId.deviceId, body: seal('live across', desktopId.boxSecret, phoneId.boxPublic, 1) }],
    });
    const live = await phone.next('deliver');
    expect(openText(live.body, phoneId.boxSecret, desktopId.boxPublic, window)).toBe('live across');
    phone.send({ t: 'ack', ids: [live.id] });

    phone.close();
    await phone.closed;
    desktop.send({
      t: 'send',
      ref: 'mail',
      items: [{ to: phoneId.deviceId, body: seal('waited', desktopId.boxSecret, phoneId.boxPublic, 2) }],
    });
    expect((await desktop.next('sent')).ids).toHaveLength(1);
    await desktop.next('sent');

    // Back on instance A this time: its mailbox is shared.
    const back = await connectRelay(a.url, phoneId);
    clients.push(back);
    expect(back.welcome).toMatchObject({ role: 'device', mailbox: 1 });
    back.send({ t: 'drain' });
    const waited = await back.next('deliver');
    expect(openText(waited.body, phoneId.boxSecret, desktopId.boxPublic, window)).toBe('waited');
    expect(await back.next('drained')).toMatchObject({ remaining: 0 });
    back.send({ t: 'ack', ids: [waited.id] });
    back.close();
    await back.closed;

    const onB = await connectRelay(b.url, phoneId);
    clients.push(onB);
    expect(onB.welcome.mailbox).toBe(0);
    onB.send({ t: 'drain' });
    expect(await onB.next('drained')).toMatchObject({ remaining: 0 });
    expect(onB.inbox.filter((f) => f.t === 'deliver')).toHaveLength(0);

    // Unpaired from the desktop on A: the phone's socket on B is closed, and neither instance lets it back in.
    desktop.send({ t: 'unpair', device: phoneId.deviceId });
    expect((await onB.closed).code).toBe(4003);
    for (const r of relays) {
      const again = await connectRelay(r.url, phoneId);
      clients.push(again);
      expect(again.welcome.role).toBe('pending');
    }
  });

  it('offer-first: a delivery the device does not ack in time goes to its mailbox, and the repeat is caught by the replay window', async () => {
    const [a, b] = relays as [Relay, Relay];
    const desktopId = generateIdentity();
    const desktop = await connectRelay(a.url, desktopId, { create: true });
    clients.push(desktop);
    const { phone, phoneId } = await pairPhone(desktop, desktopId, b.url);
    clients.push(phone);
    const window = createReplayWindow();
    desktop.send({
      t: 'send',
      ref: 'slow',
      items: [{ to: phoneId.deviceId, body: seal('slow ack', desktopId.boxSecret, phoneId.boxPublic, 7) }],
    });
    const live = await phone.next('deliver');
    expect(openText(live.body, phoneId.boxSecret, desktopId.boxPublic, window)).toBe('slow ack');
    // No ack: after the offer timeout (500 ms here) the relay stores it and only then answers the sender.
    const sent = await desktop.next('sent');
    expect(sent.ids[0]).toMatch(/^\d+$/);
    phone.close();
    await phone.closed;
    const back = await connectRelay(a.url, phoneId);
    clients.push(back);
    expect(back.welcome.mailbox).toBe(1);
    back.send({ t: 'drain' });
    const again = await back.next('deliver');
    expect(again.body).toBe(live.body);
    expect(() => openText(again.body, phoneId.boxSecret, desktopId.boxPublic, window)).toThrow(/already accepted/);
    back.send({ t: 'ack', ids: [again.id] });
  });
});
