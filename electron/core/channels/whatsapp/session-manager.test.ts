import { DisconnectReason, proto } from '@whiskeysockets/baileys';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventMessage } from '../../../../shared/contract';
import type { Shop } from '../../../../shared/domain/schemas';
import type { Core } from '../../create-core';
import { call, makeTempCore } from '../../test-utils/temp-core';
import { closeError, makeFakeSocketFactory, makeManualTime, waMessage } from './test-utils/fake-socket';

const ME = '213555000111:5@s.whatsapp.net';
const CUSTOMER = '213550000001@s.whatsapp.net';

let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

async function setup(dataDir?: string) {
  const time = makeManualTime();
  const sockets = makeFakeSocketFactory();
  const notes: string[] = [];
  const temp = await makeTempCore({
    ...(dataDir ? { dataDir } : {}),
    clock: time.clock,
    notifier: { notify: (notice) => notes.push(notice.code) },
    whatsapp: { socketFactory: sockets.factory, timers: time.timers, random: () => 0.5 },
  });
  const events: EventMessage[] = [];
  temp.core.bus.subscribe((e) => events.push(e));
  cleanups.push(async () => {
    await temp.core.close();
  });
  return { ...temp, time, sockets, events, notes };
}

type Setup = Awaited<ReturnType<typeof setup>>;

/** Links a number by QR through the contract and the socket double: qr → pair → 515 → open. */
async function linkByQr(t: Setup, shopId: number): Promise<number> {
  const { accountId } = await call<{ accountId: number }>(t.core, 'wa/start-link', { shopId, method: 'qr', label: 'Boutique' });
  t.sockets.last().qr('ref-1');
  await until(() => t.events.some((e) => e.name === 'wa/qr'));
  t.sockets.last().pairSuccess(ME);
  t.sockets.last().open();
  return accountId;
}

async function until(check: () => boolean, what = 'condition'): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const rows = <T>(core: Core, sql: string, ...params: unknown[]) => core.ctx.store.sqlite.prepare(sql).all(...params) as T[];
const one = <T>(core: Core, sql: string, ...params: unknown[]) => core.ctx.store.sqlite.prepare(sql).get(...params) as T;
const statusOf = (core: Core, accountId: number) =>
  one<{ status: string }>(core, 'SELECT status FROM accounts WHERE id = ?', accountId).status;

async function shopOf(core: Core) {
  return call<Shop>(core, 'shops/create', { name: 'Boutique Amina', currency: 'DZD' });
}

const text = (id: string, body: string, ts: number, extra: Record<string, unknown> = {}) =>
  waMessage({
    key: { remoteJid: CUSTOMER, fromMe: false, id, ...extra },
    messageTimestamp: ts,
    pushName: 'Amina',
    message: { conversation: body },
  });

describe('WhatsApp session manager (socket double, real pipeline)', () => {
  it('links by QR: data-URL QR with the 3-minute window, 515 restart at once, connected with the phone number', async () => {
    const t = await setup();
    const shop = await shopOf(t.core);
    const accountId = await linkByQr(t, shop.id);
    const qr = t.events.find((e): e is EventMessage<'wa/qr'> => e.name === 'wa/qr');
    expect(qr?.payload.dataUrl).toMatch(/^data:image\/png;base64,/);
    expect(Date.parse(qr?.payload.expiresAt ?? '') - t.time.clock.now().getTime()).toBe(180_000);
    expect(t.sockets.sockets).toHaveLength(2); // the restartRequired close made a new socket without waiting
    expect(t.sockets.sockets[0]?.config.markOnlineOnConnect).toBe(false);
    expect(t.sockets.sockets[1]?.config.msgRetryCounterCache).toBe(t.sockets.sockets[0]?.config.msgRetryCounterCache);
    expect(statusOf(t.core, accountId)).toBe('connected');
    const statuses = t.events
      .filter((e): e is EventMessage<'accounts/status'> => e.name === 'accounts/status')
      .map((e) => e.payload.status);
    expect(statuses).toEqual(expect.arrayContaining(['connecting', 'qr_ready', 'connected']));
    const [view] = await call<{ phone: string; status: string; linkedAt: string }[]>(t.core, 'wa/get-overview', { shopId: shop.id });
    expect(view).toMatchObject({ phone: '+213555000111', status: 'connected' });
    expect(view?.linkedAt).toBeTruthy();
  });

  it('links by pairing code for a typed phone number', async () => {
    const t = await setup();
    const shop = await shopOf(t.core);
    await call(t.core, 'wa/start-link', { shopId: shop.id, method: 'pairing-code', phone: '+213 555 00 01 11' });
    t.sockets.last().qr('ref-1');
    await until(() => t.events.some((e) => e.name === 'wa/pairing-code'), 'pairing code');
    expect(t.sockets.last().pairingPhone).toBe('213555000111');
    const ev = t.events.find((e): e is EventMessage<'wa/pairing-code'> => e.name === 'wa/pairing-code');
    expect(ev?.payload.code).toBe('K7QD4XWP');
    t.sockets.last().qr('ref-2'); // a rotated ref must not ask for a second code
    await new Promise((r) => setTimeout(r, 20));
    expect(t.events.filter((e) => e.name === 'wa/pairing-code')).toHaveLength(1);
  });

  it('a linking that runs out of time stops instead of looping, and cancel forgets the never-linked number', async () => {
    const t = await setup();
    const shop = await shopOf(t.core);
    const { accountId } = await call<{ accountId: number }>(t.core, 'wa/start-link', { shopId: shop.id, method: 'qr' });
    t.sockets.last().close(DisconnectReason.timedOut); // QR refs ran out
    t.time.advance(10 * 60_000);
    expect(t.sockets.sockets).toHaveLength(1);
    expect(statusOf(t.core, accountId)).toBe('disconnected');
    expect(await call(t.core, 'wa/cancel-link', { shopId: shop.id, accountId })).toEqual({ cancelled: true });
    expect(await call(t.core, 'wa/get-overview', { shopId: shop.id })).toEqual([]);
  });

  it('normalises inbound messages into pipeline rows, maps LID senders, answers with the pre-chosen id', async () => {
    const t = await setup();
    const shop = await shopOf(t.core);
    const accountId = await linkByQr(t, shop.id);
    const sock = t.sockets.last();
    sock.lids.set('99887766@lid', CUSTOMER);
    const now = Math.floor(t.time.clock.now().getTime() / 1000);
    sock.upsert([
      waMessage({
        key: { remoteJid: '99887766@lid', fromMe: false, id: 'IN-1' },
        messageTimestamp: now,
        pushName: 'Amina',
        message: { conversation: 'Salam, robe dispo?' },
      }),
    ]);
    await t.core.ctx.whatsapp.session(accountId)?.idle();
    await t.core.ctx.pipeline.drain();
    const contact = one<{ jid: string; name: string }>(t.core, 'SELECT jid, name FROM contacts');
    expect(contact).toEqual({ jid: CUSTOMER, name: 'Amina' });
    const out = one<{ channel_message_id: string; status: string }>(
      t.core,
      "SELECT channel_message_id, status FROM messages WHERE direction = 'out'",
    );
    expect(out.status).toBe('sent');
    expect(sock.sent).toHaveLength(1);
    expect(sock.sent[0]?.jid).toBe(CUSTOMER);
    expect(sock.sent[0]?.options?.messageId).toBe(out.channel_message_id);
    // The sent content is kept for Baileys' retry receipts (getMessage answered from SQLite).
    const kept = await sock.config.getMessage?.({ remoteJid: CUSTOMER, id: out.channel_message_id, fromMe: true });
    expect(kept?.conversation).toBe(sock.sent[0] && 'text' in sock.sent[0].content ? sock.sent[0].content.text : null);
    // A delivery receipt folded into our own message's upsert (Baileys buffering) counts too.
    sock.upsert([
      waMessage({
        key: { remoteJid: CUSTOMER, fromMe: true, id: out.channel_message_id },
        messageTimestamp: now,
        status: proto.WebMessageInfo.Status.DELIVERY_ACK,
        message: { conversation: 'x' },
      }),
    ]);
    expect(one<{ status: string }>(t.core, "SELECT status FROM messages WHERE direction = 'out'").status).toBe('delivered');
    // A read receipt moves the outbound row forward.
    sock.ev.emit('messages.update', [
      { key: { remoteJid: CUSTOMER, id: out.channel_message_id, fromMe: true }, update: { status: proto.WebMessageInfo.Status.READ } },
    ]);
    expect(one<{ status: string }>(t.core, "SELECT status FROM messages WHERE direction = 'out'").status).toBe('read');
  });

  it('stores media kinds with captions, quoted ids, and keeps groups and status broadcasts out unless opted in', async () => {
    const t = await setup();
    const shop = await shopOf(t.core);
    const accountId = await linkByQr(t, shop.id);
    const sock = t.sockets.last();
    const now = Math.floor(t.time.clock.now().getTime() / 1000);
    const group = '120363000000000001@g.us';
    sock.upsert([
      waMessage({
        key: { remoteJid: CUSTOMER, fromMe: false, id: 'IMG-1' },
        messageTimestamp: now,
        message: { imageMessage: { caption: 'had l model?', mimetype: 'image/jpeg', fileLength: 999_999_999 } },
      }),
      waMessage({
        key: { remoteJid: CUSTOMER, fromMe: false, id: 'Q-1' },
        messageTimestamp: now,
        message: { extendedTextMessage: { text: 'w hadi', contextInfo: { stanzaId: 'IMG-1' } } },
      }),
      waMessage({
        key: { remoteJid: group, fromMe: false, id: 'GRP-1', participant: '213550000002@s.whatsapp.net' },
        messageTimestamp: now,
        message: { conversation: 'group chatter' },
      }),
      waMessage({
        key: { remoteJid: 'status@broadcast', fromMe: false, id: 'ST-1', participant: CUSTOMER },
        messageTimestamp: now,
        message: { conversation: 'my story' },
      }),
    ]);
    await t.core.ctx.whatsapp.session(accountId)?.idle();
    const stored = rows<{ channel_message_id: string; kind: string; text: string; meta: string | null }>(
      t.core,
      "SELECT channel_message_id, kind, text, meta FROM messages WHERE direction = 'in' ORDER BY id",
    );
    expect(stored.map((m) => [m.channel_message_id, m.kind, m.text])).toEqual([
      ['IMG-1', 'image', 'had l model?'],
      ['Q-1', 'text', 'w hadi'],
    ]);
    expect(JSON.parse(stored[1]?.meta ?? '{}')).toMatchObject({ quoted: 'IMG-1' });

    await call(t.core, 'wa/set-answer-policy', { shopId: shop.id, accountId, groups: [group] });
    sock.upsert([
      waMessage({
        key: { remoteJid: group, fromMe: false, id: 'GRP-2', participant: '213550000002@s.whatsapp.net' },
        messageTimestamp: now,
        message: { conversation: 'opted in' },
      }),
    ]);
    await t.core.ctx.whatsapp.session(accountId)?.idle();
    expect(rows(t.core, "SELECT 1 FROM messages WHERE channel_message_id = 'GRP-2'")).toHaveLength(1);
  });

  it('a fromMe message with no outbox row puts the conversation in human takeover', async () => {
    const t = await setup();
    const shop = await shopOf(t.core);
    const accountId = await linkByQr(t, shop.id);
    const sock = t.sockets.last();
    const now = Math.floor(t.time.clock.now().getTime() / 1000);
    sock.upsert([
      waMessage({
        key: { remoteJid: CUSTOMER, fromMe: true, id: 'PHONE-1' },
        messageTimestamp: now,
        message: { conversation: 'je vous appelle' },
      }),
    ]);
    await t.core.ctx.whatsapp.session(accountId)?.idle();
    expect(one<{ takeover: number }>(t.core, 'SELECT takeover FROM conversations').takeover).toBe(1);
    expect(one<{ author: string }>(t.core, "SELECT author FROM messages WHERE channel_message_id = 'PHONE-1'").author).toBe('seller');
  });

  it('catch-up: answers fresh messages, stores old ones and ones the seller already answered as context', async () => {
    const t = await setup();
    const shop = await shopOf(t.core);
    const accountId = await linkByQr(t, shop.id);
    const sock = t.sockets.last();
    const now = Math.floor(t.time.clock.now().getTime() / 1000);
    const other = '213550000007@s.whatsapp.net';
    sock.upsert(
      [
        text('OLD-1', 'from yesterday', now - 13 * 3600),
        waMessage({
          key: { remoteJid: other, fromMe: false, id: 'ANS-1' },
          messageTimestamp: now - 600,
          message: { conversation: 'prix?' },
        }),
        waMessage({
          key: { remoteJid: other, fromMe: true, id: 'ANS-REPLY' },
          messageTimestamp: now - 300,
          message: { conversation: '2500 DA' },
        }),
        text('NEW-1', 'still there?', now - 60),
      ],
      'append',
    );
    await t.core.ctx.whatsapp.session(accountId)?.idle();
    // Context only: stored without a turn (no waiting marker); the fresh one waits for its answer.
    const queue = rows<{ cid: string; state: number | null }>(
      t.core,
      'SELECT channel_message_id AS cid, turn_state AS state FROM messages ORDER BY id',
    );
    expect(Object.fromEntries(queue.map((q) => [q.cid, q.state]))).toMatchObject({ 'OLD-1': null, 'ANS-1': null, 'NEW-1': 1 }); // 1 = waits
  });

  it('who the bot answers: excluded numbers and saved contacts (new-only) are never stored', async () => {
    const t = await setup();
    const shop = await shopOf(t.core);
    const accountId = await linkByQr(t, shop.id);
    const sock = t.sockets.last();
    const now = Math.floor(t.time.clock.now().getTime() / 1000);
    await call(t.core, 'wa/set-excluded', { shopId: shop.id, accountId, contacts: [{ jid: '+213 550 00 00 01', name: 'Yemma' }] });
    await call(t.core, 'wa/set-answer-policy', { shopId: shop.id, accountId, mode: 'not_excluded' });
    sock.upsert([text('FAM-1', 'ch7al l3chaa?', now)]);
    sock.ev.emit('contacts.upsert', [{ id: '213550000005@s.whatsapp.net', name: 'Supplier Karim' }]);
    await t.core.ctx.whatsapp.session(accountId)?.idle();
    expect(rows(t.core, "SELECT 1 FROM messages WHERE channel_message_id = 'FAM-1'")).toHaveLength(0);
    expect(await call(t.core, 'wa/list-contacts', { shopId: shop.id, accountId, query: 'karim' })).toEqual([
      { jid: '213550000005@s.whatsapp.net', name: 'Supplier Karim', saved: true },
    ]);

    await call(t.core, 'wa/set-answer-policy', { shopId: shop.id, accountId, mode: 'new_only' });
    sock.upsert([
      waMessage({
        key: { remoteJid: '213550000005@s.whatsapp.net', fromMe: false, id: 'SUP-1' },
        messageTimestamp: now,
        message: { conversation: 'stock arrived' },
      }),
      waMessage({
        key: { remoteJid: '213550000006@s.whatsapp.net', fromMe: false, id: 'NEWC-1' },
        messageTimestamp: now,
        message: { conversation: 'bonjour' },
      }),
    ]);
    await t.core.ctx.whatsapp.session(accountId)?.idle();
    expect(rows<{ c: string }>(t.core, "SELECT channel_message_id AS c FROM messages WHERE direction = 'in'").map((r) => r.c)).toEqual([
      'NEWC-1',
    ]);
  });

  it('an undecryptable message is counted and stored as an unanswered placeholder; the real one later still gets in', async () => {
    const t = await setup();
    const shop = await shopOf(t.core);
    const accountId = await linkByQr(t, shop.id);
    const sock = t.sockets.last();
    const now = Math.floor(t.time.clock.now().getTime() / 1000);
    sock.upsert([
      waMessage({
        key: { remoteJid: CUSTOMER, fromMe: false, id: 'ENC-1' },
        messageTimestamp: now,
        messageStubType: proto.WebMessageInfo.StubType.CIPHERTEXT,
        messageStubParameters: ['Bad MAC'],
      }),
    ]);
    sock.upsert([text('ENC-1', 'the real message after the retry', now)]);
    await t.core.ctx.whatsapp.session(accountId)?.idle();
    const stored = rows<{ c: string; state: number | null }>(
      t.core,
      'SELECT channel_message_id AS c, turn_state AS state FROM messages ORDER BY id',
    );
    expect(stored[0]).toEqual({ c: 'ENC-1#undecrypted', state: null }); // context only: never waits for a turn
    expect(stored[1]?.c).toBe('ENC-1');
    const [view] = await call<{ decryptFailures: number }[]>(t.core, 'wa/get-overview', { shopId: shop.id });
    expect(view?.decryptFailures).toBe(1);
  });

  it('a socket-level send failure leaves the outbox row queued for a retry under the same id', async () => {
    const t = await setup();
    const shop = await shopOf(t.core);
    const accountId = await linkByQr(t, shop.id);
    const sock = t.sockets.last();
    sock.failNextSend = closeError(DisconnectReason.connectionClosed, 'Connection Closed');
    sock.upsert([text('IN-9', 'salam', Math.floor(t.time.clock.now().getTime() / 1000))]);
    await t.core.ctx.whatsapp.session(accountId)?.idle();
    await t.core.ctx.pipeline.drain();
    const row = one<{ state: string; attempts: number; last_error: string; channel_message_id: string }>(
      t.core,
      'SELECT state, attempts, last_error, channel_message_id FROM outbox',
    );
    expect(row.state).toBe('queued');
    expect(row.attempts).toBe(1);
    expect(row.last_error).toMatch(/Connection Closed/);
    expect(sock.sent).toHaveLength(0);
    expect(one<{ status: string }>(t.core, "SELECT status FROM messages WHERE direction = 'out'").status).not.toBe('failed');
  });

  it('reconnects with backoff 2 s × 1.8 on connection loss, resets after a stable connection, alerts after 12 failures', async () => {
    const t = await setup();
    const shop = await shopOf(t.core);
    const accountId = await linkByQr(t, shop.id);
    const delays: number[] = [];
    for (let i = 0; i < 14; i++) {
      const before = t.sockets.sockets.length;
      t.sockets.last().close(DisconnectReason.connectionLost);
      const [delay] = t.time.pendingDelays().filter((d) => d > 1000 && d <= 60_000);
      delays.push(delay ?? -1);
      t.time.advance(delay ?? 0);
      expect(t.sockets.sockets.length).toBe(before + 1);
    }
    expect(delays.slice(0, 6)).toEqual([2000, 3600, 6480, 11664, 20995, 30000]);
    expect(delays.slice(12)).toEqual([60_000, 60_000]);
    expect(t.notes).toContain('wa_keeps_disconnecting');
    expect(statusOf(t.core, accountId)).toBe('connecting');

    // A connection that stays up resets the counter.
    t.sockets.last().open();
    t.time.advance(61_000);
    t.sockets.last().close(DisconnectReason.connectionClosed);
    expect(t.time.pendingDelays().filter((d) => d > 1000 && d <= 60_000)[0]).toBe(2000);
  });

  it.each([
    ['connectionReplaced (440)', DisconnectReason.connectionReplaced, 'error', true],
    ['loggedOut (401)', DisconnectReason.loggedOut, 'logged_out', false],
    ['forbidden (403)', DisconnectReason.forbidden, 'banned', true],
  ])('stops without reconnecting on %s', async (_name, code, status, credsKept) => {
    const t = await setup();
    const shop = await shopOf(t.core);
    const accountId = await linkByQr(t, shop.id);
    t.sockets.last().close(code);
    const made = t.sockets.sockets.length;
    t.time.advance(3_600_000);
    expect(t.sockets.sockets.length).toBe(made);
    expect(statusOf(t.core, accountId)).toBe(status);
    expect(rows(t.core, 'SELECT 1 FROM wa_auth_creds WHERE account_id = ?', accountId).length === 1).toBe(credsKept);
    expect(t.notes).toContain('wa_needs_attention');
  });

  it('the watchdog reconnects a connected socket that has been silent far past its keep-alive', async () => {
    const t = await setup();
    const shop = await shopOf(t.core);
    await linkByQr(t, shop.id);
    const silent = t.sockets.last();
    t.time.advance(29 * 60_000);
    expect(silent.ended).toBeNull();
    t.time.advance(2 * 60_000);
    expect(silent.ended).not.toBeNull();
    t.time.advance(2500);
    expect(t.sockets.last()).not.toBe(silent);
  });

  it('restores a linked number after a restart from the encrypted creds, without a new QR', async () => {
    const first = await setup();
    const shop = await shopOf(first.core);
    const accountId = await linkByQr(first, shop.id);
    const noise = Buffer.from(first.sockets.last().config.auth.creds.noiseKey.private);
    const dataDir = first.dataDir;
    await first.core.close();
    cleanups = [];

    const second = await setup(dataDir);
    // Core is ready before Baileys loads; the linked number reconnects right after.
    await second.core.ctx.whatsapp.ready();
    await new Promise((resolve) => setImmediate(resolve));
    expect(second.sockets.sockets).toHaveLength(1);
    const creds = second.sockets.last().config.auth.creds;
    expect(creds.me?.id).toBe(ME);
    expect(Buffer.from(creds.noiseKey.private).equals(noise)).toBe(true);
    second.sockets.last().open();
    expect(statusOf(second.core, accountId)).toBe('connected');
    expect(second.events.some((e) => e.name === 'wa/qr')).toBe(false);
  });

  it('disconnect keeps the number linked but not restored on start; remove logs out and forgets the keys', async () => {
    const t = await setup();
    const shop = await shopOf(t.core);
    const accountId = await linkByQr(t, shop.id);
    const view = await call<{ status: string; disconnectedSince: string | null }>(t.core, 'wa/disconnect', { shopId: shop.id, accountId });
    expect(view.status).toBe('disconnected');
    expect(view.disconnectedSince).toBeTruthy();
    expect(one<{ autostart: number }>(t.core, 'SELECT autostart FROM wa_accounts WHERE account_id = ?', accountId).autostart).toBe(0);
    await call(t.core, 'wa/connect', { shopId: shop.id, accountId });
    t.sockets.last().open();
    const sock = t.sockets.last();
    expect(await call(t.core, 'wa/remove', { shopId: shop.id, accountId })).toEqual({ removed: true });
    expect(sock.loggedOut).toBe(true);
    expect(rows(t.core, 'SELECT 1 FROM wa_auth_creds')).toHaveLength(0);
    expect(await call(t.core, 'wa/get-overview', { shopId: shop.id })).toEqual([]);
  });
});
