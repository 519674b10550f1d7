import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getBinaryNodeChild } from '@whiskeysockets/baileys';
import { startStandin, type Standin } from '../../electron/core/channels/whatsapp/test-utils/standin';
import { trustStandin } from './harness';
import { accountStatus, createShop, linkThroughApp, startApp, until, type AppUnderTest } from './app-harness';

const SELLER = '213550000020';
const CUSTOMER = '213660000020';

interface OutRow {
  channel_message_id: string;
  status: string;
  body: string;
}

/** Stages 2 and 4 through our app: Connect flow, SQLite auth store, pipeline answering on the real socket. */
describe('stand-in with our app: link, answer, receipts, duplicates', () => {
  let standin: Standin;
  let app: AppUnderTest;

  beforeEach(async () => {
    standin = await startStandin();
    trustStandin(standin);
    app = await startApp(standin);
  });
  afterEach(async () => {
    await app.cleanup();
    await standin.close();
  });

  const outRows = (): OutRow[] =>
    app.core.ctx.store.sqlite
      .prepare("SELECT channel_message_id, status, COALESCE(text, '') AS body FROM messages WHERE direction = 'out' ORDER BY id")
      .all() as OutRow[];

  it('links by QR, answers a customer over Signal, and receipts move the outbound row', async () => {
    const shop = await createShop(app);
    const accountId = await linkThroughApp(app, standin, shop.id, SELLER);
    // The app's socket logged in with the creds its SQLite store saved during pairing.
    const login = standin.connections.at(-1)!;
    expect((await login.handshake).payload.passive).toBe(true);

    const customer = standin.customer(CUSTOMER);
    const hello = await standin.relay.customerSends(customer, SELLER, { conversation: 'Salam, 3andkom robe?' }, 'Amina');
    await until(() => customer.chat(SELLER).some((b) => !b.fromMe), 'the app reply at the customer');
    await app.core.ctx.pipeline.drain();

    const [out] = outRows();
    const bubble = customer.chat(SELLER).find((b) => !b.fromMe)!;
    // The customer's phone decrypted exactly what the pipeline wrote, under the pre-chosen id.
    expect(bubble.id).toBe(out!.channel_message_id);
    expect(bubble.text.length).toBeGreaterThan(0);
    expect(bubble.text).toBe(out!.body);
    expect(standin.relay.errors).toEqual([]);
    const inbound = app.core.ctx.store.sqlite.prepare("SELECT channel_message_id, text FROM messages WHERE direction = 'in'").get() as {
      channel_message_id: string;
      text: string;
    };
    expect(inbound).toEqual({ channel_message_id: hello.id, text: 'Salam, 3andkom robe?' });

    // Receipts: the socket confirmed delivery to the customer; the customer's delivered/read come back.
    await until(() => customer.receipts.some((r) => r.id === hello.id), 'delivery receipt from the app');
    // The dispatcher marked the message it answered read: blue ticks on the customer's phone.
    await until(() => customer.receipts.some((r) => r.id === hello.id && r.type === 'read'), 'read receipt from the app');
    // The stand-in's phone already sent one delivery receipt the instant it decrypted; Baileys may
    // fold that one into its own buffered fromMe upsert (see the report), so the phone confirms
    // again once the dispatcher has marked the row sent, as a later network receipt would.
    await until(() => outRows()[0]?.status !== 'sending' && outRows()[0]?.status !== 'queued', 'row marked sent');
    standin.relay.customerReceipt(customer, SELLER, [out!.channel_message_id]);
    await until(() => outRows()[0]?.status === 'delivered' || outRows()[0]?.status === 'read', 'delivered status');
    standin.relay.customerReceipt(customer, SELLER, [out!.channel_message_id], 'read');
    await until(() => outRows()[0]?.status === 'read', 'read status');
    expect(accountStatus(app, accountId)).toBe('connected');
  });

  it('a duplicate delivery of the same stanza produces no second reply', async () => {
    const shop = await createShop(app);
    await linkThroughApp(app, standin, shop.id, SELLER);
    const customer = standin.customer(CUSTOMER);
    const hello = await standin.relay.customerSends(customer, SELLER, { conversation: 'Bonjour, la robe noire ?' });
    await until(() => customer.chat(SELLER).some((b) => !b.fromMe), 'first reply');
    await app.core.ctx.pipeline.drain();
    const conn = standin.connections.at(-1)!;
    const before = conn.log.filter((r) => r.dir === 'in' && r.node.tag === 'message').length;

    standin.relay.redeliver(hello); // the server re-sends the very same bytes
    await conn.waitFor((n) => n.tag === 'ack' || n.tag === 'receipt', 5_000).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 500));
    await app.core.ctx.pipeline.drain();

    expect(outRows()).toHaveLength(1);
    expect(conn.log.filter((r) => r.dir === 'in' && r.node.tag === 'message').length).toBe(before);
    expect(customer.chat(SELLER).filter((b) => !b.fromMe)).toHaveLength(1);
    const inbound = app.core.ctx.store.sqlite.prepare("SELECT COUNT(*) AS n FROM messages WHERE direction = 'in'").get() as { n: number };
    expect(inbound.n).toBe(1);
  });

  it('a reply re-sent under the same id (in-doubt after a crash) shows once at the customer', async () => {
    const shop = await createShop(app);
    const accountId = await linkThroughApp(app, standin, shop.id, SELLER);
    const customer = standin.customer(CUSTOMER);
    await standin.relay.customerSends(customer, SELLER, { conversation: 'Salam' });
    await until(() => customer.chat(SELLER).some((b) => !b.fromMe), 'first reply');
    await app.core.ctx.pipeline.drain();
    const [out] = outRows();
    // What the dispatcher does on restart for a row whose send was interrupted: same id, same text.
    await app.core.ctx.whatsapp.channel.send({ accountId, to: customer.jid, channelMessageId: out!.channel_message_id, text: out!.body });
    await until(() => customer.deliveries.filter((d) => d.id === out!.channel_message_id).length === 2, 'the re-sent copy');
    expect(customer.chat(SELLER).filter((b) => b.id === out!.channel_message_id)).toHaveLength(1);
    const sent = standin.connections
      .at(-1)!
      .log.filter((r) => r.dir === 'in' && r.node.tag === 'message' && r.node.attrs.id === out!.channel_message_id);
    expect(sent).toHaveLength(2);
    expect(getBinaryNodeChild(sent[1]!.node, 'participants')).toBeTruthy();
  });
});
