import { app, autoUpdater } from 'electron';

const SIX_HOURS = 6 * 60 * 60 * 1000;

/**
 * Updates through Electron's built-in autoUpdater (Squirrel.Mac), only in a packaged macOS build
 * and only when SOUQ_UPDATE_URL names a feed: there is no update server yet, and a dev build or a
 * Linux AppImage/deb must never try. Windows NSIS installers and Linux need `electron-updater`
 * (not installed); until then they update by installing the new version over the old one.
 * Returns a stop function.
 */
export function startUpdater(log: (message: string) => void): () => void {
  const feed = process.env.SOUQ_UPDATE_URL;
  if (!app.isPackaged || process.platform !== 'darwin' || !feed) return () => {};
  try {
    autoUpdater.setFeedURL({ url: feed });
  } catch (err) {
    log(`updates disabled: ${err instanceof Error ? err.message : String(err)}`);
    return () => {};
  }
  autoUpdater.on('error', (err) => log(`update check failed: ${err.message}`));
  autoUpdater.on('update-downloaded', () => log('an update was downloaded; it installs when Souqbot restarts'));
  const check = () => {
    try {
      autoUpdater.checkForUpdates();
    } catch (err) {
      log(`update check failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  check();
  const timer = setInterval(check, SIX_HOURS);
  return () => clearInterval(timer);
}
