import { z } from 'zod';

/** Whether core can store what arrives: 'disk_full' pauses intake (SQLite said FULL or IOERR) until space returns. */
export const StorageState = z.object({
  state: z.enum(['ok', 'disk_full']),
  /** When the pause began; null while ok. */
  since: z.string().nullable(),
  /** Customer messages received meanwhile, held in memory and stored as soon as the disk allows. */
  held: z.number().int().nonnegative(),
});
export type StorageState = z.infer<typeof StorageState>;
