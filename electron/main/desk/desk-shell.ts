import { Menu, Notification, Tray, nativeImage } from 'electron';
import type { EventMessage } from '../../../shared/contract/events';
import { type DeskModel, type Notice, type NoticeTarget, type TrayView } from '../../../shared/desktop/desk-model';

export interface DeskShellConfig {
  model: DeskModel;
  /** Tray icon per state (resources/tray*.png); a missing file falls back to the plain icon. */
  icons: Record<TrayView['icon'], string>;
  notificationIcon: string;
  /** Raise the window; with a `#/page/…` address, on that page (see hashFor). */
  open(hash: string): void;
  /** Pause the bot on every shop, or resume it (electron/main/desk/bot-switch.ts). */
  toggleBot(): void;
  quit(): void;
}

/** The address a notification click opens: the conversation, the order, or the page. */
export const hashFor = (target: NoticeTarget): string =>
  target.page === 'inbox'
    ? `#/inbox/${target.conversationId}`
    : target.page === 'orders'
      ? `#/orders/${target.orderId}`
      : `#/${target.page}`;
const WAITING = '#/inbox?status=waiting_human';

/**
 * Renders the desk model with Electron: the tray's icon, tooltip and menu, and one OS notification per notice.
 * Everything it shows was decided by shared/desktop/desk-model.ts (tested without Electron).
 */
export function startDeskShell(config: DeskShellConfig) {
  const image = (file: string) => {
    const icon = nativeImage.createFromPath(file);
    return icon.isEmpty() ? nativeImage.createEmpty() : icon;
  };
  const tray = new Tray(image(config.icons.ok));
  tray.on('click', () => config.open(''));
  let shownIcon: TrayView['icon'] | null = null;

  const render = () => {
    const view = config.model.tray(new Date());
    if (view.icon !== shownIcon) tray.setImage(image(config.icons[view.icon]));
    shownIcon = view.icon;
    tray.setToolTip(view.tooltip);
    const click: Record<TrayView['menu'][number]['id'], () => void> = {
      open: () => config.open(''),
      'open-waiting': () => config.open(WAITING),
      'toggle-bot': config.toggleBot,
      quit: config.quit,
    };
    tray.setContextMenu(
      Menu.buildFromTemplate(view.menu.map((item) => ({ label: item.label, enabled: item.enabled, click: click[item.id] }))),
    );
  };

  const show = (notices: Notice[]) => {
    if (!Notification.isSupported()) return;
    for (const notice of notices) {
      const n = new Notification({ title: notice.title, body: notice.body, icon: config.notificationIcon });
      n.on('click', () => config.open(hashFor(notice.target)));
      n.show();
    }
  };

  render();
  const timer = setInterval(() => {
    show(config.model.tick(new Date()));
    render();
  }, 15_000);

  return {
    onEvent(event: EventMessage) {
      show(config.model.onEvent(event, new Date()));
      render();
    },
    render,
    /** A one-off notice of the shell's own (the window went to the tray, keep-awake on battery); a click opens the window. */
    announce(title: string, body: string) {
      if (!Notification.isSupported()) return;
      const n = new Notification({ title, body, icon: config.notificationIcon });
      n.on('click', () => config.open(''));
      n.show();
    },
    destroy() {
      clearInterval(timer);
      tray.destroy();
    },
  };
}

export type DeskShell = ReturnType<typeof startDeskShell>;
