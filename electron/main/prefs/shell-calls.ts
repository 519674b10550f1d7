import { calls } from '../../../shared/contract/index';
import type { Envelope } from '../../../shared/contract/errors';
import type { UpdateStatus } from '../../../shared/desktop/desktop-prefs';
import type { UpdateController, UpdateState } from '../updater/update-policy';

/** The contract's view of the updater is the policy's own state, checked here at compile time. */
const _sameShape = (state: UpdateState): UpdateStatus => state;
void _sameShape;

export type LocalCall = (input: unknown) => Promise<Envelope<unknown>>;

export interface ShellCallsDeps {
  /** The updater's last state (from startUpdates' onState). */
  updateState(): UpdateState;
  updates(): Pick<UpdateController, 'restartNow'> | null;
  /** The system's folder dialog (Electron's dialog.showOpenDialog); null when the seller cancels. */
  pickFolder(purpose: 'backup' | 'restore-from' | 'restore-to'): Promise<string | null>;
}

/**
 * Contract calls the desktop shell answers itself instead of relaying to core: the updater and the system's dialogs
 * live in main. Core has
 * handlers for them too, which answer a browser tab that there is no updater there.
 */
export function makeShellCalls(deps: ShellCallsDeps): Record<string, LocalCall> {
  const invalid = (message: string): Envelope<never> => ({ ok: false, error: { code: 'invalid_input', message } });
  return {
    'desktop/get-update-status': async (input) => {
      if (!calls['desktop/get-update-status'].input.safeParse(input).success) return invalid('desktop/get-update-status takes {}');
      return { ok: true, value: deps.updateState() };
    },
    'desktop/restart-to-update': async (input) => {
      if (!calls['desktop/restart-to-update'].input.safeParse(input).success) return invalid('desktop/restart-to-update takes {}');
      const controller = deps.updates();
      return { ok: true, value: { restarting: controller ? await controller.restartNow() : false } };
    },
    'desktop/pick-folder': async (input) => {
      const parsed = calls['desktop/pick-folder'].input.safeParse(input);
      if (!parsed.success) return invalid('desktop/pick-folder takes { purpose: backup | restore-from | restore-to }');
      return { ok: true, value: { folder: await deps.pickFolder(parsed.data.purpose) } };
    },
  };
}
