import path from 'node:path';
import { lockDataDir } from './store/data-dir-lock';
import { type FileLogger, type LogCap, makeFileLogger, teeLogger } from './host/log-files';
import { databaseFiles, ensurePrivateDir, ensurePrivateFile, tightenExisting } from './host/private-files';
import { type Logger, silentLogger } from './ports';
import { type Store, openDatabase } from './database';

export const DATABASE_FILE = 'souqbot.sqlite';

export interface OpenDataFolder {
  lock: ReturnType<typeof lockDataDir>;
  store: Store;
  /** The caller's logger, teed into the data folder's rolling log when asked. */
  logger: Logger;
  logFile: FileLogger | null;
}

/**
 * createCore's first step: the data folder locked (one core per folder), private to the seller's OS user, its log
 * opened and its database open. When any of that fails, what was taken is given back before the error is thrown.
 */
export async function openDataFolder(config: { dataDir: string; logger?: Logger; logFile?: boolean | LogCap }): Promise<OpenDataFolder> {
  // Only the seller's OS user may read the folder; only one core may run on it.
  ensurePrivateDir(config.dataDir);
  const lock = lockDataDir(config.dataDir);
  const databaseFile = path.join(config.dataDir, DATABASE_FILE);
  let logFile: FileLogger | null = null;
  let logger = config.logger ?? silentLogger;
  try {
    // The file log opens only under the lock: a second process must not roll the first one's files.
    if (config.logFile) {
      logFile = await makeFileLogger(config.dataDir, config.logFile === true ? undefined : config.logFile);
      logger = teeLogger(logger, logFile.logger);
    }
    ensurePrivateFile(databaseFile);
    tightenExisting(databaseFiles(databaseFile));
    return { lock, logger, logFile, store: await openDatabase({ file: databaseFile }) };
  } catch (err) {
    logger.error({ err }, 'core could not open its data folder');
    logFile?.close();
    lock.release();
    throw err;
  }
}
