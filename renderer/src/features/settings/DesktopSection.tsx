import { Fragment, useEffect, useState } from 'react';
import { NOTICE_KINDS, type PublicDesktopPrefs, type UpdateStatus } from '../../../../shared/desktop/desktop-prefs';
import { useServices } from '../../app/services-context';
import { useOnPushed } from '../../stores/use-pushed';
import { type T, useT } from '../../i18n/use-t';
import { BackupPanel } from './BackupPanel';
import { type DesktopKeys, desktopStrings } from './desktop-i18n';
import { useDesktopPrefs } from './use-desktop-prefs';
import './desktop-settings.css';
import { Check } from '../../components/Field';

type Save = ReturnType<typeof useDesktopPrefs>['save'];

/**
 * The app's own settings: which notifications show and when, and — in the desktop app only — the tray, start at
 * login, keep-awake and updates; then backup, restore and diagnostics (both shells). Each change is saved at once.
 */
export function DesktopSection() {
  const t = useT(desktopStrings);
  const { prefs, error, save, shell } = useDesktopPrefs();
  if (!prefs) return error ? <p className="error">{t('failed', { message: error })}</p> : null;
  return (
    <section className="settings-form desktop-settings" aria-labelledby="desktop-title">
      <h2 id="desktop-title">{t('title')}</h2>
      {error && (
        <p className="error small" role="alert">
          {t('failed', { message: error })}
        </p>
      )}
      <Notifications prefs={prefs} save={save} t={t} />
      {shell === 'desktop' && <AppChoices prefs={prefs} save={save} t={t} />}
      {shell === 'desktop' && <Updates prefs={prefs} save={save} t={t} />}
      <BackupPanel prefs={prefs} save={save} t={t} />
    </section>
  );
}

interface PartProps {
  prefs: PublicDesktopPrefs;
  save: Save;
  t: T<DesktopKeys>;
}

function Notifications({ prefs, save, t }: PartProps) {
  const quiet = prefs.notifications.quietHours;
  return (
    <fieldset>
      <legend>{t('notificationsTitle')}</legend>
      <div className="settings-checks">
        {NOTICE_KINDS.map((kind) => (
          <Check
            key={kind}
            name={`notify-${kind}`}
            label={t(`kind_${kind}`)}
            checked={prefs.notifications.kinds[kind]}
            onChange={(on) => void save({ notifications: { kinds: { [kind]: on } } })}
          />
        ))}
      </div>
      <Check
        id="quiet-hours"
        label={t('quietHours')}
        checked={quiet !== null}
        onChange={(on) => void save({ notifications: { quietHours: on ? { from: '22:00', to: '08:00' } : null } })}
      />
      {quiet && (
        <div className="settings-inline">
          {(['from', 'to'] as const).map((end) => (
            <Fragment key={end}>
              <label htmlFor={`quiet-${end}`}>{t(end === 'from' ? 'quietFrom' : 'quietTo')}</label>
              <input
                id={`quiet-${end}`}
                type="time"
                dir="ltr"
                value={quiet[end]}
                onChange={(e) => e.target.value && void save({ notifications: { quietHours: { ...quiet, [end]: e.target.value } } })}
              />
            </Fragment>
          ))}
        </div>
      )}
    </fieldset>
  );
}

function AppChoices({ prefs, save, t }: PartProps) {
  const check = (id: 'closeToTray' | 'startAtLogin' | 'keepAwake') => (
    <Check id={`pref-${id}`} label={t(id)} checked={prefs[id]} onChange={(on) => void save({ [id]: on })} />
  );
  return (
    <fieldset>
      <legend>{t('appTitle')}</legend>
      <div className="settings-checks">
        {check('closeToTray')}
        {check('startAtLogin')}
        {check('keepAwake')}
      </div>
      <p className="muted small">{t('keepAwakeHint')}</p>
    </fieldset>
  );
}

/** The updater's state words; the download's progress arrives as `desktop/update-state` events. */
export function updateWords(state: UpdateStatus, t: T<DesktopKeys>): string {
  switch (state.phase) {
    case 'off':
      return t('update_off');
    case 'idle':
      return t('update_idle');
    case 'checking':
      return t('update_checking');
    case 'up-to-date':
      return t('update_up-to-date');
    case 'downloading':
      return t('update_downloading', { version: state.version, percent: state.percent });
    case 'ready':
      return t('update_ready', { version: state.version });
    case 'installing':
      return t('update_installing', { version: state.version });
    case 'error':
      return t('update_error', { message: state.message });
  }
}

function Updates({ prefs, save, t }: PartProps) {
  const { client } = useServices();
  const [state, setState] = useState<UpdateStatus | null>(null);
  useEffect(() => void client.send('desktop/get-update-status', {}).then(setState, () => setState(null)), [client]);
  useOnPushed('desktop/update-state', setState);
  return (
    <fieldset>
      <legend>{t('updatesTitle')}</legend>
      <div className="settings-checks" role="radiogroup" aria-label={t('updatesTitle')}>
        {(['stable', 'beta'] as const).map((channel) => (
          <Check
            key={channel}
            type="radio"
            name="update-channel"
            value={channel}
            label={t(channel === 'stable' ? 'channelStable' : 'channelBeta')}
            checked={prefs.updateChannel === channel}
            onChange={() => void save({ updateChannel: channel })}
          />
        ))}
      </div>
      {state && (
        <p id="update-state" role="status">
          {updateWords(state, t)}
          {state.phase === 'downloading' && <progress max={100} value={state.percent} aria-label={t('updatesTitle')} />}
        </p>
      )}
      {state?.phase === 'ready' && (
        <>
          <button type="button" onClick={() => void client.send('desktop/restart-to-update', {})}>
            {t('restartNow')}
          </button>
          <p className="muted small">{t('restartHint')}</p>
        </>
      )}
    </fieldset>
  );
}
