import { afterEach, describe, expect, it } from 'vitest';
import type { Message, Shop } from '../../../shared/domain/schemas';
import { ChannelSendError } from '../channels/types';
import type { Core } from '../create-core';
import { call, makeTempCore } from '../test-utils/temp-core';

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

async function setup(overrides: Parameters<typeof makeTempCore>[0] = {}) {
  const temp = await makeTempCore(overrides);
  cleanup = temp.cleanup;
  const shop = await call<Shop>(temp.core, 'shops/create', { name: 'Boutique', currency: 'DZD' });
  const accountId = temp.core.ctx.testPhone.accountFor(shop.id);
  return { ...temp, shop, accountId };
}

const inbound = (accountId: number, id: string, text: string, from = '213550000001@s.whatsapp.net') => ({
  accountId,
  channelMessageId: id,
  from,
  kind: 'text' as const,
  text,
  at: new Date().toISOString(),
});

function count(core: Core, sql: string, ...params: unknown[]): number {
  return (core.ctx.store.sqlite.prepare(sql).get(...params) as { n: number }).n;
}

describe('pipeline', () => {
  it('stores a message delivered three times once and answers it once', async () => {
    const { core, accountId } = await setup();
    // The three deliveries arrive together: one group commit, the message row written once.
    const [first, second, third] = await Promise.all(
      [1, 2, 3].map(() => core.ctx.pipeline.sink.accept(inbound(accountId, 'WA-1', 'salam'))),
    );
    expect(first!.duplicate).toBe(false);
    expect([second!.duplicate, third!.duplicate]).toEqual([true, true]);
    expect(second!.messageId).toBe(first!.messageId);
    await core.ctx.pipeline.drain();
    expect(count(core, "SELECT count(*) n FROM messages WHERE direction = 'in'")).toBe(1);
    expect(count(core, "SELECT count(*) n FROM messages WHERE direction = 'out'")).toBe(1);
    expect(count(core, "SELECT count(*) n FROM messages WHERE direction = 'out' AND status = 'sent'")).toBe(1);
    expect(count(core, 'SELECT count(*) n FROM outbox')).toBe(0); // a sent row leaves the outbox
  });

  it('answers each conversation in order and records the reply as sent with its pre-chosen id', async () => {
    const { core, accountId } = await setup();
    for (let i = 0; i < 5; i++) await core.ctx.pipeline.sink.accept(inbound(accountId, `A-${i}`, `message ${i}`));
    await core.ctx.pipeline.drain();
    const replies = core.ctx.store.sqlite
      .prepare("SELECT text, status, channel_message_id FROM messages WHERE direction = 'out' ORDER BY id")
      .all() as { text: string; status: string; channel_message_id: string }[];
    expect(replies.map((r) => r.text)).toEqual([0, 1, 2, 3, 4].map((i) => `Thank you! We received: «message ${i}»`));
    expect(new Set(replies.map((r) => r.status))).toEqual(new Set(['sent']));
    const view = core.ctx.testPhone.thread(1, '+213550000001').filter((m) => m.direction === 'in');
    expect(view.map((m) => m.id)).toEqual(replies.map((r) => r.channel_message_id));
  });

  it.each([
    ['blocked contact: stored, dropped, no reply', 'blocked', 0],
    ['takeover: no bot reply', 'takeover', 0],
    ['approval mode: a draft awaits the seller', 'approval', 0],
    ['AI disabled: no reply', 'ai-off', 0],
    ['AI enabled: the brain answers', 'default', 1],
  ])('routes: %s', async (_name, mode, sentReplies) => {
    const { core, shop, accountId } = await setup();
    // First contact creates the conversation; then the branch's condition is set.
    await core.ctx.pipeline.sink.accept(inbound(accountId, 'R-0', 'hello'));
    await core.ctx.pipeline.drain();
    const conversationId = count(core, 'SELECT id n FROM conversations');
    const contactId = count(core, 'SELECT id n FROM contacts');
    if (mode === 'blocked') await call(core, 'contacts/set-blocked', { shopId: shop.id, contactId, blocked: true });
    if (mode === 'takeover') await call(core, 'conversations/set-takeover', { shopId: shop.id, conversationId, takeover: true });
    if (mode === 'approval') await call(core, 'settings/update', { shopId: shop.id, patch: { bot: { approvalMode: true } } });
    if (mode === 'ai-off') await call(core, 'settings/update', { shopId: shop.id, patch: { bot: { aiEnabled: false } } });
    await core.ctx.pipeline.sink.accept(inbound(accountId, 'R-1', 'second'));
    await core.ctx.pipeline.drain();
    expect(count(core, "SELECT count(*) n FROM messages WHERE direction = 'in'")).toBe(2);
    expect(count(core, "SELECT count(*) n FROM messages WHERE direction = 'out' AND status = 'sent'")).toBe(1 + sentReplies);
    // Every route finishes the turn: the message no longer waits (its marker is cleared), whether answered or not.
    expect(
      count(
        core,
        "SELECT count(*) n FROM messages WHERE turn_state IS NULL AND id = (SELECT max(id) FROM messages WHERE direction = 'in')",
      ),
    ).toBe(1);
    if (mode === 'approval') {
      expect(count(core, "SELECT count(*) n FROM messages WHERE status = 'draft'")).toBe(1);
      expect(count(core, "SELECT count(*) n FROM conversations WHERE status = 'pending_approval'")).toBe(1);
    }
  });

  it('sends an approved draft under the id chosen when it was drafted', async () => {
    const { core, shop, accountId } = await setup();
    await call(core, 'settings/update', { shopId: shop.id, patch: { bot: { approvalMode: true } } });
    await core.ctx.pipeline.sink.accept(inbound(accountId, 'D-1', 'price?'));
    await core.ctx.pipeline.drain();
    const draft = core.ctx.store.sqlite.prepare("SELECT id, channel_message_id FROM messages WHERE status = 'draft'").get() as {
      id: number;
      channel_message_id: string;
    };
    const approved = await call<Message>(core, 'drafts/approve', { shopId: shop.id, messageId: draft.id, text: 'It is 6500 DA.' });
    expect(approved.text).toBe('It is 6500 DA.');
    await core.ctx.pipeline.drain();
    const view = core.ctx.testPhone.thread(shop.id, '+213550000001').filter((m) => m.direction === 'in');
    expect(view).toEqual([expect.objectContaining({ id: draft.channel_message_id, text: 'It is 6500 DA.' })]);
    const again = await core.app.dispatch('drafts/approve', { shopId: shop.id, messageId: draft.id });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('retries a transient send failure under the same id, and fails visibly on a permanent one', async () => {
    const failures: (ChannelSendError | null)[] = [new ChannelSendError('socket closed', true)];
    const { core, accountId } = await setup();
    const sim = core.ctx.pipeline;
    // A channel that fails on demand and records every attempt's id.
    const sent: string[] = [];
    sim.attachChannel(accountId, {
      kind: 'simulator',
      async send(message) {
        const failure = failures.shift();
        sent.push(message.channelMessageId);
        if (failure) throw failure;
      },
    });
    await sim.sink.accept(inbound(accountId, 'F-1', 'one'));
    await sim.drain();
    expect(count(core, "SELECT attempts n FROM outbox WHERE state = 'queued'")).toBe(1);
    core.ctx.store.sqlite.prepare("UPDATE outbox SET next_attempt_at = '2000-01-01T00:00:00.000Z'").run();
    sim.start();
    await sim.drain();
    expect(sent).toHaveLength(2);
    expect(sent[0]).toBe(sent[1]);
    expect(count(core, "SELECT count(*) n FROM messages WHERE direction = 'out' AND status = 'sent'")).toBe(1);
    expect(count(core, 'SELECT count(*) n FROM outbox')).toBe(0);

    failures.push(new ChannelSendError('recipient does not exist', false));
    await sim.sink.accept(inbound(accountId, 'F-2', 'two'));
    await sim.drain();
    const failed = core.ctx.store.sqlite
      .prepare("SELECT status, error FROM messages WHERE direction = 'out' ORDER BY id DESC LIMIT 1")
      .get() as { status: string; error: string };
    expect(failed).toEqual({ status: 'failed', error: 'recipient does not exist' });
  });

  it('resumes queued work after a restart and re-sends an in-doubt row under its stored id', async () => {
    const temp = await makeTempCore({ paused: true });
    cleanup = temp.cleanup;
    const { core, dataDir } = temp;
    const shop = await call<Shop>(core, 'shops/create', { name: 'B' });
    const accountId = core.ctx.testPhone.accountFor(shop.id);
    await core.ctx.pipeline.sink.accept(inbound(accountId, 'X-1', 'hello'));
    // Simulate a crash after the outbox write: a queued row exists, nothing was sent.
    await core.ctx.pipeline.drain();
    expect(count(core, "SELECT count(*) n FROM messages WHERE direction = 'out' AND status = 'sent'")).toBe(1);
    const id = (
      core.ctx.store.sqlite.prepare("SELECT channel_message_id FROM messages WHERE direction = 'out'").get() as {
        channel_message_id: string;
      }
    ).channel_message_id;
    // Pretend the process died after sending but before bookkeeping: its outbox row queued again, the reply unsent.
    core.ctx.store.sqlite
      .exec(`INSERT INTO outbox (shop_id, account_id, conversation_id, message_id, to_jid, channel_message_id, next_attempt_at, created_at)
        SELECT shop_id, account_id, conversation_id, id, '213550000001@s.whatsapp.net', channel_message_id, created_at, created_at FROM messages WHERE direction = 'out';
      UPDATE messages SET status = 'queued' WHERE direction = 'out';`);
    await core.close();
    const { createCore } = await import('../create-core');
    const { noPacing, noRateLimits } = await import('./policies');
    const reopened = await createCore({
      dataDir,
      rateLimits: noRateLimits,
      pacing: noPacing,
      simulator: { fsync: false, receipts: false },
    });
    cleanup = async () => {
      await reopened.close();
      await temp.cleanup();
    };
    await reopened.ctx.pipeline.drain();
    const view = reopened.ctx.testPhone.thread(shop.id, '+213550000001').filter((m) => m.direction === 'in');
    expect(view.map((m) => m.id)).toEqual([id]);
    expect(count(reopened, "SELECT count(*) n FROM messages WHERE direction = 'out' AND status = 'sent'")).toBe(1);
    expect(count(reopened, 'SELECT count(*) n FROM outbox')).toBe(0);
  });

  it('lets the seller reply, take over and give back', async () => {
    const { core, shop, accountId } = await setup();
    await core.ctx.pipeline.sink.accept(inbound(accountId, 'S-1', 'bonjour'));
    await core.ctx.pipeline.drain();
    const conversationId = count(core, 'SELECT id n FROM conversations');
    const taken = await call<{ takeover: boolean; status: string }>(core, 'conversations/set-takeover', {
      shopId: shop.id,
      conversationId,
      takeover: true,
    });
    expect(taken).toMatchObject({ takeover: true, status: 'waiting_human' });
    const reply = await call<Message>(core, 'conversations/reply', { shopId: shop.id, conversationId, text: 'Je suis la vendeuse.' });
    expect(reply).toMatchObject({ author: 'seller', status: 'queued' });
    await core.ctx.pipeline.sink.accept(inbound(accountId, 'S-2', 'merci'));
    await core.ctx.pipeline.drain();
    const out = core.ctx.store.sqlite.prepare("SELECT author FROM messages WHERE direction = 'out' ORDER BY id").all() as {
      author: string;
    }[];
    expect(out.map((o) => o.author)).toEqual(['bot', 'seller']);
    const back = await call<{ takeover: boolean }>(core, 'conversations/set-takeover', {
      shopId: shop.id,
      conversationId,
      takeover: false,
    });
    expect(back.takeover).toBe(false);
    const bad = await core.app.dispatch('conversations/reply', { shopId: shop.id, conversationId, text: '   ' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('treats a fromMe message the bot did not send as the seller answering from the phone', async () => {
    const { core, accountId } = await setup();
    await core.ctx.pipeline.sink.accept(inbound(accountId, 'E-1', 'salam'));
    await core.ctx.pipeline.drain();
    const ours = (
      core.ctx.store.sqlite.prepare("SELECT channel_message_id FROM messages WHERE direction = 'out'").get() as {
        channel_message_id: string;
      }
    ).channel_message_id;
    core.ctx.pipeline.sink.ownEcho({
      accountId,
      channelMessageId: ours,
      to: '213550000001@s.whatsapp.net',
      text: 'x',
      at: new Date().toISOString(),
    });
    expect(count(core, "SELECT count(*) n FROM messages WHERE direction = 'out'")).toBe(1);
    core.ctx.pipeline.sink.ownEcho({
      accountId,
      channelMessageId: 'PHONE-1',
      to: '213550000001@s.whatsapp.net',
      text: 'je m’en occupe',
      at: new Date().toISOString(),
    });
    expect(count(core, "SELECT count(*) n FROM messages WHERE direction = 'out' AND author = 'seller'")).toBe(1);
    expect(count(core, 'SELECT takeover n FROM conversations')).toBe(1);
  });

  it('keeps a phone-started takeover for the set time, then the bot answers again', async () => {
    let now = Date.parse('2026-11-23T10:00:00Z');
    const temp = await makeTempCore({ clock: { now: () => new Date(now) } });
    cleanup = temp.cleanup;
    const core = temp.core;
    const shop = await call<Shop>(core, 'shops/create', { name: 'T' });
    await call(core, 'settings/update', { shopId: shop.id, patch: { bot: { phoneTakeoverMinutes: 30 } } });
    const accountId = core.ctx.testPhone.accountFor(shop.id);
    const at = () => new Date(now).toISOString();
    core.ctx.pipeline.sink.ownEcho({
      accountId,
      channelMessageId: 'PHONE-9',
      to: '213550000001@s.whatsapp.net',
      text: 'salam, ana hna',
      at: at(),
    });
    await core.ctx.pipeline.sink.accept({ ...inbound(accountId, 'T-1', 'ok merci'), at: at() });
    await core.ctx.pipeline.drain();
    expect(count(core, "SELECT count(*) n FROM messages WHERE direction = 'out' AND author = 'bot'")).toBe(0);
    now += 31 * 60_000;
    await core.ctx.pipeline.sink.accept({ ...inbound(accountId, 'T-2', 'wach kayen?'), at: at() });
    await core.ctx.pipeline.drain();
    expect(count(core, "SELECT count(*) n FROM messages WHERE direction = 'out' AND author = 'bot'")).toBe(1);
  });

  it('acknowledges a voice note in the language the customer last wrote in and hands over to the seller', async () => {
    const { core, accountId } = await setup();
    await core.ctx.pipeline.sink.accept(inbound(accountId, 'V-0', 'salam khoya, ch7al had sac?'));
    await core.ctx.pipeline.drain();
    await core.ctx.pipeline.sink.accept({ ...inbound(accountId, 'V-1', ''), kind: 'audio' });
    await core.ctx.pipeline.drain();
    const last = core.ctx.store.sqlite
      .prepare("SELECT text, meta FROM messages WHERE direction = 'out' ORDER BY id DESC LIMIT 1")
      .get() as { text: string; meta: string };
    expect(last.text).toMatch(/ta3ek/);
    expect(JSON.parse(last.meta)).toMatchObject({ language: 'dz-latn', escalate: true });
    const conversation = core.ctx.store.sqlite.prepare('SELECT status, escalation_reason FROM conversations').get();
    expect(conversation).toEqual({
      status: 'waiting_human',
      escalation_reason: JSON.stringify([{ code: 'voice_note_received', params: {} }]),
    });
  });
});
