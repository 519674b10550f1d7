import { describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => ({
  login: [] as unknown[],
  blockers: new Set<number>(),
  powerListeners: new Map<string, () => void>(),
  battery: false,
  dialogs: [] as unknown[],
  answer: { canceled: false, filePaths: ['/home/lina/Backups'] } as { canceled: boolean; filePaths: string[] },
}));

vi.mock('electron', () => ({
  app: {
    setLoginItemSettings: (settings: unknown) => fake.login.push(settings),
    getLoginItemSettings: () => ({ wasOpenedAtLogin: false }),
  },
  powerSaveBlocker: {
    start: (type: string) => {
      expect(type).toBe('prevent-app-suspension');
      fake.blockers.add(fake.blockers.size + 1);
      return fake.blockers.size;
    },
    isStarted: (id: number) => fake.blockers.has(id),
    stop: (id: number) => fake.blockers.delete(id),
  },
  powerMonitor: {
    isOnBatteryPower: () => fake.battery,
    on: (event: string, listener: () => void) => fake.powerListeners.set(event, listener),
  },
  dialog: {
    showOpenDialog: async (...args: unknown[]) => {
      fake.dialogs.push(args.at(-1));
      return fake.answer;
    },
  },
  screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1366, height: 728 } }] },
}));

const { loginItem, pickFolder, power, startedHidden, workAreas } = await import('./electron-ports');

describe('the Electron side of the shell preferences', () => {
  it('sets the login item with the hidden flag, and reads it back', () => {
    loginItem.setOpenAtLogin(true);
    loginItem.setOpenAtLogin(false);
    expect(fake.login).toEqual([
      { openAtLogin: true, args: ['--hidden'] },
      { openAtLogin: false, args: ['--hidden'] },
    ]);
    expect(startedHidden(['souqbot', '--hidden'])).toBe(true);
    expect(startedHidden(['souqbot'])).toBe(false);
  });

  it('starts and stops a power-save blocker, and listens for battery changes', () => {
    const id = power.start();
    expect(fake.blockers.has(id)).toBe(true);
    power.stop(id);
    power.stop(id);
    expect(fake.blockers.size).toBe(0);
    const changed = vi.fn();
    power.onPowerChange(changed);
    fake.battery = true;
    fake.powerListeners.get('on-battery')?.();
    expect(power.onBattery()).toBe(true);
    fake.powerListeners.get('on-ac')?.();
    expect(changed).toHaveBeenCalledTimes(2);
    expect(workAreas()).toEqual([{ x: 0, y: 0, width: 1366, height: 728 }]);
  });

  it('picks a folder with the system dialog (a new one allowed, except the backup to restore), null on cancel', async () => {
    expect(await pickFolder(null, 'backup')).toBe('/home/lina/Backups');
    expect(await pickFolder(null, 'restore-from')).toBe('/home/lina/Backups');
    expect(fake.dialogs).toEqual([
      { properties: ['openDirectory', 'createDirectory', 'promptToCreate'] },
      { properties: ['openDirectory'] },
    ]);
    fake.answer = { canceled: true, filePaths: [] };
    expect(await pickFolder(null, 'restore-to')).toBeNull();
  });
});
