import { describe, expect, it, vi } from 'vitest';
import type { EventMessage } from '../contract/events';
import { type NoticeTarget, makeDeskModel } from './desk-model';
import { WAITING_HREF, noticeHref, parseDeepLink } from './deep-link';

// The Electron shell's own click targets: its module imports electron, whose binary is missing here.
vi.mock('electron', () => ({ Menu: {}, Notification: class {}, Tray: class {}, nativeImage: {} }));

const TARGETS: NoticeTarget[] = [
  { page: 'inbox', conversationId: 12 },
  { page: 'orders', orderId: 7 },
  { page: 'connect' },
  { page: 'settings' },
];

describe('deep links', () => {
  it('every notification target reads back as the same page and id', () => {
    expect(TARGETS.map(noticeHref)).toEqual(['#/inbox/12', '#/orders/7', '#/connect', '#/settings']);
    expect(parseDeepLink('#/inbox/12')).toEqual({ page: 'inbox', conversationId: 12 });
    expect(parseDeepLink('#/orders/7')).toEqual({ page: 'orders', orderId: 7 });
    expect(parseDeepLink('#/connect')).toEqual({ page: 'connect' });
    expect(parseDeepLink(WAITING_HREF)).toEqual({ page: 'inbox', status: 'waiting_human' });
  });

  it('a bad id or status keeps only the page', () => {
    expect(parseDeepLink('#/inbox/0')).toEqual({ page: 'inbox' });
    expect(parseDeepLink('#/inbox/abc')).toEqual({ page: 'inbox' });
    expect(parseDeepLink('#/orders/-3')).toEqual({ page: 'orders' });
    expect(parseDeepLink('#/inbox?status=everything')).toEqual({ page: 'inbox' });
    expect(parseDeepLink('')).toEqual({ page: '' });
  });

  it("the model's notices for scripted events open the conversation or order they are about", () => {
    const model = makeDeskModel({ locale: 'fr', prefs: { kinds: {}, quietHours: null }, timeZone: 'Africa/Algiers' });
    const at = new Date('2026-12-01T10:00:00Z');
    const escalated = { name: 'conversations/escalated', payload: { conversationId: 41, notices: [{ code: 'human_request' }] } };
    const [human] = model.onEvent(escalated as unknown as EventMessage, at);
    expect(human && parseDeepLink(noticeHref(human.target))).toEqual({ page: 'inbox', conversationId: 41 });
    const order = {
      name: 'orders/created',
      payload: {
        id: 9,
        shopId: 1,
        createdAt: at.toISOString(),
        customerName: 'Samira',
        items: [{ name: 'Sac', quantity: 1 }],
        total: 4500,
        currency: 'DZD',
      },
    };
    const [placed] = model.onEvent(order as unknown as EventMessage, at);
    expect(placed && parseDeepLink(noticeHref(placed.target))).toEqual({ page: 'orders', orderId: 9 });
  });

  it("agrees with the Electron shell's click targets", async () => {
    const { hashFor } = await import('../../electron/main/desk/desk-shell');
    for (const target of TARGETS) expect(hashFor(target)).toBe(noticeHref(target));
  });
});
