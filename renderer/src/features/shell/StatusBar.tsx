import { useStore } from 'zustand';
import { useServices } from '../../app/services-context';
import { useT } from '../../i18n/use-t';
import { strings } from './i18n';

/** The link to core, always visible: a seller must know when replies are not going out. */
export function StatusBar() {
  const t = useT(strings);
  const connection = useStore(useServices().session, (s) => s.connection);
  return (
    <footer className="status-bar" role="status" aria-live="polite" data-testid="status-bar" data-state={connection}>
      <span className={`dot dot-${connection}`} aria-hidden="true" />
      <span>{t(`status.${connection}`)}</span>
    </footer>
  );
}
