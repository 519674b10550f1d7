import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserWindow, app, dialog, ipcMain, safeStorage } from 'electron';
import type { ConnectionState } from '../../shared/contract/bridge';
import type { EventMessage } from '../../shared/contract/events';
import { IPC_CALL, IPC_CONNECTION, IPC_CONNECTION_STATE, IPC_EVENT } from '../../shared/contract/port-protocol';
import { option } from '../core/host/args';
import { type CoreHost, createCoreHost } from './core-host';
import { makeIpcHandlers, makeTrustedUrlCheck } from './ipc-handlers';
import { makeDeskModel } from '../../shared/desktop/desk-model';
import { isDeskLocale } from '../../shared/desktop/desk-strings';
import { makeBotSwitch } from './desk/bot-switch';
import { type DeskShell, startDeskShell } from './desk/desk-shell';
import { registerAppScheme, serveRenderer } from './renderer-protocol';
import { loadOrCreateEncryptionKey } from './secret-key';
import { startUpdates } from './updater/start-updates';
import type { UpdateController, UpdateState } from './updater/update-policy';
import { createMainWindow } from './windows';
import type { DesktopPrefs } from '../../shared/desktop/desktop-prefs';
import { closeAction } from './prefs/close-policy';
import { loginItem, pickFolder, power, startedHidden, workAreas } from './prefs/electron-ports';
import { makeKeepAwake } from './prefs/keep-awake';
import { type PrefsHost, makePrefsHost, within } from './prefs/prefs-host';
import { makeShellCalls } from './prefs/shell-calls';
import { debounced, restorableBounds } from './prefs/window-bounds';

/**
 * Electron main: lifecycle, one window, the tray, and core in a utilityProcess. Main holds no
 * business logic; it relays between the window and core and provides what only Electron has
 * (keychain, notifications, tray, updates).
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const paths = {
  core: path.join(here, 'core.js'),
  preload: path.join(here, '../preload/index.cjs'),
  renderer: path.join(here, '../renderer'),
  icon: path.join(app.getAppPath(), 'resources', 'icon.png'),
  trayIcons: trayIcons(path.join(app.getAppPath(), 'resources')),
};
/** macOS draws its menu bar icons from a black template image; the state then shows in the tooltip only. */
function trayIcons(dir: string) {
  const file = (state: string) =>
    path.join(dir, process.platform === 'darwin' ? 'trayTemplate.png' : state === 'ok' ? 'tray.png' : `tray-${state}.png`);
  return { ok: file('ok'), disconnected: file('disconnected'), paused: file('paused'), restarting: file('restarting') };
}
const devServerUrl = process.env.SOUQ_RENDERER_URL || undefined;
const log = (message: string) => process.stderr.write(`souqbot: ${message}\n`);

// Same folder the headless server uses by default, so both modes share one shop's data.
app.setPath('userData', option(process.argv, 'data-dir', 'SOUQ_DATA_DIR') ?? path.join(app.getPath('appData'), 'Souqbot'));
registerAppScheme();

/** What the tray and notifications say, fed by core's events (shared/desktop/desk-model.ts); the OS language once ready. */
const model = makeDeskModel({
  locale: 'en',
  prefs: { kinds: {}, quietHours: null },
  timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
});
let window: BrowserWindow | null = null;
/** The tray's pause/resume follows the shops' settings once core is up. */
let followBotSwitch: (event: EventMessage) => void = () => undefined;
/** A (re)started core: read the shops' switch again (the first read may have come before core was up). */
let refreshBotSwitch: () => void = () => undefined;
let desk: DeskShell | null = null;
let core: CoreHost | null = null;
let quitting = false;
let prefsHost: PrefsHost | null = null;
let updates: UpdateController | null = null;
let updateState: UpdateState = { phase: 'idle' };

/** Raises the window; with a `#/page/…` address (a notification's target), on that page. */
function showWindow(hash = ''): void {
  if (!window || window.isDestroyed()) window = openWindow();
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
  if (hash) {
    const base = window.webContents.getURL().split('#')[0] ?? '';
    void window.webContents.loadURL(`${base}${hash}`);
  }
}

function openWindow(): BrowserWindow {
  const bounds = restorableBounds(prefsHost?.current?.window ?? null, workAreas());
  const win = createMainWindow({
    preload: paths.preload,
    icon: paths.icon,
    devServerUrl,
    isTrustedUrl: makeTrustedUrlCheck(devServerUrl),
    bounds,
  });
  // Where the seller leaves the window is where it opens next time (saved once it stops moving).
  const saveBounds = debounced((window: NonNullable<DesktopPrefs['window']>) => void prefsHost?.save({ window }), 1_000);
  const track = () => {
    if (!win.isDestroyed() && !win.isMinimized()) saveBounds.push({ ...win.getNormalBounds(), maximized: win.isMaximized() });
  };
  win.on('resize', track);
  win.on('move', track);
  win.on('maximize', track);
  win.on('unmaximize', track);
  // Closing the window must not stop the bot answering customers: it hides to the tray (a setting; told once).
  win.on('close', (event) => {
    saveBounds.flush();
    const action = closeAction(prefsHost?.current ?? null, quitting);
    if (action === 'close') return;
    event.preventDefault();
    if (action === 'quit') return app.quit();
    win.hide();
    if (action === 'hide-and-explain' && desk) {
      const words = model.strings();
      desk.announce(words.closedToTrayTitle, words.closedToTrayBody);
      void prefsHost?.save({ closeToTrayExplained: true });
    }
  });
  return win;
}

const toWindow = (channel: string, payload: EventMessage | ConnectionState) => {
  if (window && !window.isDestroyed()) window.webContents.send(channel, payload);
};

async function start(): Promise<void> {
  const dataDir = app.getPath('userData');
  const { key, warning } = loadOrCreateEncryptionKey(safeStorage, dataDir);
  if (warning) log(warning);

  if (!devServerUrl) serveRenderer(paths.renderer);
  const osLocale = app.getLocale().slice(0, 2);
  if (isDeskLocale(osLocale)) model.setLocale(osLocale);
  const awake = makeKeepAwake({
    power,
    warnOnBattery: () => desk?.announce(model.strings().batteryTitle, model.strings().batteryBody),
  });
  core = createCoreHost({
    entry: paths.core,
    dataDir,
    encryptionKey: key,
    onEvent: (event) => {
      prefsHost?.onEvent(event);
      awake.onEvent(event);
      desk?.onEvent(event);
      followBotSwitch(event);
      toWindow(IPC_EVENT, event);
    },
    onState: (state) => {
      model.setCoreState(state);
      awake.setCoreState(state);
      desk?.render();
      toWindow(IPC_CONNECTION, state);
      // A (re)started core: its preferences and the seller's language may have changed meanwhile.
      if (state === 'connected') {
        void refreshFromCore();
        refreshBotSwitch();
      }
    },
    // Core's notifier speaks in codes; what needs a notification of its own also arrives as the `system/notice` event,
    // which the desk model shows. Here it is a log line, in the seller's language like the rest.
    onNotify: (notice) => {
      const { title, body } = model.wordNotifier(notice);
      log(`notice: ${title} — ${body}`);
    },
    onFatal: (message) => dialog.showErrorBox(model.strings().cannotStartTitle, message),
  });

  const relay = core.relay;
  prefsHost = makePrefsHost({
    call: (name, input) => relay.call(name, input),
    log,
    notices: model,
    login: loginItem,
    keepAwake: awake,
    updates: () => updates,
  });
  const shellCalls = makeShellCalls({
    updateState: () => updateState,
    updates: () => updates,
    pickFolder: (purpose) => pickFolder(window, purpose),
  });
  const handlers = makeIpcHandlers(core.relay, makeTrustedUrlCheck(devServerUrl), shellCalls);
  ipcMain.handle(IPC_CALL, (event, name: unknown, input: unknown) => handlers.call(event.senderFrame?.url ?? '', name, input));
  ipcMain.handle(IPC_CONNECTION_STATE, () => handlers.connectionState());

  core.start();
  const botSwitch = makeBotSwitch({
    call: (name, input) => relay.call(name, input),
    onChange: (paused) => {
      model.setBotPaused(paused);
      desk?.render();
    },
  });
  botSwitch.refresh().catch((err: unknown) => log(`tray: could not read whether the bot is on (${String(err)})`));
  followBotSwitch = (event) => {
    if (event.name === 'settings/changed' || event.name === 'shops/changed') void botSwitch.refresh().catch(() => undefined);
  };
  refreshBotSwitch = () => void botSwitch.refresh().catch(() => undefined);
  desk = startDeskShell({
    model,
    icons: paths.trayIcons,
    notificationIcon: paths.icon,
    open: showWindow,
    toggleBot: () => void botSwitch.toggle().catch((err: unknown) => log(`tray: pause/resume failed (${String(err)})`)),
    quit: () => app.quit(),
  });
  // The window opens where it was left, once core has said where (or after 3 s without it).
  const prefs = await within(prefsHost.load(), 3_000, null);
  // Started by the OS at login: stay in the tray until the seller opens Souqbot.
  if (!startedHidden(process.argv)) window = openWindow();
  const envChannel = process.env.SOUQ_UPDATE_CHANNEL;
  updates = startUpdates({
    feedUrl: process.env.SOUQ_UPDATE_FEED,
    channel: envChannel === 'beta' || envChannel === 'stable' ? envChannel : (prefs?.updateChannel ?? 'stable'),
    isPackaged: app.isPackaged,
    // "Restart now": core finishes its turns and closes (the outbox stays durable for the next start) first.
    drainCore: async () => {
      const running = core;
      core = null;
      await running?.stop();
    },
    onState: (state) => {
      updateState = state;
      toWindow(IPC_EVENT, { name: 'desktop/update-state', payload: state });
      if (state.phase !== 'downloading') log(`updates: ${state.phase}${'version' in state ? ` ${state.version}` : ''}`);
    },
  }).controller;
}

async function refreshFromCore(): Promise<void> {
  await prefsHost?.load();
  const answer = await core?.relay.call('system/get-ui-locale', {});
  const locale = answer?.ok ? (answer.value as { locale: string | null }).locale : null;
  if (locale && isDeskLocale(locale)) model.setLocale(locale);
  desk?.render();
}

if (!app.requestSingleInstanceLock()) {
  // Two cores on one data directory would fight over the database: the first instance wins.
  app.quit();
} else {
  app.on('second-instance', () => showWindow());
  app.on('activate', () => showWindow());
  // Keep running in the tray when the window is closed (on every platform).
  app.on('window-all-closed', () => {});
  app.on('before-quit', (event) => {
    quitting = true;
    const running = core;
    if (!running) return;
    // Let core checkpoint and close its database before the process ends.
    event.preventDefault();
    core = null;
    void running.stop().finally(() => {
      desk?.destroy();
      app.quit();
    });
  });
  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => {
      dialog.showErrorBox('Souqbot cannot start', err instanceof Error ? err.message : String(err));
      app.exit(1);
    });
}
