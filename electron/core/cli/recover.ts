import path from 'node:path';
import { DATABASE_FILE } from '../create-core';
import { option } from '../host/args';
import { defaultDataDir } from '../host/data-dir';
import { recoverDatabase } from '../store/recover-database';
import type { CliIo } from './io';

/** `recover`: what a damaged database's start-up message tells the seller to run. */
export async function recoverCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const dataDir = path.resolve(option(argv, 'data-dir', 'SOUQ_DATA_DIR') ?? defaultDataDir());
  const result = await recoverDatabase(dataDir, path.join(dataDir, DATABASE_FILE));
  const lost = result.incomplete.length ? ` Some rows of ${result.incomplete.join(', ')} could not be read.` : '';
  const reindex = result.method === 'tables' ? ' Import your catalog CSV again so product search is rebuilt.' : '';
  io.stdout(`Recovered into ${path.join(dataDir, DATABASE_FILE)}; the damaged file is kept as ${result.damagedCopy}.${lost}${reindex}`);
  return 0;
}
