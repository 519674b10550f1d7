import { useCallback, useEffect, useState } from 'react';
import { type DesktopPrefsPatch, type PublicDesktopPrefs, mergeDesktopPrefs } from '../../../../shared/desktop/desktop-prefs';
import { useServices } from '../../app/services-context';
import { useOnPushed } from '../../stores/use-pushed';

/**
 * The app's own preferences as core keeps them: loaded once, saved one change at a time, and followed when another
 * window (the desktop app, a browser tab) changes them.
 */
export function useDesktopPrefs() {
  const { client } = useServices();
  const [prefs, setPrefs] = useState<PublicDesktopPrefs | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    client.send('desktop/get-prefs', {}).then(
      (p) => live && setPrefs(p),
      (err: unknown) => live && setError(err instanceof Error ? err.message : String(err)),
    );
    return () => {
      live = false;
    };
  }, [client]);
  useOnPushed('desktop/prefs-changed', setPrefs);
  const save = useCallback(
    async (patch: DesktopPrefsPatch) => {
      // Shown at once (a checkbox follows the click); core's answer, or the reload after a refusal, is the truth.
      setPrefs((shown) =>
        shown
          ? {
              ...mergeDesktopPrefs(shown, patch),
              backup: { ...mergeDesktopPrefs(shown, patch).backup, passphraseSet: shown.backup.passphraseSet },
            }
          : shown,
      );
      try {
        setPrefs(await client.send('desktop/update-prefs', { patch }));
        setError(null);
        return true;
      } catch (err) {
        setError(err instanceof Error ? err.message : String(err));
        client.send('desktop/get-prefs', {}).then(setPrefs, () => {});
        return false;
      }
    },
    [client],
  );
  return { prefs, error, save, shell: client.shell };
}
