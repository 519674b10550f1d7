import { useEffect, useState } from 'react';
import type { SyncStatus } from '../../../../shared/contract/sync';
import { useServices } from '../../app/services-context';
import { useOnPushed } from '../../stores/use-pushed';
import { strings } from '../device/i18n';
import { intlLocale } from '../../i18n/define';
import { useLocale } from '../../i18n/use-locale';
import { useT } from '../../i18n/use-t';
import '../device/device.css';

interface Offer {
  link: string;
  qrDataUrl: string;
  expiresAt: string;
}

/** Settings → Your phone: multi-device sync on/off, the relay, the pairing QR and the paired phones. */
export function SyncSection() {
  const t = useT(strings);
  const locale = useLocale();
  const { client } = useServices();
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [relayUrl, setRelayUrl] = useState('');
  const [appUrl, setAppUrl] = useState('');
  const [offer, setOffer] = useState<Offer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const when = (iso: string) =>
    new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));

  /** Shows core's status; a URL the seller is typing is kept, an empty field takes core's. */
  const adopt = (s: SyncStatus) => {
    setStatus(s);
    setRelayUrl((shown) => shown || (s.relayUrl ?? ''));
    setAppUrl((shown) => shown || (s.appUrl ?? ''));
  };

  useEffect(() => {
    let live = true;
    const show = (s: SyncStatus) => live && adopt(s);
    client.send('sync/get-status', {}).then(show, (err: unknown) => live && setError(String(err instanceof Error ? err.message : err)));
    return () => {
      live = false;
    };
  }, [client]);
  useOnPushed('sync/changed', (s) => {
    adopt(s);
    // A phone just paired with the code on screen: the code is spent.
    setOffer((o) => (o && s.devices.length > 0 ? null : o));
  });

  const run = async (work: () => Promise<void>) => {
    try {
      await work();
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  const configure = (enabled: boolean) =>
    run(async () => {
      setStatus(
        await client.send('sync/configure', {
          enabled,
          ...(relayUrl.trim() && { relayUrl: relayUrl.trim() }),
          ...(appUrl.trim() && { appUrl: appUrl.trim() }),
        }),
      );
      if (!enabled) setOffer(null);
    });

  if (!status) return error ? <p className="error">{t('failed', { message: error })}</p> : null;
  return (
    <section className="settings-form sync-settings" aria-labelledby="sync-title" data-testid="sync-section">
      <h2 id="sync-title">{t('syncTitle')}</h2>
      <p className="muted small">{t('syncHint')}</p>
      {error && (
        <p className="error small" role="alert">
          {t('failed', { message: error })}
        </p>
      )}
      <fieldset>
        <UrlField label={t('relayUrl')} value={relayUrl} onChange={setRelayUrl} placeholder="wss://" testId="sync-relay-url" />
        <UrlField label={t('appUrl')} value={appUrl} onChange={setAppUrl} placeholder="https://" testId="sync-app-url" />
        <label className="check">
          <input type="checkbox" checked={status.enabled} onChange={(e) => void configure(e.target.checked)} data-testid="sync-enabled" />
          {t('syncEnabled')}
        </label>
        <p className="muted small" data-testid="sync-connection" data-state={status.connection}>
          {t(`state_${status.connection}`)}
        </p>
      </fieldset>
      {status.enabled && (
        <fieldset>
          <button
            type="button"
            data-testid="sync-pair"
            onClick={() => void run(async () => setOffer(await client.send('sync/start-pairing', {})))}
          >
            {t('pairPhone')}
          </button>
          {offer && (
            <div className="sync-offer">
              <img className="sync-qr" src={offer.qrDataUrl} alt={t('pairPhone')} data-testid="sync-qr" />
              <p className="small">{t('scanHint', { time: when(offer.expiresAt) })}</p>
              <p className="small">
                {t('openLink')}:{' '}
                <a href={offer.link} dir="ltr" data-testid="sync-link" target="_blank" rel="noreferrer">
                  {offer.link.slice(0, 48)}…
                </a>
              </p>
            </div>
          )}
        </fieldset>
      )}
      <h3>{t('devices')}</h3>
      {status.devices.length === 0 ? (
        <p className="muted small">{t('noDevices')}</p>
      ) : (
        <ul className="sync-devices" data-testid="sync-devices">
          {status.devices.map((d) => (
            <li key={d.id} data-testid="sync-device">
              <strong>{d.name}</strong>
              <span className="muted small">{d.lastSeenAt ? t('lastSeen', { time: when(d.lastSeenAt) }) : t('neverSeen')}</span>
              <button
                type="button"
                data-testid="sync-unpair"
                onClick={() => {
                  if (window.confirm(t('unpairConfirm', { name: d.name })))
                    void run(async () => setStatus(await client.send('sync/unpair', { deviceId: d.id })));
                }}
              >
                {t('unpair')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** An address the seller types (left to right in every locale), labelled. */
function UrlField(props: { label: string; value: string; onChange(value: string): void; placeholder: string; testId: string }) {
  return (
    <label>
      {props.label}
      <input
        type="url"
        dir="ltr"
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        placeholder={props.placeholder}
        data-testid={props.testId}
      />
    </label>
  );
}
