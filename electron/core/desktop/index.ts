/** The door other code uses into the desktop domain: the app's own preferences, backups and diagnostics. */
export { desktopHandlers, type DesktopDeps } from './app';
export { type BackupPorts } from './backups';
