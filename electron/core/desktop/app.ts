import { ContractError } from '../../../shared/contract/errors';
import { type DesktopPrefs, type PublicDesktopPrefs, mergeDesktopPrefs } from '../../../shared/desktop/desktop-prefs';
import type { HandlerMap } from '../app';
import type { CoreContext } from '../context';
import { BACKUP_JOB, BACKUP_PASSPHRASE_SECRET, type BackupPorts, type BackupScheduler, makeBackups } from './backups';
import { buildDiagnostics, saveDiagnostics } from './diagnostics';
import { makePreferenceRows } from '../system';
import { makeDesktopPrefsStore } from './prefs-store';

export interface DesktopDeps {
  /** The data key that seals WhatsApp credentials: a backup carries it, sealed with the seller's passphrase. */
  key: Buffer;
  /** Runs, lists and restores backups (store/backup/backup.ts). */
  backup: BackupPorts;
  /** The learning scheduler the daily backup job runs on; its failures are shown with the backup status. */
  scheduler: BackupScheduler & { failures(): unknown[] };
  /** Names in the secret store whose values must never leave the machine (each shop's LLM key). */
  secretNames(shopIds: number[]): string[];
}

/** Restore failures as codes the Settings page words in the seller's language. */
function restoreCode(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  if (/passphrase does not open/i.test(message)) return 'restore_wrong_passphrase';
  if (/already holds/i.test(message)) return 'restore_not_empty';
  if (/damaged/i.test(message)) return 'restore_damaged';
  if (/newer Souqbot/i.test(message)) return 'restore_newer';
  if (message === 'running_data_dir') return 'restore_running';
  if (/ENOENT/.test(message)) return 'restore_not_a_backup';
  return 'restore_failed';
}

/**
 * The app's own preferences, backups and diagnostics. Core keeps them so the Settings page of both shells shows and
 * changes them through the contract; the desktop shell applies a change when `desktop/prefs-changed` arrives.
 */
export function desktopHandlers(ctx: CoreContext, deps: DesktopDeps): HandlerMap {
  const prefs = makeDesktopPrefsStore(makePreferenceRows(ctx.store.sqlite));
  const backups = makeBackups({
    dataDir: ctx.dataDir,
    key: deps.key,
    appVersion: ctx.version,
    prefs,
    secrets: ctx.secrets,
    clock: ctx.clock,
    logger: ctx.logger,
    ports: deps.backup,
    onDone: (status) => ctx.bus.emit('desktop/backup-done', status),
  });
  backups.register(deps.scheduler);

  const toPublic = async (stored: DesktopPrefs): Promise<PublicDesktopPrefs> => ({
    ...stored,
    backup: { ...stored.backup, passphraseSet: Boolean(await ctx.secrets.get(BACKUP_PASSPHRASE_SECRET)) },
  });
  const shopIds = async () => (await ctx.repos.shops.list()).map((s) => s.id);

  return {
    'desktop/get-prefs': () => toPublic(prefs.get()),
    'desktop/update-prefs': async ({ patch }) => {
      const wasSetUp = await backups.configured();
      const passphrase = patch.backup?.passphrase;
      if (passphrase === '') await ctx.secrets.delete(BACKUP_PASSPHRASE_SECRET);
      else if (passphrase !== undefined) await ctx.secrets.set(BACKUP_PASSPHRASE_SECRET, passphrase);
      const next = mergeDesktopPrefs(prefs.get(), patch);
      prefs.set(next, ctx.clock.now().toISOString());
      // A daily backup just set up runs soon, not a day later.
      if (!wasSetUp && (await backups.configured())) deps.scheduler.nudge(BACKUP_JOB);
      const shown = await toPublic(next);
      ctx.bus.emit('desktop/prefs-changed', shown);
      return shown;
    },
    'desktop/get-backup-status': () => backups.status(),
    'desktop/run-backup': () => backups.runNow(),
    'desktop/restore-backup': (input) => {
      try {
        return backups.restore(input);
      } catch (err) {
        ctx.logger.warn({ err }, 'restore failed');
        throw new ContractError('conflict', restoreCode(err));
      }
    },
    'desktop/export-diagnostics': async () => {
      const now = ctx.clock.now();
      const ids = await shopIds();
      const names = [...deps.secretNames(ids), BACKUP_PASSPHRASE_SECRET];
      const knownSecrets = (await Promise.all(names.map((n) => ctx.secrets.get(n)))).filter((v): v is string => Boolean(v));
      const zip = buildDiagnostics({
        dataDir: ctx.dataDir,
        now,
        info: {
          version: ctx.version,
          schemaVersion: ctx.store.schemaVersion,
          startedAt: ctx.startedAt,
          platform: process.platform,
          node: process.version,
        },
        shops: await Promise.all(ids.map(async (shopId) => ({ shopId, settings: await ctx.repos.settings.get(shopId) }))),
        desktopPrefs: await toPublic(prefs.get()),
        jobs: deps.scheduler.failures(),
        knownSecrets,
      });
      const saved = saveDiagnostics(ctx.dataDir, zip, now);
      return { ...saved, bytes: zip.byteLength, base64: Buffer.from(zip).toString('base64') };
    },
    // The desktop shell answers these itself (electron/main); a browser tab has no updater.
    'desktop/get-update-status': () => ({ phase: 'off' as const, reason: 'browser' }),
    'desktop/restart-to-update': () => ({ restarting: false }),
    'desktop/pick-folder': () => ({ folder: null }),
  };
}
