/** The door other code uses into the desktop domain: the app's own preferences, backups and diagnostics. */
export { desktopHandlers, type DesktopDeps } from './app';
export { BACKUP_JOB, BACKUP_PASSPHRASE_SECRET, type BackupPorts } from './backups';
export { redact } from './redact';
