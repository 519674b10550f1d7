import { afterEach, describe, expect, it } from 'vitest';
import { createLocaleStore } from '../../i18n/locale';
import { fakeClient } from './fake-client';
import { type NoticeGlue, startNotices } from './notice-glue';
import { createNoticePrefsStore, createNoticeToastsStore } from './notice-toasts';
import { type NotificationApi, type NotificationLike, makeWebNotifier } from './web-notifier';

/** The browser's Notification, recording what was shown; permission as the test sets it. */
function fakeNotification(permission: NotificationPermission) {
  const shown: { title: string; options?: NotificationOptions; n: NotificationLike & { closed: boolean } }[] = [];
  const Fake = class implements NotificationLike {
    static permission = permission;
    static requestPermission() {
      Fake.permission = 'granted';
      return Promise.resolve<NotificationPermission>('granted');
    }
    onclick: ((event: Event) => unknown) | null = null;
    closed = false;
    constructor(title: string, options?: NotificationOptions) {
      shown.push({ title, options, n: this });
    }
    close() {
      this.closed = true;
    }
  };
  return { api: Fake as unknown as NotificationApi & { permission: NotificationPermission }, shown };
}

const escalation = (conversationId: number) => ({ conversationId, notices: [{ code: 'human_request' }] });
const NOON = new Date('2026-12-01T12:00:00Z');

let glue: NoticeGlue | null = null;
afterEach(() => glue?.stop());

function setup(opts: { permission?: NotificationPermission; away?: boolean; locale?: 'fr' | 'ar' | 'en'; at?: Date; open?: number } = {}) {
  const { client, emit, pushed } = fakeClient();
  const locale = createLocaleStore({ storage: null, languages: [opts.locale ?? 'fr'] });
  const toasts = createNoticeToastsStore();
  const prefs = createNoticePrefsStore();
  const { api, shown } = fakeNotification(opts.permission ?? 'granted');
  const opened: string[] = [];
  const web = makeWebNotifier({ api, away: () => opts.away ?? true, open: (href) => opened.push(href) });
  glue = startNotices({
    client,
    pushed,
    locale,
    toasts,
    web,
    prefs,
    timeZone: 'Africa/Algiers',
    now: () => opts.at ?? NOON,
    tickMs: 60_000,
    onScreen: (target) => target.page === 'inbox' && target.conversationId === opts.open,
  });
  return { emit, locale, toasts, shown, opened, web, api, prefs };
}

describe('browser notifications from the desk model', () => {
  it('an escalation raises a toast and a Web Notification in the UI language; a click opens its conversation', () => {
    const { emit, toasts, shown, opened } = setup();
    emit('conversations/escalated', escalation(12));
    expect(toasts.getState().toasts).toMatchObject([{ kind: 'human', title: 'Un client veut vous parler', href: '#/inbox/12' }]);
    expect(shown).toHaveLength(1);
    expect(shown[0]?.title).toBe('Un client veut vous parler');
    expect(shown[0]?.options?.tag).toBe('#/inbox/12');
    shown[0]?.n.onclick?.(new Event('click'));
    expect(opened).toEqual(['#/inbox/12']);
    expect(shown[0]?.n.closed).toBe(true);
  });

  it('follows the UI language when it changes', () => {
    const { emit, locale, toasts } = setup();
    locale.getState().setLocale('ar');
    emit('conversations/escalated', escalation(3));
    expect(toasts.getState().toasts[0]?.title).toBe('زبون يريد التحدث معك');
  });

  it('no Web Notification without permission or while the seller is looking; the toast shows all the same', () => {
    for (const opts of [{ permission: 'default' as const }, { permission: 'denied' as const }, { away: false }]) {
      const { emit, toasts, shown } = setup(opts);
      emit('conversations/escalated', escalation(5));
      expect(shown).toHaveLength(0);
      expect(toasts.getState().toasts).toHaveLength(1);
      glue?.stop();
    }
  });

  it('no toast about the conversation the seller has open; the others still toast', () => {
    const { emit, toasts } = setup({ open: 12 });
    emit('conversations/escalated', escalation(12));
    expect(toasts.getState().toasts).toHaveLength(0);
    emit('conversations/escalated', escalation(13));
    expect(toasts.getState().toasts).toMatchObject([{ href: '#/inbox/13' }]);
  });

  it('asking permission (from a click) turns them on', async () => {
    const { emit, shown, web } = setup({ permission: 'default' });
    expect(web.state.getState().permission).toBe('default');
    await web.request();
    expect(web.state.getState().permission).toBe('granted');
    emit('conversations/escalated', escalation(5));
    expect(shown).toHaveLength(1);
  });

  it('quiet hours silence both; a kind switched off too', () => {
    const { emit, toasts, shown, prefs } = setup({ at: new Date('2026-12-01T23:30:00Z') });
    const setPrefs = prefs.getState().setPrefs;
    setPrefs({ kinds: {}, quietHours: { from: '22:00', to: '08:00' } });
    emit('conversations/escalated', escalation(5));
    expect(toasts.getState().toasts).toHaveLength(0);
    expect(shown).toHaveLength(0);
    setPrefs({ kinds: { human: false }, quietHours: null });
    emit('conversations/escalated', escalation(5));
    expect(shown).toHaveLength(0);
    setPrefs({ kinds: {}, quietHours: null });
    emit('conversations/escalated', escalation(5));
    expect(shown).toHaveLength(1);
  });

  it('a new order is a Web Notification opening that order, not a second in-app toast (the orders toast has it)', () => {
    const { emit, toasts, shown, opened } = setup();
    emit('orders/created', {
      id: 9,
      shopId: 1,
      createdAt: NOON.toISOString(),
      customerName: 'Samira',
      items: [{ name: 'Sac', quantity: 2 }],
      total: 9000,
      currency: 'DZD',
    });
    expect(toasts.getState().toasts).toHaveLength(0);
    expect(shown[0]?.title).toBe('Nouvelle commande de Samira');
    expect(shown[0]?.options?.body).toContain('Sac ×2');
    shown[0]?.n.onclick?.(new Event('click'));
    expect(opened).toEqual(['#/orders/9']);
  });

  it('the disk filling up is told once, opening Settings; stop() detaches every listener', () => {
    const { emit, toasts } = setup();
    emit('system/storage', { state: 'disk_full', held: 3 });
    emit('system/storage', { state: 'disk_full', held: 4 });
    expect(toasts.getState().toasts).toMatchObject([{ kind: 'paused', href: '#/settings' }]);
    glue?.stop();
    emit('conversations/escalated', escalation(7));
    expect(toasts.getState().toasts).toHaveLength(1);
  });
});
