import { useStore } from 'zustand';
import { NotifyButton } from '../../app/notices/NotifyButton';
import { useServices } from '../../app/services-context';
import { useT } from '../../i18n/use-t';
import { strings } from './i18n';
import { DeviceBanner } from '../device/DeviceBanner';

/** The link to core, always visible: a seller must know when replies are not going out. */
export function StatusBar() {
  const t = useT(strings);
  const { device } = useServices();
  const connection = useStore(useServices().session, (s) => s.connection);
  const storage = useStore(useServices().session, (s) => s.storage);
  // A full disk stops replies as surely as a lost connection: it takes the bar.
  const diskFull = connection === 'connected' && storage?.state === 'disk_full';
  // On a paired phone the bar speaks of the computer: online, offline since when, what waits for it.
  if (device && !diskFull)
    return (
      <footer className="status-bar device-status" data-testid="status-bar" data-state={connection}>
        <DeviceBanner device={device} />
      </footer>
    );
  return (
    <footer
      className="status-bar"
      role="status"
      aria-live="polite"
      data-testid="status-bar"
      data-state={diskFull ? 'disk_full' : connection}
    >
      <span className={`dot dot-${diskFull ? 'disconnected' : connection}`} aria-hidden="true" />
      <span>{diskFull ? t('status.diskFull', { held: storage.held }) : t(`status.${connection}`)}</span>
      <NotifyButton />
    </footer>
  );
}
