import type { Shop } from '../../../../shared/domain/schemas';
import { SETUP_STEPS, type SetupProgress, type SetupStep } from '../../../../shared/domain/setup';

/** Steps before the shop exists: nothing later can run without one. */
const BEFORE_SHOP: readonly SetupStep[] = ['language', 'shop'];

export interface WizardDecision {
  running: boolean;
  step: SetupStep;
  shopId: number | null;
}

/**
 * Whether the first-run wizard shows, and where it resumes. It runs while no shop exists, and after that only for the
 * shop it created itself until the seller finishes or skips it: a shop created any other way (the contract, the
 * command line, another window) goes straight to the app.
 */
export function decideWizard(progress: SetupProgress | null, shops: readonly Shop[]): WizardDecision {
  if (shops.length === 0) {
    const resumable = progress?.status === 'active' && BEFORE_SHOP.includes(progress.step);
    // A progress past the shop step with no shop left (a restored or emptied data folder) starts at the shop again.
    const step = resumable ? progress.step : progress?.status === 'active' ? 'shop' : 'language';
    return { running: true, step, shopId: null };
  }
  if (progress?.status === 'active' && progress.shopId !== null && shops.some((s) => s.id === progress.shopId)) {
    return { running: true, step: progress.step, shopId: progress.shopId };
  }
  return { running: false, step: 'language', shopId: null };
}

export const stepIndex = (step: SetupStep): number => SETUP_STEPS.indexOf(step);

export const nextStep = (step: SetupStep): SetupStep | null => SETUP_STEPS[stepIndex(step) + 1] ?? null;

export const previousStep = (step: SetupStep): SetupStep | null => SETUP_STEPS[stepIndex(step) - 1] ?? null;

/** Steps the seller may skip: the language has a default, and the shop step is the one thing the app needs. */
export const isSkippable = (step: SetupStep): boolean => step !== 'shop';
