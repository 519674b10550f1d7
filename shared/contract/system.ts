import { z } from 'zod';
import { call } from './define';

export const systemCalls = {
  /** Liveness check; echoes what it is given. */
  'system/ping': call('Check that core answers; echoes the given text.', z.object({ echo: z.string().max(1000).default('') }), z.object({ echo: z.string(), at: z.string() })),
  /** Facts about the running core. */
  'system/info': call(
    'Version, data directory and schema version of the running core.',
    z.object({}).strict(),
    z.object({ version: z.string(), dataDir: z.string(), schemaVersion: z.string(), startedAt: z.string() }),
  ),
} as const;
