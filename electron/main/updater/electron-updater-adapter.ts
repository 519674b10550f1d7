import { AppImageUpdater, type AppUpdater, DebUpdater, MacUpdater, NsisUpdater } from 'electron-updater';
import type { AppAdapter } from 'electron-updater/out/AppAdapter';
import type { UpdaterPort } from './update-policy';

export interface PlatformUpdaterOptions {
  platform: NodeJS.Platform;
  /** `APPIMAGE` is set by the AppImage runtime; a deb install has none. */
  env: NodeJS.ProcessEnv;
  /** Tests pass a fake app (version, cache folder); in Electron the default reads `electron.app`. */
  app?: AppAdapter;
  /**
   * Tests pass a plain-Node HTTP executor: electron-updater's default downloads through Electron's `net`, and an
   * updater built with a custom app has no executor at all.
   */
  httpExecutor?: unknown;
}

/** The electron-updater class for the installer this build came as: NSIS, DMG (Squirrel.Mac), AppImage or deb. */
export function createPlatformUpdater(options: PlatformUpdaterOptions): AppUpdater & UpdaterPort {
  const { platform, env, app } = options;
  const updater: AppUpdater =
    platform === 'win32'
      ? new NsisUpdater(null, app)
      : platform === 'darwin'
        ? new MacUpdater(undefined, app)
        : env.APPIMAGE
          ? new AppImageUpdater(null, app)
          : new DebUpdater(null, app);
  if (options.httpExecutor) Object.assign(updater, { httpExecutor: options.httpExecutor });
  return updater as AppUpdater & UpdaterPort;
}
