import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { strings } from '../../features/shell/i18n';
import { useT } from '../../i18n/use-t';
import { useServices } from '../services-context';

const NONE = createStore(() => ({ permission: 'granted' as NotificationPermission }));

/**
 * The status bar's "Turn on notifications": browsers only ask for permission from a click. Shown in the browser
 * shell until the seller answers; a refusal says where the notifications went.
 */
export function NotifyButton() {
  const t = useT(strings);
  const { webNotifier } = useServices();
  const permission = useStore(webNotifier?.state ?? NONE, (s) => s.permission);
  if (!webNotifier || permission === 'granted') return null;
  if (permission === 'denied') return <span className="muted small">{t('notifyDenied')}</span>;
  return (
    <button type="button" className="status-action" onClick={() => void webNotifier.request()} data-testid="notify-enable">
      {t('notifyEnable')}
    </button>
  );
}
