import { afterEach, describe, expect, it } from 'vitest';
import { DesktopPrefs, type PublicDesktopPrefs } from '../../../../shared/desktop/desktop-prefs';
import { createLocaleStore } from '../../i18n/locale';
import { fakeClient } from './fake-client';
import { followNoticePrefs } from './follow-notice-prefs';
import { type NoticeGlue, startNotices } from './notice-glue';
import { createNoticePrefsStore, createNoticeToastsStore } from './notice-toasts';

const prefsWith = (kinds: Partial<Record<'human' | 'order', boolean>>, quietHours: { from: string; to: string } | null = null) =>
  ({
    ...DesktopPrefs.parse({ notifications: { kinds, quietHours } }),
    backup: { ...DesktopPrefs.parse({}).backup, passphraseSet: false },
  }) as PublicDesktopPrefs;

/** A client that answers desktop/get-prefs with `stored`; the test pushes desktop/prefs-changed. */
const clientWith = (stored: PublicDesktopPrefs) =>
  fakeClient((name) => (name === 'desktop/get-prefs' ? Promise.resolve(stored) : Promise.reject(new Error(name))));

const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

function setup(stored: PublicDesktopPrefs) {
  const { client, emit, pushed } = clientWith(stored);
  const prefs = createNoticePrefsStore();
  const toasts = createNoticeToastsStore();
  const glue: NoticeGlue = startNotices({
    client,
    pushed,
    locale: createLocaleStore({ storage: null, languages: ['en'] }),
    toasts,
    web: null,
    prefs,
    timeZone: 'Africa/Algiers',
    now: () => new Date('2026-12-01T12:00:00Z'),
    tickMs: 60_000,
  });
  stops.push(glue.stop, followNoticePrefs(client, pushed, prefs));
  const escalate = (conversationId: number) => emit('conversations/escalated', { conversationId, notices: [{ code: 'human_request' }] });
  return { emit, toasts, escalate };
}

describe('browser notices follow the seller choices kept by core', () => {
  it('a kind switched off in Settings raises no toast; switched back on, it does', async () => {
    const { emit, toasts, escalate } = setup(prefsWith({ human: false }));
    await Promise.resolve();
    await Promise.resolve();
    escalate(4);
    expect(toasts.getState().toasts).toHaveLength(0);
    emit('desktop/prefs-changed', prefsWith({ human: true }));
    escalate(5);
    expect(toasts.getState().toasts).toMatchObject([{ kind: 'human', href: '#/inbox/5' }]);
  });

  it('quiet hours chosen in Settings hold the notices back', async () => {
    const { toasts, escalate } = setup(prefsWith({}, { from: '12:00', to: '14:00' })); // noon UTC is 13:00 in Algiers
    await Promise.resolve();
    await Promise.resolve();
    escalate(6);
    expect(toasts.getState().toasts).toHaveLength(0);
  });
});
