import path from 'node:path';
import { createCore, DATABASE_FILE } from '../create-core';
import { option, defaultDataDir } from '../host';
import { loadOrCreateToken } from '../server';
import type { CliIo } from './io';

/** `init`: creates and migrates the data folder and the server token; safe to run again. */
export async function initCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const dataDir = path.resolve(option(argv, 'data-dir', 'SOUQ_DATA_DIR') ?? defaultDataDir());
  const core = await createCore({ dataDir, paused: true });
  try {
    const shops = await core.ctx.repos.shops.list();
    loadOrCreateToken(dataDir);
    io.stdout(
      `Data folder ready: ${dataDir} (database ${DATABASE_FILE}, schema ${core.ctx.store.schemaVersion}, ${shops.length} shop(s)).`,
    );
    return 0;
  } finally {
    await core.close();
  }
}
