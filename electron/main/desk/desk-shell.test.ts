import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeDeskModel } from '../../../shared/desktop/desk-model';

interface FakeNotification {
  options: { title: string; body: string };
  click?: () => void;
}
const fake = vi.hoisted(() => ({
  tooltip: '',
  images: [] as string[],
  menu: [] as { label: string; enabled: boolean; click: () => void }[],
  notifications: [] as FakeNotification[],
}));

vi.mock('electron', () => ({
  nativeImage: { createFromPath: (file: string) => ({ file, isEmpty: () => false }), createEmpty: () => ({ file: '' }) },
  Tray: class {
    on() {}
    setImage(image: { file: string }) {
      fake.images.push(image.file);
    }
    setToolTip(text: string) {
      fake.tooltip = text;
    }
    setContextMenu(menu: typeof fake.menu) {
      fake.menu = menu;
    }
    destroy() {}
  },
  Menu: { buildFromTemplate: (items: typeof fake.menu) => items },
  Notification: class {
    static isSupported = () => true;
    entry: FakeNotification;
    constructor(options: { title: string; body: string }) {
      this.entry = { options };
      fake.notifications.push(this.entry);
    }
    on(_event: 'click', listener: () => void) {
      this.entry.click = listener;
    }
    show() {}
  },
}));

const { startDeskShell } = await import('./desk-shell');

afterEach(() => {
  fake.notifications.length = 0;
  fake.images.length = 0;
});

/** A desk model in the given locale and the shell drawn from it; `opened` records the hashes its clicks open. */
function startShell(locale: 'ar' | 'fr', timeZone: string) {
  const model = makeDeskModel({ locale, prefs: { kinds: {}, quietHours: null }, timeZone });
  const opened: string[] = [];
  const icons = { ok: 'ok.png', disconnected: 'off.png', paused: 'paused.png', restarting: 'restarting.png' };
  const shell = startDeskShell({
    model,
    icons,
    notificationIcon: 'icon.png',
    open: (hash) => opened.push(hash),
    toggleBot() {},
    quit() {},
  });
  return { model, shell, opened };
}

describe('desk shell (Electron tray and notifications, through a fake electron)', () => {
  it('shows the model: icon per state, tooltip, menu, and notifications that open their target', () => {
    const { model, shell, opened } = startShell('ar', 'Africa/Algiers');
    expect(fake.images.at(-1)).toBe('restarting.png');
    model.setCoreState('connected');
    shell.render();
    expect(fake.images.at(-1)).toBe('ok.png');
    shell.onEvent({
      name: 'conversations/escalated',
      payload: { shopId: 1, conversationId: 12, reason: 'refund_complaint', notices: [{ code: 'refund_complaint', params: {} }] },
    });
    expect(fake.notifications).toHaveLength(1);
    expect(fake.notifications[0]?.options.title).toBe('لدى زبون شكوى');
    fake.notifications[0]?.click?.();
    expect(opened).toEqual(['#/inbox/12']);
    expect(fake.tooltip.split('\n')[1]).toBe('في انتظارك: 1');
    const waiting = fake.menu.find((item) => item.label.includes('(1)'));
    expect(waiting?.enabled).toBe(true);
    waiting?.click();
    expect(opened.at(-1)).toBe('#/inbox?status=waiting_human');
    shell.destroy();
  });

  it("announces the shell's own notices in the seller's language; a click opens the window", () => {
    const { model, shell, opened } = startShell('fr', 'UTC');
    shell.announce(model.strings().closedToTrayTitle, model.strings().closedToTrayBody);
    expect(fake.notifications.at(-1)?.options.title).toBe('Souqbot répond toujours aux clients');
    fake.notifications.at(-1)?.click?.();
    expect(opened).toEqual(['']);
    shell.destroy();
  });
});
