import { describe, expect, it } from 'vitest';
import type { EventMessage } from '../contract/events';
import type { Order } from '../domain/orders';
import type { EscalationCode, NotifierCode } from '../domain/notices';
import type { Conversation, Message } from '../domain/schemas';
import { type NoticePrefs, isQuiet, makeDeskModel } from './desk-model';
import { DESK_LOCALES, deskStrings } from './desk-strings';
import { conversationRow } from '../test-utils/conversation';

const ALL_ON: NoticePrefs = { kinds: {}, quietHours: null };
const at = (iso: string) => new Date(iso);

const conversation = (id: number, over: Partial<Conversation> = {}): EventMessage<'conversations/updated'> => ({
  name: 'conversations/updated',
  payload: conversationRow(id, { contactJid: `2135500000${id}@s.whatsapp.net`, contactName: `Client ${id}`, ...over }),
});
const escalated = (conversationId: number, code: EscalationCode): EventMessage<'conversations/escalated'> => ({
  name: 'conversations/escalated',
  payload: { shopId: 1, conversationId, reason: code, notices: [{ code, params: {} }] },
});
const order = (id: number, createdAt: string): EventMessage<'orders/created'> => {
  const payload: Order = {
    id,
    shopId: 1,
    conversationId: 1,
    contactId: 1,
    status: 'new',
    customerName: 'Yasmine',
    phone: '+213550000001',
    wilaya: 'Oran',
    commune: '',
    address: 'Cité 5 juillet',
    currency: 'DZD',
    itemsTotal: 5000,
    deliveryFee: 400,
    total: 5400,
    cashCollected: null,
    language: 'dz-latn',
    createdAt,
    updatedAt: createdAt,
    items: [{ sku: 'DZ-1', name: 'Robe kabyle', variant: 'M', quantity: 2, unitPrice: 2500 }],
  } as Order;
  return { name: 'orders/created', payload };
};
const draft = (conversationId: number): EventMessage<'messages/new'> => {
  const payload: Message = {
    id: 9,
    shopId: 1,
    conversationId,
    direction: 'out',
    author: 'bot',
    kind: 'text',
    text: 'Oui',
    status: 'draft',
    channelMessageId: null,
    error: null,
    createdAt: '2026-12-01T10:00:00.000Z',
  };
  return { name: 'messages/new', payload };
};
const status = (accountId: number, s: 'connected' | 'disconnected'): EventMessage<'accounts/status'> => ({
  name: 'accounts/status',
  payload: { shopId: 1, accountId, status: s, detail: null },
});

describe('desk model: notifications', () => {
  it('an escalation names the customer, says why, and opens that conversation', () => {
    const m = makeDeskModel({ locale: 'en', prefs: ALL_ON, timeZone: 'Africa/Algiers' });
    m.onEvent(conversation(7, { contactName: 'Amine' }), at('2026-12-01T10:00:00Z'));
    expect(m.onEvent(escalated(7, 'human_request'), at('2026-12-01T10:00:00Z'))).toEqual([
      {
        kind: 'human',
        title: 'Amine wants to talk to you',
        body: 'Open the conversation to answer.',
        target: { page: 'inbox', conversationId: 7 },
      },
    ]);
    expect(m.onEvent(escalated(8, 'refund_complaint'), at('2026-12-01T10:00:00Z'))[0]?.title).toBe('A customer has a complaint');
    expect(m.onEvent(escalated(8, 'photo_received'), at('2026-12-01T10:00:00Z'))[0]?.title).toBe('A customer needs you');
  });

  it('a new order lists its items and total and opens that order', () => {
    const m = makeDeskModel({ locale: 'fr', prefs: ALL_ON, timeZone: 'Africa/Algiers' });
    const [n] = m.onEvent(order(42, '2026-12-01T10:00:00.000Z'), at('2026-12-01T10:00:00Z'));
    expect(n?.title).toBe('Nouvelle commande de Yasmine');
    expect(n?.body).toMatch(/^Robe kabyle ×2 — 5[\s\u202f\u00a0]?400/);
    expect(n?.target).toEqual({ page: 'orders', orderId: 42 });
  });

  it('a draft waiting for approval is announced; other messages are not', () => {
    const m = makeDeskModel({ locale: 'pt', prefs: ALL_ON, timeZone: 'America/Sao_Paulo' });
    expect(m.onEvent(draft(3), at('2026-12-01T10:00:00Z'))[0]).toMatchObject({
      kind: 'draft',
      target: { page: 'inbox', conversationId: 3 },
    });
    const sent = { ...draft(3), payload: { ...draft(3).payload, status: 'sent' as const } };
    expect(m.onEvent(sent, at('2026-12-01T10:00:00Z'))).toEqual([]);
  });

  it('a customer writing into a conversation the seller took over, and a message that failed, are announced', () => {
    const m = makeDeskModel({ locale: 'en', prefs: ALL_ON, timeZone: 'Africa/Tunis' });
    m.onEvent(conversation(4, { contactName: 'Sami', takeover: true }), at('2026-12-01T10:00:00Z'));
    const inbound = {
      ...draft(4),
      payload: { ...draft(4).payload, direction: 'in' as const, author: 'customer' as const, status: 'received' as const },
    };
    expect(m.onEvent(inbound, at('2026-12-01T10:00:00Z'))[0]).toMatchObject({
      title: 'Sami wrote to you',
      target: { page: 'inbox', conversationId: 4 },
    });
    m.onEvent(conversation(4, { contactName: 'Sami', takeover: false }), at('2026-12-01T10:00:00Z'));
    expect(m.onEvent(inbound, at('2026-12-01T10:00:00Z'))).toEqual([]);
    const failed: EventMessage<'messages/status'> = { name: 'messages/status', payload: { ...draft(4).payload, status: 'failed' } };
    expect(m.onEvent(failed, at('2026-12-01T10:00:00Z'))[0]).toMatchObject({
      kind: 'failed',
      title: 'A message to Sami could not be sent',
    });
  });

  it('a number disconnected for more than a minute is told once; a short blip is not', () => {
    const m = makeDeskModel({ locale: 'en', prefs: ALL_ON, timeZone: 'Europe/Paris' });
    expect(m.onEvent(status(2, 'disconnected'), at('2026-12-01T10:00:00Z'))).toEqual([]);
    expect(m.tick(at('2026-12-01T10:00:30Z'))).toEqual([]);
    m.onEvent(status(2, 'connected'), at('2026-12-01T10:00:40Z'));
    expect(m.tick(at('2026-12-01T10:02:00Z'))).toEqual([]);
    m.onEvent(status(2, 'disconnected'), at('2026-12-01T10:03:00Z'));
    const told = m.tick(at('2026-12-01T10:04:01Z'));
    expect(told).toEqual([
      expect.objectContaining({ kind: 'disconnected', title: 'A WhatsApp number is disconnected', target: { page: 'connect' } }),
    ]);
    expect(m.tick(at('2026-12-01T10:09:00Z'))).toEqual([]);
    expect(m.tray(at('2026-12-01T10:09:00Z')).icon).toBe('restarting');
    m.setCoreState('connected');
    expect(m.tray(at('2026-12-01T10:09:00Z')).icon).toBe('disconnected');
  });

  it('per-kind switches and quiet hours (in the shop time zone, across midnight) silence notifications', () => {
    const m = makeDeskModel({ locale: 'en', prefs: { kinds: { order: false }, quietHours: null }, timeZone: 'Africa/Casablanca' });
    expect(m.onEvent(order(1, '2026-12-01T10:00:00.000Z'), at('2026-12-01T10:00:00Z'))).toEqual([]);
    expect(m.onEvent(escalated(1, 'refund_complaint'), at('2026-12-01T10:00:00Z'))).toHaveLength(1);
    const night: NoticePrefs = { kinds: {}, quietHours: { from: '22:00', to: '08:00' } };
    m.setPrefs(night);
    expect(m.onEvent(escalated(1, 'refund_complaint'), at('2026-12-01T23:30:00Z'))).toEqual([]);
    expect(m.onEvent(escalated(1, 'refund_complaint'), at('2026-12-02T06:59:00Z'))).toEqual([]);
    expect(m.onEvent(escalated(1, 'refund_complaint'), at('2026-12-02T08:01:00Z'))).toHaveLength(1);
    // 21:30 UTC is 22:30 in Paris (quiet) but 21:30 in Lisbon (not yet).
    expect(isQuiet(night, at('2026-12-01T21:30:00Z'), 'Europe/Paris')).toBe(true);
    expect(isQuiet(night, at('2026-12-01T21:30:00Z'), 'Europe/Lisbon')).toBe(false);
  });

  it('speaks every UI locale: every string filled, none left in English, right-to-left text for Arabic', () => {
    for (const locale of DESK_LOCALES) {
      const m = makeDeskModel({ locale, prefs: ALL_ON, timeZone: 'Africa/Algiers' });
      m.setCoreState('connected');
      m.onEvent(conversation(5, { contactName: 'Karim', status: 'waiting_human', unread: 2 }), at('2026-12-01T10:00:00Z'));
      const notices = [
        ...m.onEvent(escalated(5, 'human_request'), at('2026-12-01T10:00:00Z')),
        ...m.onEvent(escalated(5, 'low_confidence'), at('2026-12-01T10:00:00Z')),
        ...m.onEvent(order(1, '2026-12-01T10:00:00.000Z'), at('2026-12-01T10:00:00Z')),
        ...m.onEvent(draft(5), at('2026-12-01T10:00:00Z')),
        ...m.setPaused('disk_full', at('2026-12-01T10:00:00Z')),
      ];
      expect(notices).toHaveLength(5);
      const tray = m.tray(at('2026-12-01T10:00:00Z'));
      const texts = [...notices.flatMap((n) => [n.title, n.body]), tray.tooltip, ...tray.menu.map((i) => i.label)];
      for (const text of texts) expect(text, `${locale}: ${text}`).not.toMatch(/\{\w+\}/);
      expect(notices[0]?.title).toContain('Karim');
      if (locale !== 'en') for (const text of texts) expect(deskStrings.en.menuQuit).not.toBe(text);
      if (locale === 'ar') expect(notices[0]?.title).toMatch(/[\u0600-\u06ff]/);
    }
  });
});

describe('desk model: tray', () => {
  it('offers to pause the bot on all numbers, and to resume it once paused (icon paused), in the seller language', () => {
    const m = makeDeskModel({ locale: 'fr', prefs: ALL_ON, timeZone: 'Europe/Paris' });
    const now = at('2026-12-01T10:00:00Z');
    const toggle = () => m.tray(now).menu.find((item) => item.id === 'toggle-bot');
    expect(toggle()?.enabled).toBe(false); // core not up: nothing to switch
    m.setCoreState('connected');
    expect(toggle()).toEqual({ id: 'toggle-bot', label: 'Mettre le bot en pause sur tous les numéros', enabled: true });
    expect(m.tray(now).icon).toBe('ok');
    m.setBotPaused(true);
    expect(toggle()?.label).toBe('Relancer le bot');
    expect(m.tray(now).icon).toBe('paused');
    expect(m.tray(now).tooltip.split('\n')[0]).toBe(deskStrings.fr.trayPaused);
    m.setBotPaused(false);
    expect(m.tray(now).icon).toBe('ok');
  });

  it('counts unread, waiting and today’s orders (the shop’s today), and offers the waiting conversations', () => {
    const m = makeDeskModel({ locale: 'en', prefs: ALL_ON, timeZone: 'Africa/Algiers' });
    m.setCoreState('connected');
    const now = at('2026-12-01T22:30:00Z'); // 23:30 in Algiers
    m.onEvent(conversation(1, { unread: 3 }), now);
    m.onEvent(conversation(2, { unread: 1, status: 'waiting_human' }), now);
    m.onEvent(escalated(3, 'refund_complaint'), now);
    m.onEvent(order(10, '2026-12-01T22:00:00.000Z'), now); // today in Algiers
    m.onEvent(order(11, '2026-11-30T23:30:00.000Z'), now); // 00:30 on Dec 1 in Algiers: today too
    m.onEvent(order(12, '2026-11-30T22:30:00.000Z'), now); // 23:30 on Nov 30: yesterday
    m.onEvent(order(10, '2026-12-01T22:00:00.000Z'), now); // the same order twice counts once
    const tray = m.tray(now);
    expect(tray.counts).toEqual({ unread: 5, waiting: 2, ordersToday: 2 });
    expect(tray.icon).toBe('ok');
    expect(tray.tooltip.split('\n')).toEqual(['Souqbot — answering customers', 'Waiting for you: 2', 'Unread: 5', 'New orders today: 2']);
    expect(tray.menu.find((i) => i.id === 'open-waiting')).toEqual({
      id: 'open-waiting',
      label: 'Open the conversations waiting for you (2)',
      enabled: true,
    });
    m.onEvent(conversation(2, { unread: 0, status: 'open' }), now);
    m.onEvent(conversation(3, { unread: 0, status: 'open' }), now);
    expect(m.tray(now).menu.find((i) => i.id === 'open-waiting')?.enabled).toBe(false);
    expect(m.tray(at('2026-12-02T12:00:00Z')).counts.ordersToday).toBe(0);
  });

  it('shows a paused bot, and a disk-full pause is announced once', () => {
    const m = makeDeskModel({ locale: 'en', prefs: ALL_ON, timeZone: 'Europe/Rome' });
    m.setCoreState('connected');
    expect(m.setPaused('disk_full', at('2026-12-01T10:00:00Z'))).toEqual([
      {
        kind: 'paused',
        title: 'The bot is paused: the disk is full',
        body: 'Free some space; the bot starts again by itself.',
        target: { page: 'settings' },
      },
    ]);
    expect(m.setPaused('disk_full', at('2026-12-01T10:01:00Z'))).toEqual([]);
    expect(m.tray(at('2026-12-01T10:01:00Z')).icon).toBe('paused');
    m.setPaused(null, at('2026-12-01T10:02:00Z'));
    expect(m.tray(at('2026-12-01T10:02:00Z')).icon).toBe('ok');
  });

  it("shows core's notifier codes that no other event tells, worded in the seller's language; the rest only once, from their events", () => {
    const m = makeDeskModel({ locale: 'ar', prefs: ALL_ON, timeZone: 'Africa/Algiers' });
    const now = at('2026-12-01T10:00:00Z');
    const said = (code: NotifierCode, params: Record<string, number> = { accountId: 2 }) =>
      m.onEvent({ name: 'system/notice', payload: { code, params } }, now);
    expect(said('wa_keeps_disconnecting')).toEqual([
      {
        kind: 'disconnected',
        title: 'واتساب ينقطع باستمرار',
        body: 'لا يصل Souqbot إلى واتساب ويعيد المحاولة كل دقيقة. تحقق من اتصال هذا الجهاز بالإنترنت.',
        target: { page: 'connect' },
      },
    ]);
    expect(said('wa_unreadable')[0]?.title).toBe('تعذرت قراءة بعض رسائل واتساب');
    // Told by their own events (conversations/escalated, messages/new, …): no second notification.
    expect(said('escalated', { conversationId: 1 })).toEqual([]);
    expect(said('draft_waiting', { conversationId: 1 })).toEqual([]);
    expect(said('disk_full', {})).toEqual([]);
    // The seller switched WhatsApp notices off: nothing.
    m.setPrefs({ kinds: { disconnected: false }, quietHours: null });
    expect(said('wa_keeps_disconnecting')).toEqual([]);
  });

  it('a full disk reported by the system/storage event is announced once (the Electron shell feeds every event)', () => {
    const m = makeDeskModel({ locale: 'fr', prefs: ALL_ON, timeZone: 'Europe/Paris' });
    const storage = (state: 'ok' | 'disk_full'): EventMessage<'system/storage'> => ({
      name: 'system/storage',
      payload: { state, since: state === 'ok' ? null : 'x', held: 1 },
    });
    expect(m.onEvent(storage('disk_full'), at('2026-12-01T10:00:00Z')).map((n) => n.title)).toEqual([deskStrings.fr.pausedDiskTitle]);
    expect(m.onEvent(storage('disk_full'), at('2026-12-01T10:01:00Z'))).toEqual([]);
    expect(m.onEvent(storage('ok'), at('2026-12-01T10:02:00Z'))).toEqual([]);
    expect(m.tray(at('2026-12-01T10:02:00Z')).icon).not.toBe('paused');
  });
});
