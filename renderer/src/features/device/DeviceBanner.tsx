import { useStore } from 'zustand';
import { intlLocale } from '../../i18n/define';
import { useLocale } from '../../i18n/use-locale';
import { useT, useTn } from '../../i18n/use-t';
import type { DeviceStore } from './device-store';
import { strings } from './i18n';
import './device.css';

/** On the phone: whether the computer answers, since when it does not, and what waits for it. */
export function DeviceBanner({ device }: { device: DeviceStore }) {
  const t = useT(strings);
  const tn = useTn(strings);
  const locale = useLocale();
  const status = useStore(device);
  if (status.phase !== 'paired') return null;
  const since =
    status.desktopSince === null
      ? null
      : new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'short', timeStyle: 'short' }).format(new Date(status.desktopSince));
  const online = status.relay === 'connected' && status.desktopOnline;
  return (
    <div
      className={`device-banner ${online ? 'online' : 'offline'}`}
      role="status"
      aria-live="polite"
      data-testid="device-banner"
      data-online={online}
    >
      <span>
        {online
          ? t('desktopOnline')
          : status.relay !== 'connected'
            ? t('relayConnecting')
            : since
              ? t('desktopOffline', { time: since })
              : t('desktopOfflineNever')}
      </span>
      {status.queued > 0 && <span data-testid="device-queued">{tn('queued', status.queued)}</span>}
    </div>
  );
}

/** Before the phone is paired (or after it was refused or unpaired) the inbox cannot show: say why. */
export function DeviceGate({ device, children }: { device: DeviceStore; children: React.ReactNode }) {
  const t = useT(strings);
  const status = useStore(device);
  if (status.phase === 'paired') return <>{children}</>;
  const message =
    status.offerProblem !== null || status.phase === 'refused'
      ? t('refused')
      : status.phase === 'unpaired'
        ? t('unpaired')
        : status.phase === 'pairing'
          ? t('pairing')
          : t('notPaired');
  return (
    <div className="splash device-gate" data-testid="device-gate" data-phase={status.phase}>
      <img src="./favicon.svg" alt="" width="48" height="48" />
      <p role="status">{message}</p>
      {status.phase === 'pairing' && <p className="muted">{t('pairingHint')}</p>}
    </div>
  );
}
