import { describe, expect, it, vi } from 'vitest';
import type { Envelope } from '../../../shared/contract/errors';
import type { EventMessage } from '../../../shared/contract/events';
import { makeDeskModel } from '../../../shared/desktop/desk-model';
import {
  type DesktopPrefs,
  DesktopPrefs as Schema,
  type PublicDesktopPrefs,
  mergeDesktopPrefs,
} from '../../../shared/desktop/desktop-prefs';
import { makeIpcHandlers, makeTrustedUrlCheck } from '../ipc-handlers';
import type { CoreRelay } from '../core-relay';
import { closeAction } from './close-policy';
import { type PowerPort, makeKeepAwake } from './keep-awake';
import { makePrefsHost, within } from './prefs-host';
import { makeShellCalls } from './shell-calls';
import { debounced, restorableBounds } from './window-bounds';

const defaults = (): DesktopPrefs => Schema.parse({});
const pub = (prefs: DesktopPrefs): PublicDesktopPrefs => ({ ...prefs, backup: { ...prefs.backup, passphraseSet: false } });

function fakePower(onBattery = false) {
  const listeners: (() => void)[] = [];
  const started: number[] = [];
  const stopped: number[] = [];
  let battery = onBattery;
  const port: PowerPort = {
    start: () => {
      started.push(started.length + 1);
      return started.length;
    },
    stop: (id) => stopped.push(id),
    onBattery: () => battery,
    onPowerChange: (l) => listeners.push(l),
  };
  return {
    port,
    started,
    stopped,
    setBattery(on: boolean) {
      battery = on;
      for (const l of listeners) l();
    },
  };
}
const status = (accountId: number, s: 'connected' | 'disconnected'): EventMessage =>
  ({ name: 'accounts/status', payload: { shopId: 1, accountId, status: s, detail: null } }) as EventMessage;

describe('keep-awake', () => {
  it('blocks sleep only while on, core up, a number connected and storage ok', () => {
    const power = fakePower();
    const awake = makeKeepAwake({ power: power.port, warnOnBattery: () => {} });
    awake.setEnabled(true);
    awake.setCoreState('connected');
    expect(awake.active).toBe(false);
    awake.onEvent(status(7, 'connected'));
    expect(awake.active).toBe(true);
    awake.onEvent({ name: 'system/storage', payload: { state: 'disk_full', since: 'x', held: 0 } } as EventMessage);
    expect(awake.active).toBe(false);
    awake.onEvent({ name: 'system/storage', payload: { state: 'ok', since: null, held: 0 } } as EventMessage);
    expect(awake.active).toBe(true);
    awake.setEnabled(false);
    expect(awake.active).toBe(false);
    awake.setEnabled(true);
    awake.onEvent(status(7, 'disconnected'));
    expect(awake.active).toBe(false);
    awake.onEvent(status(7, 'connected'));
    awake.setCoreState('disconnected');
    expect(awake.active).toBe(false);
    expect(power.started).toHaveLength(4);
    expect(power.stopped).toEqual([1, 2, 3, 4]);
  });

  it('warns once per battery stretch while it keeps the machine awake', () => {
    const power = fakePower(true);
    const warn = vi.fn();
    const awake = makeKeepAwake({ power: power.port, warnOnBattery: warn });
    awake.setEnabled(true);
    awake.setCoreState('connected');
    expect(warn).not.toHaveBeenCalled();
    awake.onEvent(status(1, 'connected'));
    awake.onEvent(status(2, 'connected'));
    expect(warn).toHaveBeenCalledTimes(1);
    power.setBattery(false);
    power.setBattery(true);
    expect(warn).toHaveBeenCalledTimes(2);
  });
});

describe('close policy', () => {
  it('hides to the tray, explains it the first time, quits when close-to-tray is off', () => {
    expect(closeAction(defaults(), false)).toBe('hide-and-explain');
    expect(closeAction({ closeToTray: true, closeToTrayExplained: true }, false)).toBe('hide');
    expect(closeAction({ closeToTray: false, closeToTrayExplained: false }, false)).toBe('quit');
    expect(closeAction(null, false)).toBe('hide');
    expect(closeAction(defaults(), true)).toBe('close');
  });
});

describe('window bounds', () => {
  const screen = [{ x: 0, y: 0, width: 1920, height: 1040 }];
  it('restores bounds that are on a screen, not ones left on an unplugged monitor', () => {
    const saved = { x: 100, y: 80, width: 1200, height: 800, maximized: false };
    expect(restorableBounds(saved, screen)).toEqual(saved);
    expect(restorableBounds({ ...saved, x: 2500 }, screen)).toBeNull();
    expect(restorableBounds({ ...saved, y: -700 }, screen)).toBeNull();
    expect(restorableBounds(null, screen)).toBeNull();
  });
  it('saves once the window stops moving, and what is pending on close', () => {
    vi.useFakeTimers();
    const saved: number[] = [];
    const saver = debounced((n: number) => saved.push(n), 1000);
    saver.push(1);
    saver.push(2);
    vi.advanceTimersByTime(1000);
    expect(saved).toEqual([2]);
    saver.push(3);
    saver.flush();
    saver.flush();
    expect(saved).toEqual([2, 3]);
    vi.useRealTimers();
  });
});

function fakeCore(initial: DesktopPrefs) {
  let stored = initial;
  const calls: [string, unknown][] = [];
  return {
    calls,
    async call(name: string, input: unknown): Promise<Envelope<unknown>> {
      calls.push([name, input]);
      if (name === 'desktop/get-prefs') return { ok: true, value: pub(stored) };
      if (name === 'desktop/update-prefs') {
        stored = mergeDesktopPrefs(stored, (input as { patch: object }).patch);
        return { ok: true, value: pub(stored) };
      }
      return { ok: false, error: { code: 'unknown_method', message: name } };
    },
  };
}

describe('preferences applied by the shell', () => {
  function host(initial = defaults()) {
    const core = fakeCore(initial);
    const model = makeDeskModel({ locale: 'en', prefs: { kinds: {}, quietHours: null }, timeZone: 'UTC' });
    const login = { setOpenAtLogin: vi.fn() };
    const power = fakePower();
    const awake = makeKeepAwake({ power: power.port, warnOnBattery: () => {} });
    awake.setCoreState('connected');
    awake.onEvent(status(1, 'connected'));
    const setChannel = vi.fn();
    const prefs = makePrefsHost({
      call: core.call,
      log: () => {},
      notices: model,
      login,
      keepAwake: awake,
      updates: () => ({ setChannel }),
    });
    return { core, model, login, awake, setChannel, prefs };
  }
  const order: EventMessage = {
    name: 'orders/created',
    payload: {
      id: 5,
      shopId: 1,
      conversationId: 3,
      customerName: 'Nour',
      items: [{ name: 'Sac', quantity: 1 }],
      total: 4000,
      currency: 'DZD',
      createdAt: '2026-12-01T12:00:00Z',
    },
  } as unknown as EventMessage;
  const changed = (prefs: DesktopPrefs): EventMessage => ({ name: 'desktop/prefs-changed', payload: pub(prefs) });

  it('a per-kind switch turned off in Settings silences that kind of notification', async () => {
    const { model, prefs } = host();
    await prefs.load();
    const at = new Date('2026-12-01T12:00:00Z');
    expect(model.onEvent(order, at)).toHaveLength(1);
    prefs.onEvent(changed(mergeDesktopPrefs(defaults(), { notifications: { kinds: { order: false } } })));
    expect(model.onEvent({ ...order, payload: { ...(order.payload as object), id: 6 } } as EventMessage, at)).toEqual([]);
  });

  it('quiet hours from Settings hold notifications back during those hours only', async () => {
    const { model, prefs } = host(mergeDesktopPrefs(defaults(), { notifications: { quietHours: { from: '22:00', to: '08:00' } } }));
    await prefs.load();
    expect(model.onEvent(order, new Date('2026-12-01T23:30:00Z'))).toEqual([]);
    expect(model.onEvent(order, new Date('2026-12-01T09:00:00Z'))).toHaveLength(1);
  });

  it('start at login, keep-awake and the update channel follow the setting', async () => {
    const { login, awake, setChannel, prefs } = host();
    await prefs.load();
    expect(login.setOpenAtLogin).toHaveBeenCalledWith(false);
    expect(awake.active).toBe(true);
    prefs.onEvent(changed(mergeDesktopPrefs(defaults(), { startAtLogin: true, keepAwake: false, updateChannel: 'beta' })));
    expect(login.setOpenAtLogin).toHaveBeenLastCalledWith(true);
    expect(awake.active).toBe(false);
    expect(setChannel).toHaveBeenCalledWith('beta');
    // The same preferences again touch neither the OS nor the feed.
    prefs.onEvent(changed(mergeDesktopPrefs(defaults(), { startAtLogin: true, keepAwake: false, updateChannel: 'beta' })));
    expect(login.setOpenAtLogin).toHaveBeenCalledTimes(2);
    expect(setChannel).toHaveBeenCalledTimes(1);
  });

  it('writes back what only main sees, and ignores a payload that does not parse', async () => {
    const { core, prefs } = host();
    await prefs.load();
    await prefs.save({ closeToTrayExplained: true });
    expect(core.calls.at(-1)).toEqual(['desktop/update-prefs', { patch: { closeToTrayExplained: true } }]);
    expect(await prefs.load()).toMatchObject({ closeToTrayExplained: true });
    prefs.onEvent({ name: 'desktop/prefs-changed', payload: { closeToTray: 'yes' } } as unknown as EventMessage);
    expect(prefs.current?.closeToTrayExplained).toBe(true);
  });

  it('opens the window even when core does not answer in time', async () => {
    vi.useFakeTimers();
    const late = within(new Promise<number>(() => {}), 3000, 0);
    vi.advanceTimersByTime(3000);
    expect(await late).toBe(0);
    vi.useRealTimers();
  });
});

describe('calls the shell answers itself', () => {
  const relay = { call: vi.fn(async () => ({ ok: true, value: 'from core' })), state: () => 'connected' } as unknown as CoreRelay;
  const trusted = makeTrustedUrlCheck();
  it('reports the updater and restarts into a ready update; everything else goes to core', async () => {
    const restartNow = vi.fn(async () => true);
    const local = makeShellCalls({
      updateState: () => ({ phase: 'downloading', version: '1.2.0', percent: 40 }),
      updates: () => ({ restartNow }),
      pickFolder: async (purpose) => (purpose === 'backup' ? '/home/lina/Backups' : null),
    });
    const ipc = makeIpcHandlers(relay, trusted, local);
    expect(await ipc.call('souq://app/', 'desktop/get-update-status', {})).toEqual({
      ok: true,
      value: { phase: 'downloading', version: '1.2.0', percent: 40 },
    });
    expect(await ipc.call('souq://app/', 'desktop/restart-to-update', {})).toEqual({ ok: true, value: { restarting: true } });
    expect(restartNow).toHaveBeenCalledTimes(1);
    expect(await ipc.call('souq://app/', 'desktop/pick-folder', { purpose: 'backup' })).toEqual({
      ok: true,
      value: { folder: '/home/lina/Backups' },
    });
    expect(await ipc.call('souq://app/', 'desktop/pick-folder', { purpose: 'restore-to' })).toEqual({ ok: true, value: { folder: null } });
    expect(await ipc.call('souq://app/', 'desktop/pick-folder', { purpose: '/etc' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await ipc.call('souq://app/', 'desktop/get-update-status', { x: 1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await ipc.call('souq://app/', 'shops/list', {})).toEqual({ ok: true, value: 'from core' });
    expect(await ipc.call('https://evil/', 'desktop/restart-to-update', {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });
  it('without an updater, "restart now" restarts nothing', async () => {
    const local = makeShellCalls({
      updateState: () => ({ phase: 'off', reason: 'no feed' }),
      updates: () => null,
      pickFolder: async () => null,
    });
    expect(await local['desktop/restart-to-update']!({})).toEqual({ ok: true, value: { restarting: false } });
  });
});
