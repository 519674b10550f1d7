import { useStore } from 'zustand';
import { Shell } from '../features/shell/Shell';
import { Welcome } from '../features/shell/Welcome';
import { strings } from '../features/shell/i18n';
import { useT } from '../i18n/use-t';
import { useServices } from './services-context';

/** Welcome on an empty data folder, the shell once a shop exists. */
export function App() {
  const t = useT(strings);
  const { session } = useServices();
  const shops = useStore(session, (s) => s.shops);
  const loadError = useStore(session, (s) => s.loadError);
  const loadShops = useStore(session, (s) => s.loadShops);

  if (shops === null) {
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
  return shops.length === 0 ? <Welcome /> : <Shell />;
}
