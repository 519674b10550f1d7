import { z } from 'zod';
import { BackupStatus, DesktopPrefsPatch, PublicDesktopPrefs, UpdateStatus } from '../desktop/desktop-prefs';
import { call, event } from './define';

const Folder = z.string().trim().min(1).max(4096);

export const desktopCalls = {
  'desktop/get-prefs': call(
    "The app's own preferences: window, tray, start at login, updates, notifications, keep-awake, backup.",
    z.object({}).strict(),
    PublicDesktopPrefs,
  ),
  'desktop/update-prefs': call(
    "Merge a partial update into the app's own preferences and return the result.",
    z.object({ patch: DesktopPrefsPatch }).strict(),
    PublicDesktopPrefs,
  ),
  'desktop/get-backup-status': call(
    'When the last backup ran, how it went, and the backups in the chosen folder.',
    z.object({}).strict(),
    BackupStatus,
  ),
  'desktop/run-backup': call(
    'Back up now into the chosen folder (database, media, passphrase-sealed key); the status says how it went.',
    z.object({}).strict(),
    BackupStatus,
  ),
  'desktop/restore-backup': call(
    'Restore a backup into a new, empty data folder (never the running one); start Souqbot on that folder afterwards.',
    z.object({ backupDir: Folder, targetDir: Folder, passphrase: z.string().min(1).max(200) }).strict(),
    z.object({ createdAt: z.string(), targetDir: z.string() }),
  ),
  'desktop/export-diagnostics': call(
    'A zip of logs and settings with secrets redacted, saved in the data folder and returned for download.',
    z.object({}).strict(),
    z.object({ fileName: z.string(), savedTo: z.string(), bytes: z.number().int(), base64: z.string() }),
  ),
  'desktop/get-update-status': call(
    "The updater's state (the desktop app answers; a browser tab is told updates are the desktop app's).",
    z.object({}).strict(),
    UpdateStatus,
  ),
  'desktop/pick-folder': call(
    "The desktop app's folder picker (a browser tab has none: null, and the seller types the path).",
    z.object({ purpose: z.enum(['backup', 'restore-from', 'restore-to']) }).strict(),
    z.object({ folder: z.string().nullable() }),
  ),
  'desktop/restart-to-update': call(
    'Install the downloaded update now: core finishes its turns first. False when no update is ready.',
    z.object({}).strict(),
    z.object({ restarting: z.boolean() }),
  ),
} as const;

export const desktopEvents = {
  'desktop/prefs-changed': event("The app's own preferences changed (the shell applies them).", PublicDesktopPrefs),
  'desktop/update-state': event('The updater moved on: checking, download progress, ready to restart.', UpdateStatus),
  'desktop/backup-done': event('A backup finished or failed.', BackupStatus),
} as const;
