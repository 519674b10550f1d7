/**
 * `npm run bench -- --json --only relay [--seconds 30] [--devices 1000] [--rate 2000]`: the relay under load on
 * loopback. Two relay instances (separate processes) and a real nats-server (installed with apt when missing, as
 * .ci/run does); 1,000 devices connected through the real protocol (signed challenge, pairing by proof): 250 desktops
 * on instance A, each paired with 3 phones split across A and B, so most deliveries cross NATS. The desktops send
 * 2,000 events/s for 30 s (one sealed-size body per event, 512 characters: the relay never opens a body, so its
 * content does not change its cost); phones ack in batches every 100 ms, as the device app does.
 * Reports delivery latency (send → deliver, same clock), delivered events/s, and the two relays' RSS per 1,000
 * connected devices. Bounded: fixed counts, and a hard stop at the duration plus 10 s of drain.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { generateIdentity, type DeviceIdentity } from '../shared/relay/index';
import { connectRelay, type RelayClient } from '../relay/src/client';
import { natsServerPath, startNatsServer } from '../relay/src/test-utils/nats-server';
import { pairPhone } from '../relay/src/test-utils/pair';
import { processCpuMs, startRelayProcess } from '../relay/src/test-utils/relay-process';
import { numberArg, percentile, round, sleep } from './lib/util';

const PHONES_PER_DESKTOP = 3;

function ensureNatsServer(): void {
  if (natsServerPath()) return;
  process.stderr.write('bench relay: installing nats-server with apt…\n');
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'nats-server'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (!natsServerPath()) throw new Error('nats-server is not installed and apt could not install it');
}

async function inBatches<T>(items: T[], size: number, fn: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}

export async function run(): Promise<Record<string, number>> {
  const seconds = numberArg('seconds', 30);
  const devices = numberArg('devices', 1000);
  const rate = numberArg('rate', 2000);
  ensureNatsServer();
  const nats = await startNatsServer();
  const env = {
    RELAY_NATS_URL: nats.url,
    RELAY_IP_CONNECTION_BURST: '100000',
    RELAY_IP_CONNECTIONS_PER_SECOND: '100000',
    RELAY_DEVICE_FRAMES_PER_SECOND: '1000',
    // one loopback address stands for a thousand shops here
    RELAY_IP_GROUPS_PER_HOUR: '100000',
    RELAY_IP_PAIR_JOINS_PER_MINUTE: '100000',
  };
  const nodeArgs = process.env.RELAY_BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const relays = [await startRelayProcess(env, nodeArgs), await startRelayProcess(env, nodeArgs)];
  const [a, b] = relays as [(typeof relays)[0], (typeof relays)[0]];
  const clients: RelayClient[] = [];
  try {
    const baseRss = a.rssMb() + b.rssMb();
    const desktopCount = Math.round(devices / (PHONES_PER_DESKTOP + 1));
    const groups: { desktop: RelayClient; id: DeviceIdentity; phones: { client: RelayClient; id: DeviceIdentity }[] }[] = [];
    const connectStarted = performance.now();
    await inBatches(
      Array.from({ length: desktopCount }, (_, i) => i),
      50,
      async () => {
        const id = generateIdentity();
        const desktop = await connectRelay(a.url, id, { create: true, timeoutMs: 30_000 });
        clients.push(desktop);
        groups.push({ desktop, id, phones: [] });
      },
    );
    let phoneIndex = 0;
    await inBatches(groups, 25, async (g) => {
      for (let p = 0; p < PHONES_PER_DESKTOP; p++) {
        const via = phoneIndex++ % 2 === 0 ? b : a;
        const { phone, phoneId } = await pairPhone(g.desktop, g.id, via.url);
        clients.push(phone);
        g.phones.push({ client: phone, id: phoneId });
      }
    });
    const connectSeconds = (performance.now() - connectStarted) / 1000;
    await sleep(2000);
    const connectedRss = a.rssMb() + b.rssMb();

    // Measure: the body starts with the event number, so the receiver finds the send time.
    const sentAt = new Map<number, number>();
    const latencies: number[] = [];
    let delivered = 0;
    const pad = randomBytes(384).toString('base64url');
    for (const g of groups) {
      g.desktop.onFrame(() => {});
      for (const p of g.phones) {
        const pending: string[] = [];
        p.client.onFrame((f) => {
          if (f.t !== 'deliver') return;
          const n = Number(f.body.slice(0, f.body.indexOf('.')));
          const t0 = sentAt.get(n);
          if (t0 !== undefined) {
            latencies.push(performance.now() - t0);
            sentAt.delete(n);
            delivered++;
          }
          pending.push(f.id);
        });
        const acker = setInterval(() => {
          if (pending.length) p.client.send({ t: 'ack', ids: pending.splice(0, 1000) });
        }, 100);
        acker.unref();
      }
    }
    const pairs = groups.flatMap((g) => g.phones.map((p) => ({ desktop: g.desktop, to: p.id.deviceId })));
    let seq = 0;
    const cpu = (): number => a.cpuMs() + b.cpuMs() + processCpuMs(nats.process.pid!);
    const cpuBefore = cpu();
    // The clients share this process: its own event-loop lag is part of every latency measured here.
    const lag = monitorEventLoopDelay({ resolution: 10 });
    lag.enable();
    const started = performance.now();
    const end = started + seconds * 1000;
    const tickMs = 10;
    while (performance.now() < end) {
      const due = Math.floor(((performance.now() - started) / 1000) * rate);
      while (seq < due) {
        const pair = pairs[seq % pairs.length]!;
        sentAt.set(seq, performance.now());
        pair.desktop.send({ t: 'send', ref: String(seq), items: [{ to: pair.to, body: `${seq}.${pad}` }] });
        seq++;
      }
      await sleep(tickMs);
    }
    const sendSeconds = (performance.now() - started) / 1000;
    const steadyRss = a.rssMb() + b.rssMb();
    const cpuUsed = cpu() - cpuBefore;
    lag.disable();
    const drainUntil = performance.now() + 10_000;
    while (sentAt.size > 0 && performance.now() < drainUntil) await sleep(100);
    latencies.sort((x, y) => x - y);
    const connected = groups.length * (PHONES_PER_DESKTOP + 1);
    return {
      p50_ms: round(percentile(latencies, 50), 1),
      p99_ms: round(percentile(latencies, 99), 1),
      events_per_s: round(delivered / sendSeconds, 0),
      mb_per_1000_devices: round(steadyRss / (connected / 1000), 1),
      mb_per_1000_devices_over_idle: round((connectedRss - baseRss) / (connected / 1000), 1),
      // CPU the two relays and nats-server spent per delivered event: independent of how busy the machine is
      server_cpu_ms_per_event: round(cpuUsed / Math.max(1, delivered), 3),
      server_cores_busy: round(cpuUsed / 1000 / sendSeconds, 2),
      client_loop_lag_p99_ms: round(lag.percentile(99) / 1e6, 1),
      load_average_1m: round(loadavg()[0]!, 1),
      devices: connected,
      sent: seq,
      lost: sentAt.size,
      connect_s: round(connectSeconds, 1),
    };
  } finally {
    for (const c of clients) c.close();
    for (const r of relays) await r.stop();
    await nats.stop();
  }
}
