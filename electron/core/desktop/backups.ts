import path from 'node:path';
import type { BackupStatus } from '../../../shared/desktop/desktop-prefs';
import type { Clock, Logger, SecretStore } from '../ports';
import type { BackupOptions, restoreBackup } from '../store';
import type { DesktopPrefsStore } from './prefs-store';

/** What backing up needs from the store's backup module (store/backup/backup.ts), bound to core's database by create-core. */
export interface BackupPorts {
  /** The store's `runBackup` with core's open database already bound (create-core binds it). */
  run(opts: Omit<BackupOptions, 'sqlite'>): Promise<{ folder: string; bytes: number }>;
  list(destDir: string): string[];
  restore(opts: Parameters<typeof restoreBackup>[0]): ReturnType<typeof restoreBackup>;
}

/** The part of the learning scheduler the daily backup uses. */
export interface BackupScheduler {
  register(kind: string, handler: () => Promise<void>): void;
  every(kind: string, key: string, everyMs: number): void;
  nudge(key: string): void;
}

export interface BackupsDeps {
  /** The data folder that is backed up. */
  dataDir: string;
  /** The data key; a backup carries it sealed with the seller's passphrase. */
  key: Buffer;
  /** Written into each backup's manifest (a restore names the version that made it). */
  appVersion: string;
  /** The app's preferences: backup folder and how many backups to keep. */
  prefs: DesktopPrefsStore;
  /** Holds the backup passphrase the seller chose. */
  secrets: SecretStore;
  /** Time for the daily schedule and the backup's name. */
  clock: Clock;
  /** Core's logger. */
  logger: Logger;
  /** Runs, lists and restores backups (store/backup/backup.ts). */
  ports: BackupPorts;
  /** Called after each backup, good or failed: the desktop/backup-done event. */
  onDone(status: BackupStatus): void;
}

export const BACKUP_JOB = 'desktop/backup';
export const BACKUP_PASSPHRASE_SECRET = 'desktop-backup-passphrase';
const DAY_MS = 86_400_000;

const isInside = (parent: string, child: string) => {
  const rel = path.relative(path.resolve(parent), path.resolve(child));
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

/** Why a backup cannot run; the Settings page words these in the seller's language. */
const NO_FOLDER = 'no_folder';
const NO_PASSPHRASE = 'no_passphrase';

/**
 * Backups the seller set up in Settings: "Back up now", and the same as a daily job of the persistent scheduler
 * (a day missed while the computer was off runs once on start; a failure retries with the scheduler's backoff and
 * shows among the job failures). One at a time: a second request waits for the one running.
 */
export function makeBackups(deps: BackupsDeps) {
  let running: Promise<BackupStatus> | null = null;

  const status = (): BackupStatus => {
    const folder = deps.prefs.get().backup.folder;
    let backups: string[] = [];
    try {
      backups = folder ? deps.ports.list(folder) : [];
    } catch (err) {
      deps.logger.warn({ err }, 'backup folder unreadable');
    }
    return { ...deps.prefs.lastBackup(), backups };
  };

  async function attempt(): Promise<BackupStatus> {
    const { folder, keep } = deps.prefs.get().backup;
    const passphrase = await deps.secrets.get(BACKUP_PASSPHRASE_SECRET);
    const now = deps.clock.now();
    try {
      if (!folder) throw new Error(NO_FOLDER);
      if (!passphrase) throw new Error(NO_PASSPHRASE);
      const destDir = path.resolve(folder);
      // A backup inside the data folder would be copied into every later backup and lost with the computer.
      if (isInside(deps.dataDir, destDir)) throw new Error('inside_data_dir');
      const done = await deps.ports.run({
        dataDir: deps.dataDir,
        key: deps.key,
        destDir,
        passphrase,
        keep,
        now,
        appVersion: deps.appVersion,
      });
      deps.prefs.setLastBackup(
        { lastAt: now.toISOString(), lastResult: 'ok', lastFolder: done.folder, lastError: null, lastBytes: done.bytes },
        now.toISOString(),
      );
      deps.logger.info({ folder: done.folder, bytes: done.bytes }, 'backup done');
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      deps.prefs.setLastBackup(
        { ...deps.prefs.lastBackup(), lastAt: now.toISOString(), lastResult: 'failed', lastError: message },
        now.toISOString(),
      );
      deps.logger.warn({ err: message }, 'backup failed');
    }
    const result = status();
    deps.onDone(result);
    return result;
  }

  const runNow = (): Promise<BackupStatus> => {
    running ??= attempt().finally(() => {
      running = null;
    });
    return running;
  };

  return {
    status,
    runNow,
    /** Whether a daily backup is set up (folder, passphrase, daily on). */
    async configured(): Promise<boolean> {
      const { folder, daily } = deps.prefs.get().backup;
      return Boolean(folder && daily && (await deps.secrets.get(BACKUP_PASSPHRASE_SECRET)));
    },
    /** The daily job: nothing when not set up; a failed backup throws so the scheduler retries and reports it. */
    register(scheduler: BackupScheduler): void {
      scheduler.register(BACKUP_JOB, async () => {
        if (!(await this.configured())) return;
        const result = await runNow();
        if (result.lastResult === 'failed') throw new Error(`backup failed: ${result.lastError ?? 'unknown error'}`);
      });
      scheduler.every(BACKUP_JOB, BACKUP_JOB, DAY_MS);
    },
    /** Restores into a new folder, never the running one (core holds its database open). */
    restore(input: { backupDir: string; targetDir: string; passphrase: string }): { createdAt: string; targetDir: string } {
      const targetDir = path.resolve(input.targetDir);
      if (targetDir === path.resolve(deps.dataDir)) throw new Error('running_data_dir');
      const { createdAt } = deps.ports.restore({
        backupDir: path.resolve(input.backupDir),
        dataDir: targetDir,
        passphrase: input.passphrase,
      });
      return { createdAt, targetDir };
    },
  };
}
