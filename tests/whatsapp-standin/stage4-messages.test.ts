import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getBinaryNodeChild, proto, type WAMessage } from '@whiskeysockets/baileys';
import { startStandin, type Standin } from '../../electron/core/channels/whatsapp/test-utils/standin';
import { connectSocket, openSocket, pairNewDevice, trustStandin, type MemoryAuth, type TestSocket } from './harness';

const SELLER = '213550000003';
const CUSTOMER = '213660000010';

/** Collects messages.upsert / messages.update from a raw socket. */
const collect = (s: TestSocket) => {
  const upserts: WAMessage[] = [];
  const statuses: { id: string; status: number }[] = [];
  s.sock.ev.on('messages.upsert', ({ messages }) => {
    upserts.push(...messages);
    // Baileys' event buffer folds a receipt that lands while buffering into the upsert itself.
    for (const m of messages) if (m.key.fromMe && m.status != null) statuses.push({ id: m.key.id ?? '', status: m.status });
  });
  s.sock.ev.on('messages.update', (updates) => {
    for (const u of updates) if (u.update.status != null) statuses.push({ id: u.key.id ?? '', status: u.update.status });
  });
  return { upserts, statuses };
};

const until = async (check: () => boolean, timeoutMs = 5_000, what = 'condition'): Promise<void> => {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('stand-in stage 4: Signal-encrypted messages between a customer and the real socket', () => {
  let standin: Standin;
  let auth: MemoryAuth;
  const sockets: TestSocket[] = [];

  beforeEach(async () => {
    standin = await startStandin();
    trustStandin(standin);
    ({ auth } = await pairNewDevice(standin, SELLER));
  });
  afterEach(async () => {
    for (const s of sockets.splice(0)) void s.sock.end(undefined);
    await standin.close();
  });

  it('decrypts pkmsg then msg from a customer, replies, and receipts flow both ways', async () => {
    const s = await openSocket(standin, auth.reload());
    sockets.push(s);
    const seen = collect(s);
    const customer = standin.customer(CUSTOMER);

    // First message: the customer has no session, fetches the bundle the socket uploaded → pkmsg.
    const first = await standin.relay.customerSends(customer, SELLER, { conversation: 'Salam, 3andkom had robe?' }, 'Amina');
    const firstEnc = getBinaryNodeChild(first.perDevice[0]!.stanza, 'enc');
    expect(firstEnc?.attrs.type).toBe('pkmsg');
    await until(() => seen.upserts.some((m) => m.key.id === first.id), 5_000, 'first message upsert');
    const got = seen.upserts.find((m) => m.key.id === first.id)!;
    expect(got.message?.conversation).toBe('Salam, 3andkom had robe?');
    expect(got.key.remoteJid).toBe(customer.jid);
    expect(got.pushName).toBe('Amina');
    // The socket's delivery receipt reached the customer's phone.
    await until(() => customer.receipts.some((r) => r.id === first.id), 5_000, 'delivery receipt');

    // The seller answers under a caller-chosen id; the customer's phone decrypts it.
    const replyId = '3EB0STANDIN0000000001';
    await s.sock.sendMessage(customer.jid, { text: 'Oui, 4500 DA.' }, { messageId: replyId });
    await until(() => customer.chat(SELLER).some((b) => b.id === replyId), 5_000, 'reply at the customer');
    expect(customer.chat(SELLER).find((b) => b.id === replyId)?.text).toBe('Oui, 4500 DA.');
    expect(standin.relay.errors).toEqual([]);

    // Having received an answer, the customer's session is confirmed: the next message is a plain msg.
    const second = await standin.relay.customerSends(customer, SELLER, { conversation: 'Ch7al le prix?' });
    expect(getBinaryNodeChild(second.perDevice[0]!.stanza, 'enc')?.attrs.type).toBe('msg');
    await until(() => seen.upserts.some((m) => m.key.id === second.id && m.message?.conversation === 'Ch7al le prix?'));

    // Delivered and read receipts from the customer come back as status updates on the socket.
    await until(
      () => seen.statuses.some((u) => u.id === replyId && u.status === proto.WebMessageInfo.Status.DELIVERY_ACK),
      5_000,
      'delivered status',
    );
    standin.relay.customerReceipt(customer, SELLER, [replyId], 'read');
    await until(() => seen.statuses.some((u) => u.id === replyId && u.status === proto.WebMessageInfo.Status.READ), 5_000, 'read status');
  });

  it('the seller can write first: the socket fetches the customer bundle and sends a pkmsg', async () => {
    const s = await openSocket(standin, auth.reload());
    sockets.push(s);
    const customer = standin.customer('213660000011');
    await s.sock.sendMessage(customer.jid, { text: 'Votre commande est prête' }, { messageId: '3EB0FIRST' });
    await until(() => customer.chat(SELLER).some((b) => b.id === '3EB0FIRST'), 5_000, 'first contact at the customer');
    const outbound = s.conn.log.find((r) => r.dir === 'in' && r.node.tag === 'message' && r.node.attrs.id === '3EB0FIRST');
    expect(JSON.stringify(outbound?.node)).toContain('pkmsg');
    expect(getBinaryNodeChild(outbound!.node, 'device-identity')).toBeTruthy();
  });

  it('a message sent while the companion was offline arrives at the next login', async () => {
    // The companion has been online once (its pre-keys are on the server), then goes away.
    const once = await openSocket(standin, auth.reload());
    void once.sock.end(undefined);
    await once.conn.closed;
    const customer = standin.customer(CUSTOMER);
    const sent = await standin.relay.customerSends(customer, SELLER, { conversation: 'Vous êtes là ?' });
    // Listen from the first frame: the backlog is handed over as soon as the socket goes active.
    const s = connectSocket(standin, auth.reload());
    sockets.push(s);
    const seen = collect(s);
    await s.waitForUpdate((u) => u.receivedPendingNotifications === true);
    await until(() => seen.upserts.some((m) => m.key.id === sent.id), 5_000, 'offline message');
    const got = seen.upserts.find((m) => m.key.id === sent.id);
    expect(got?.messageStubParameters ?? []).toEqual([]);
    expect(got?.message?.conversation).toBe('Vous êtes là ?');
    const delivered = standin.connections
      .at(-1)!
      .log.find((r) => r.dir === 'out' && r.node.tag === 'message' && r.node.attrs.id === sent.id);
    expect(delivered?.node.attrs.offline).toBe('1');
  });

  it('a reply re-sent under the same id shows once in the customer chat', async () => {
    const s = await openSocket(standin, auth.reload());
    sockets.push(s);
    const customer = standin.customer(CUSTOMER);
    const hello = await standin.relay.customerSends(customer, SELLER, { conversation: 'Bonjour' });
    await s.conn.waitFor((n) => n.tag === 'receipt' && n.attrs.id === hello.id);
    await s.sock.sendMessage(customer.jid, { text: 'Bonjour !' }, { messageId: '3EB0SAMEID' });
    await s.sock.sendMessage(customer.jid, { text: 'Bonjour !' }, { messageId: '3EB0SAMEID' });
    await until(() => customer.deliveries.filter((d) => d.id === '3EB0SAMEID').length === 2, 5_000, 'two deliveries');
    expect(customer.chat(SELLER).filter((b) => b.id === '3EB0SAMEID')).toHaveLength(1);
  });
});
