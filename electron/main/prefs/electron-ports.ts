import { type BrowserWindow, app, dialog, powerMonitor, powerSaveBlocker, screen } from 'electron';
import type { PowerPort } from './keep-awake';
import type { LoginItemPort } from './shell-prefs';
import type { Rect } from './window-bounds';

/** Start at login: the OS starts Souqbot hidden in the tray (`--hidden`), as it does for a login item. */
export const loginItem: LoginItemPort = {
  setOpenAtLogin(open) {
    app.setLoginItemSettings({ openAtLogin: open, args: ['--hidden'] });
  },
};

/** 'prevent-app-suspension' keeps the machine awake (and the network up) but lets the screen turn off. */
export const power: PowerPort = {
  start: () => powerSaveBlocker.start('prevent-app-suspension'),
  stop: (id) => {
    if (powerSaveBlocker.isStarted(id)) powerSaveBlocker.stop(id);
  },
  onBattery: () => powerMonitor.isOnBatteryPower(),
  onPowerChange(listener) {
    powerMonitor.on('on-battery', listener);
    powerMonitor.on('on-ac', listener);
  },
};

export const workAreas = (): Rect[] => screen.getAllDisplays().map((d) => d.workArea);

/** Whether the OS started Souqbot at login (then it stays in the tray until the seller opens it). */
export const startedHidden = (argv: readonly string[]): boolean => argv.includes('--hidden') || app.getLoginItemSettings().wasOpenedAtLogin;

/**
 * The system's folder dialog for backups: a backup or restore target may be a new folder, a backup to restore must
 * exist. The dialog's title is the OS's own; null when the seller cancels.
 */
export async function pickFolder(window: BrowserWindow | null, purpose: 'backup' | 'restore-from' | 'restore-to'): Promise<string | null> {
  const properties: ('openDirectory' | 'createDirectory' | 'promptToCreate')[] =
    purpose === 'restore-from' ? ['openDirectory'] : ['openDirectory', 'createDirectory', 'promptToCreate'];
  const result = window ? await dialog.showOpenDialog(window, { properties }) : await dialog.showOpenDialog({ properties });
  return result.canceled ? null : (result.filePaths[0] ?? null);
}
