// `tsx relay/src/main.ts` (or `npm start -w relay`): configuration from the environment, see relay/README.md.
import { makeLocalBus } from './bus';
import { DEFAULT_LIMITS, type RelayLimits } from './limits';
import { startRelay } from './server';
import { openSqliteStore } from './sqlite-store';

const env = process.env;
const num = (name: string, fallback: number): number => (env[name] ? Number(env[name]) : fallback);

async function main(): Promise<void> {
  const limits: Partial<RelayLimits> = {
    ipConnectionBurst: num('RELAY_IP_CONNECTION_BURST', DEFAULT_LIMITS.ipConnectionBurst),
    ipConnectionsPerSecond: num('RELAY_IP_CONNECTIONS_PER_SECOND', DEFAULT_LIMITS.ipConnectionsPerSecond),
    deviceFramesPerSecond: num('RELAY_DEVICE_FRAMES_PER_SECOND', DEFAULT_LIMITS.deviceFramesPerSecond),
    deviceFrameBurst: num('RELAY_DEVICE_FRAME_BURST', DEFAULT_LIMITS.deviceFrameBurst),
    ipGroupsPerHour: num('RELAY_IP_GROUPS_PER_HOUR', DEFAULT_LIMITS.ipGroupsPerHour),
    ipPairJoinsPerMinute: num('RELAY_IP_PAIR_JOINS_PER_MINUTE', DEFAULT_LIMITS.ipPairJoinsPerMinute),
    groupMessagesPerDay: num('RELAY_GROUP_MESSAGES_PER_DAY', DEFAULT_LIMITS.groupMessagesPerDay),
    groupBytesPerDay: num('RELAY_GROUP_BYTES_PER_DAY', DEFAULT_LIMITS.groupBytesPerDay),
    mailbox: {
      maxCount: num('RELAY_MAILBOX_MAX_COUNT', DEFAULT_LIMITS.mailbox.maxCount),
      maxBytes: num('RELAY_MAILBOX_MAX_BYTES', DEFAULT_LIMITS.mailbox.maxBytes),
      maxAgeMs: num('RELAY_MAILBOX_MAX_AGE_DAYS', 7) * 86_400_000,
    },
  };
  let store;
  let bus;
  const deliveryMode = env.RELAY_NATS_URL ? 'offer-first' : 'store-first';
  if (env.RELAY_NATS_URL) {
    const { connectNatsCluster } = await import('./nats-cluster');
    ({ store, bus } = await connectNatsCluster({ servers: env.RELAY_NATS_URL, caps: { ...DEFAULT_LIMITS.mailbox, ...limits.mailbox } }));
  } else {
    store = openSqliteStore(env.RELAY_DB ?? 'relay.sqlite', { ...DEFAULT_LIMITS.mailbox, ...limits.mailbox });
    bus = makeLocalBus();
  }
  const relay = await startRelay({
    store,
    bus,
    host: env.RELAY_HOST ?? '127.0.0.1',
    port: num('RELAY_PORT', 8787),
    limits,
    deliveryMode,
    ...(env.RELAY_STATIC_DIR ? { staticDir: env.RELAY_STATIC_DIR } : {}),
  });
  process.stdout.write(`relay listening on ${relay.url}\n`);
  const stop = (): void => {
    void relay
      .close()
      .then(() => store.close())
      .then(() => bus.close())
      .then(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`relay failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
