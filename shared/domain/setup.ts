import { z } from 'zod';

/**
 * The first-run wizard's steps, in order. The shop is created at the end of `shop`; every later step works on it and
 * can be skipped.
 */
export const SETUP_STEPS = ['language', 'shop', 'catalog', 'sales', 'try', 'link'] as const;
export const SetupStep = z.enum(SETUP_STEPS);
export type SetupStep = z.infer<typeof SetupStep>;

/**
 * Where the seller is in the first-run wizard, remembered by core (app_preferences) so a reload, another browser or
 * the desktop window resumes at the same step. `shopId` is the shop the wizard created: a shop made any other way
 * never reopens the wizard.
 */
export const SetupProgress = z
  .object({
    status: z.enum(['active', 'finished', 'skipped']),
    step: SetupStep,
    shopId: z.number().int().positive().nullable(),
  })
  .strict();
export type SetupProgress = z.infer<typeof SetupProgress>;
