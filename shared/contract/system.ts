import { z } from 'zod';
import { StorageState } from '../domain/storage';
import { Locale } from '../domain/schemas';
import { SetupProgress } from '../domain/setup';
import { call } from './define';

export const systemCalls = {
  /** Liveness check; echoes what it is given. */
  'system/ping': call(
    'Check that core answers; echoes the given text.',
    z.object({ echo: z.string().max(1000).default('') }),
    z.object({ echo: z.string(), at: z.string() }),
  ),
  /** Facts about the running core. */
  'system/get-info': call(
    'Version, data directory and schema version of the running core.',
    z.object({}).strict(),
    z.object({ version: z.string(), dataDir: z.string(), schemaVersion: z.string(), startedAt: z.string() }),
  ),
  /** Whether core can store what arrives (the status bar's disk-full warning). */
  'system/get-storage-status': call(
    'Whether core can store messages now, or is paused because the disk is full.',
    z.object({}).strict(),
    StorageState,
  ),
  /** The interface language the seller chose, remembered by core for every window and browser. */
  'system/get-ui-locale': call(
    'The interface language the seller chose last (null before the first choice).',
    z.object({}).strict(),
    z.object({ locale: Locale.nullable() }),
  ),
  'system/set-ui-locale': call(
    'Remember the interface language the seller chose.',
    z.object({ locale: Locale }).strict(),
    z.object({ locale: Locale }),
  ),
  /** The first-run wizard's progress, so it resumes where the seller left it in any window. */
  'system/get-setup': call(
    "The first-run wizard's progress (null before it was ever started).",
    z.object({}).strict(),
    z.object({ progress: SetupProgress.nullable() }),
  ),
  'system/set-setup': call(
    "Remember the first-run wizard's progress (the step reached, finished or skipped).",
    z.object({ progress: SetupProgress }).strict(),
    z.object({ progress: SetupProgress }),
  ),
} as const;
