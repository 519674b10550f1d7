import { createStore } from 'zustand/vanilla';
import type { Shop } from '../../../../shared/domain/schemas';
import type { SetupProgress, SetupStep } from '../../../../shared/domain/setup';
import type { Client } from '../../api/client';
import { decideWizard } from './wizard-model';

export interface WizardState {
  /** null until shops and core's remembered progress are read; then whether the wizard shows. */
  running: boolean | null;
  step: SetupStep;
  /** The shop the wizard created (null before the shop step). */
  shopId: number | null;
  /** Reads core's progress and decides once per load; later shops do not reopen or close it. */
  decide(shops: readonly Shop[]): Promise<void>;
  go(step: SetupStep): void;
  /** The shop step created (or edited) the shop: later steps work on it. */
  shopCreated(shopId: number): void;
  /** Leaves the wizard for the app, for good. */
  close(how: 'finished' | 'skipped'): void;
}

/** The first-run wizard's view state; its progress is written to core at every step so any window resumes it. */
export function createWizardStore({ client }: { client: Client }) {
  return createStore<WizardState>((set, get) => {
    const save = (status: SetupProgress['status']) => {
      const { step, shopId } = get();
      // A lost write only costs the resume point: the seller is not stopped for it.
      client.send('system/set-setup', { progress: { status, step, shopId } }).catch(() => undefined);
    };
    return {
      running: null,
      step: 'language',
      shopId: null,
      async decide(shops) {
        let progress: SetupProgress | null = null;
        try {
          progress = (await client.send('system/get-setup', {})).progress;
        } catch {
          // An older core without the call: decide from the shops alone.
        }
        if (get().running !== null) return;
        set(decideWizard(progress, shops));
      },
      go(step) {
        set({ step });
        save('active');
      },
      shopCreated(shopId) {
        set({ shopId });
      },
      close(how) {
        save(how);
        set({ running: false });
      },
    };
  });
}
export type WizardStore = ReturnType<typeof createWizardStore>;
