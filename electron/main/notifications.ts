import { Notification } from 'electron';

/**
 * Shows what core's Notifier asked for (an escalation, a lost WhatsApp link) as a desktop
 * notification; clicking it brings the window back. Silently skipped where the OS has none.
 */
export function makeDesktopNotifier(options: { icon: string; onClick(): void }): (title: string, body: string) => void {
  return (title, body) => {
    if (!Notification.isSupported()) return;
    const notification = new Notification({ title, body, icon: options.icon });
    notification.on('click', options.onClick);
    notification.show();
  };
}
