// Several relay instances behind a load balancer share everything through NATS, so any instance can serve any
// device:
//  - the bus is a core NATS subject per device (`relay.dev.<device id>`): the instance holding the socket delivers;
//  - memberships are a JetStream KV bucket (`relay_members`): `d.<device>` → { group, role }, `g.<group>` → members;
//  - presence is a second KV bucket in memory storage with a TTL (a crashed instance's devices go offline by themselves);
//  - mailboxes are one JetStream stream (`RELAY_MAIL`, subject `relay.mail.<device id>`), capped per subject (count)
//    and by age by the server itself; an ack deletes the message by its stream sequence (the id the device sees).
import {
  connect,
  ErrorCode,
  DiscardPolicy,
  JSONCodec,
  nanos,
  RetentionPolicy,
  StorageType,
  type JetStreamClient,
  type JetStreamManager,
  type KV,
  type NatsConnection,
} from 'nats';
import { randomBytes } from 'node:crypto';
import { MAX_FRAME_BYTES } from '../../shared/relay/index';
import type { Bus, BusEvent, OfferOutcome } from './bus';
import type { GroupMember, MailboxCaps, MailItem, Membership, Presence, RelayStore } from './store';

const STREAM = 'RELAY_MAIL';
const jc = JSONCodec();

export function makeNatsBus(nc: NatsConnection): Bus {
  return {
    publish(device, event) {
      nc.publish(`relay.dev.${device}`, jc.encode(event));
    },
    async offer(device, item, timeoutMs): Promise<OfferOutcome> {
      // nats.js builds an Error per request up front (for the stack of a later timeout); capturing that stack was
      // ~7% of a relay's CPU in the bench. We never print it, so capture none.
      const limit = Error.stackTraceLimit;
      Error.stackTraceLimit = 0;
      let reply: Promise<unknown>;
      try {
        reply = nc.request(`relay.dev.${device}`, jc.encode({ kind: 'deliver', item } satisfies BusEvent), { timeout: timeoutMs });
      } finally {
        Error.stackTraceLimit = limit;
      }
      try {
        await reply;
        return 'acked';
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (code === ErrorCode.NoResponders) return 'absent';
        if (code === ErrorCode.Timeout) return 'timeout';
        throw err;
      }
    },
    subscribe(device, handler) {
      const sub = nc.subscribe(`relay.dev.${device}`, {
        callback: (err, msg) => {
          if (err) return;
          const event = jc.decode(msg.data) as BusEvent;
          handler(event, msg.reply ? () => msg.respond() : undefined);
        },
      });
      return () => sub.unsubscribe();
    },
    close: async () => {},
  };
}

function isNotFound(err: unknown): boolean {
  return err instanceof Error && /no message found|not found|404/i.test(err.message);
}

export async function makeJetStreamStore(nc: NatsConnection, caps: MailboxCaps): Promise<RelayStore> {
  const js: JetStreamClient = nc.jetstream();
  const jsm: JetStreamManager = await nc.jetstreamManager();
  const config = {
    name: STREAM,
    subjects: ['relay.mail.>'],
    retention: RetentionPolicy.Limits,
    storage: StorageType.File,
    discard: DiscardPolicy.Old,
    max_msgs_per_subject: caps.maxCount,
    max_age: nanos(caps.maxAgeMs),
    max_msg_size: MAX_FRAME_BYTES,
    // direct get: a mailbox is read with next_by_subj, without a consumer per device
    allow_direct: true,
  };
  try {
    await jsm.streams.info(STREAM);
    await jsm.streams.update(STREAM, config);
  } catch (err) {
    if (!isNotFound(err)) throw err;
    await jsm.streams.add(config);
  }
  const members: KV = await js.views.kv('relay_members', { history: 1 });
  const presenceKv: KV = await js.views.kv('relay_presence', { history: 1, storage: StorageType.Memory, ttl: 7 * 86_400_000 });

  const readJson = async <T>(kv: KV, key: string): Promise<{ value: T; revision: number } | null> => {
    const entry = await kv.get(key);
    if (!entry || entry.operation !== 'PUT' || entry.value.length === 0) return null;
    return { value: entry.json<T>(), revision: entry.revision };
  };

  /** Read-modify-write of a group's member list, retried on a concurrent change (compare-and-set on the revision). */
  async function changeGroup(group: string, change: (list: GroupMember[]) => GroupMember[]): Promise<void> {
    for (let attempt = 0; attempt < 10; attempt++) {
      const current = await readJson<GroupMember[]>(members, `g.${group}`);
      const next = jc.encode(change(current?.value ?? []));
      try {
        if (current) await members.update(`g.${group}`, next, current.revision);
        else await members.create(`g.${group}`, next);
        return;
      } catch {
        // someone else changed it: read again
      }
    }
    throw new Error('group changed too often to update');
  }

  const subject = (device: string): string => `relay.mail.${device}`;

  return {
    membership: async (device) => (await readJson<Membership>(members, `d.${device}`))?.value ?? null,
    async createGroup(desktop) {
      const m: Membership = { group: randomBytes(16).toString('base64url'), role: 'desktop' };
      await changeGroup(m.group, () => [{ device: desktop, role: 'desktop' }]);
      await members.put(`d.${desktop}`, jc.encode(m));
      return m;
    },
    async addDevice(group, device) {
      await changeGroup(group, (list) => [...list.filter((m) => m.device !== device), { device, role: 'device' }]);
      await members.put(`d.${device}`, jc.encode({ group, role: 'device' } satisfies Membership));
    },
    async removeDevice(group, device) {
      const m = await readJson<Membership>(members, `d.${device}`);
      if (m?.value.group !== group) return false;
      await members.delete(`d.${device}`);
      await changeGroup(group, (list) => list.filter((x) => x.device !== device));
      await jsm.streams.purge(STREAM, { filter: subject(device) });
      return true;
    },
    members: async (group) => (await readJson<GroupMember[]>(members, `g.${group}`))?.value ?? [],
    async put(to, item) {
      const ack = await js.publish(subject(to), jc.encode(item));
      return String(ack.seq);
    },
    async list(to, max, skip) {
      const out: MailItem[] = [];
      let seq = 1;
      while (out.length < max) {
        // JetStream's direct get ($JS.API.DIRECT.GET): the next message at or after `seq` on this subject.
        const reply = await nc.request(`$JS.API.DIRECT.GET.${STREAM}`, jc.encode({ seq, next_by_subj: subject(to) }), { timeout: 5000 });
        const found = Number(reply.headers?.get('Nats-Sequence'));
        if (!reply.headers || reply.headers.hasError || !Number.isSafeInteger(found) || found <= 0) break;
        seq = found + 1;
        const id = String(found);
        if (skip?.has(id)) continue;
        out.push({ id, ...(jc.decode(reply.data) as Omit<MailItem, 'id'>) });
      }
      return out;
    },
    async count(to) {
      const info = await jsm.streams.info(STREAM, { subjects_filter: subject(to) });
      return info.state.subjects?.[subject(to)] ?? 0;
    },
    async ack(to, ids) {
      // An id is a stream sequence: delete it only if it is in this device's mailbox (no deleting others' mail).
      await Promise.all(
        ids.map(async (id) => {
          const seq = Number(id);
          if (!Number.isSafeInteger(seq) || seq <= 0) return;
          try {
            const msg = await jsm.streams.getMessage(STREAM, { seq });
            if (msg.subject === subject(to)) await jsm.streams.deleteMessage(STREAM, seq, false);
          } catch (err) {
            if (!isNotFound(err)) throw err;
          }
        }),
      );
    },
    async setPresence(device, online, at) {
      await presenceKv.put(device, jc.encode({ online, lastSeen: at } satisfies Presence));
    },
    async presence(devices) {
      const out = new Map<string, Presence>();
      await Promise.all(
        devices.map(async (d) => {
          const p = await readJson<Presence>(presenceKv, d);
          if (p) out.set(d, p.value);
        }),
      );
      return out;
    },
    close: async () => {},
  };
}

export async function connectNatsCluster(options: {
  servers: string;
  caps: MailboxCaps;
}): Promise<{ store: RelayStore; bus: Bus; nc: NatsConnection }> {
  const nc = await connect({ servers: options.servers.split(','), maxReconnectAttempts: -1 });
  const store = await makeJetStreamStore(nc, options.caps);
  const bus = makeNatsBus(nc);
  return {
    nc,
    bus,
    store: { ...store, close: async () => nc.drain() },
  };
}
