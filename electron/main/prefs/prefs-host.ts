import type { Envelope } from '../../../shared/contract/errors';
import type { EventMessage } from '../../../shared/contract/events';
import { type DesktopPrefs, type DesktopPrefsPatch, PublicDesktopPrefs } from '../../../shared/desktop/desktop-prefs';
import { type ShellPrefs, type ShellPrefsDeps, makeShellPrefs } from './shell-prefs';

export interface PrefsHostDeps extends ShellPrefsDeps {
  /** Core's contract, through main's relay (calls made before core is ready wait for it). */
  call(name: string, input: unknown): Promise<Envelope<unknown>>;
  log(message: string): void;
}

/**
 * Main's side of the app's preferences: core keeps them (the Settings page changes them in either shell), main
 * loads them when core is up, applies each `desktop/prefs-changed`, and writes back what only main sees (window
 * bounds, the close-to-tray explanation shown).
 */
export function makePrefsHost(deps: PrefsHostDeps) {
  const shell: ShellPrefs = makeShellPrefs(deps);
  const accept = (value: unknown): DesktopPrefs | null => {
    const parsed = PublicDesktopPrefs.safeParse(value);
    if (!parsed.success) {
      deps.log('desktop preferences from core did not parse; keeping the current ones');
      return null;
    }
    shell.apply(parsed.data);
    return parsed.data;
  };
  return {
    async load(): Promise<DesktopPrefs | null> {
      const answer = await deps.call('desktop/get-prefs', {});
      if (!answer.ok) {
        deps.log(`desktop preferences unavailable: ${answer.error.message}`);
        return shell.current;
      }
      return accept(answer.value);
    },
    onEvent(event: EventMessage): void {
      if (event.name === 'desktop/prefs-changed') accept(event.payload);
    },
    async save(patch: DesktopPrefsPatch): Promise<void> {
      const answer = await deps.call('desktop/update-prefs', { patch });
      if (!answer.ok) deps.log(`saving desktop preferences failed: ${answer.error.message}`);
    },
    get current(): DesktopPrefs | null {
      return shell.current;
    },
  };
}
export type PrefsHost = ReturnType<typeof makePrefsHost>;

/** Resolves with the promise's value, or with `fallback` after `ms` (the window must open even if core is slow). */
export function within<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(fallback), ms);
    void promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      () => {
        clearTimeout(timer);
        resolve(fallback);
      },
    );
  });
}
