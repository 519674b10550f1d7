import { app, powerMonitor, powerSaveBlocker, screen } from 'electron';
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
