import { useEffect } from 'react';
import { useStore } from 'zustand';
import { Shell } from '../features/shell/Shell';
import { strings } from '../features/shell/i18n';
import { Wizard } from '../features/wizard/Wizard';
import { DeviceGate } from '../features/device/DeviceBanner';
import { useT } from '../i18n/use-t';
import { useServices } from './services-context';

/** The first-run wizard on an empty data folder (and until the seller finishes or skips it), the shell after. */
export function App() {
  const t = useT(strings);
  const { session, wizard, device } = useServices();
  const shops = useStore(session, (s) => s.shops);
  const loadError = useStore(session, (s) => s.loadError);
  const loadShops = useStore(session, (s) => s.loadShops);
  const wizardRunning = useStore(wizard, (s) => s.running);

  useEffect(() => {
    if (shops !== null && wizardRunning === null && !device) void wizard.getState().decide(shops);
  }, [shops, wizardRunning, wizard, device]);

  // The phone never runs the first-run wizard: the shop is set up on the computer.
  if (device)
    return (
      <DeviceGate device={device}>
        {shops === null || shops.length === 0 ? <p className="splash muted">{t('loading')}</p> : <Shell />}
      </DeviceGate>
    );

  if (shops === null || wizardRunning === null) {
    return (
      <div className="splash" aria-busy={!loadError}>
        {loadError ? (
          <div role="alert">
            <p>{t('loadFailed', { message: loadError })}</p>
            <button type="button" onClick={() => void loadShops()}>
              {t('retry')}
            </button>
          </div>
        ) : (
          <p className="muted">{t('loading')}</p>
        )}
      </div>
    );
  }
  // Every shop gone (another window deleted the data) leaves nothing for the shell to show: the wizard again.
  return wizardRunning || shops.length === 0 ? <Wizard /> : <Shell />;
}
