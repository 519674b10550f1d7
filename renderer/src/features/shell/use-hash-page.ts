import { useCallback, useSyncExternalStore } from 'react';
import { type PageId, pageFromHash } from '../pages';

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

/** The current page lives in the address (`#/inbox`) so back/forward and reloads keep it. */
export function useHashPage(): [PageId, (page: PageId) => void] {
  const page = useSyncExternalStore(subscribe, () => pageFromHash(window.location.hash));
  const go = useCallback((next: PageId) => {
    window.location.hash = `#/${next}`;
  }, []);
  return [page, go];
}
