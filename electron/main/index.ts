import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserWindow, app, dialog, ipcMain, safeStorage } from 'electron';
import type { ConnectionState } from '../../shared/contract/bridge';
import type { EventMessage } from '../../shared/contract/events';
import { IPC_CALL, IPC_CONNECTION, IPC_CONNECTION_STATE, IPC_EVENT } from '../../shared/contract/port-protocol';
import { option } from '../core/host/args';
import { type CoreHost, createCoreHost } from './core-host';
import { makeIpcHandlers, makeTrustedUrlCheck } from './ipc-handlers';
import { makeDesktopNotifier } from './notifications';
import { registerAppScheme, serveRenderer } from './renderer-protocol';
import { loadOrCreateEncryptionKey } from './secret-key';
import { type SouqTray, createTray } from './tray';
import { startUpdater } from './updater';
import { createMainWindow } from './windows';

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
  trayIcon: path.join(app.getAppPath(), 'resources', process.platform === 'darwin' ? 'trayTemplate.png' : 'tray.png'),
};
const devServerUrl = process.env.SOUQ_RENDERER_URL || undefined;
const log = (message: string) => process.stderr.write(`souqbot: ${message}\n`);

// Same folder the headless server uses by default, so both modes share one shop's data.
app.setPath('userData', option(process.argv, 'data-dir', 'SOUQ_DATA_DIR') ?? path.join(app.getPath('appData'), 'Souqbot'));
registerAppScheme();

let window: BrowserWindow | null = null;
let tray: SouqTray | null = null;
let core: CoreHost | null = null;
let quitting = false;

function showWindow(): void {
  if (!window || window.isDestroyed()) window = openWindow();
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

function openWindow(): BrowserWindow {
  const win = createMainWindow({ preload: paths.preload, icon: paths.icon, devServerUrl, isTrustedUrl: makeTrustedUrlCheck(devServerUrl) });
  // Closing the window must not stop the bot answering customers: it hides to the tray.
  win.on('close', (event) => {
    if (quitting) return;
    event.preventDefault();
    win.hide();
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
  const notify = makeDesktopNotifier({ icon: paths.icon, onClick: showWindow });
  core = createCoreHost({
    entry: paths.core,
    dataDir,
    encryptionKey: key,
    onEvent: (event) => toWindow(IPC_EVENT, event),
    onState: (state) => {
      tray?.setState(state);
      toWindow(IPC_CONNECTION, state);
    },
    onNotify: notify,
    onFatal: (message) => dialog.showErrorBox('Souqbot cannot start', message),
  });

  const handlers = makeIpcHandlers(core.relay, makeTrustedUrlCheck(devServerUrl));
  ipcMain.handle(IPC_CALL, (event, name: unknown, input: unknown) => handlers.call(event.senderFrame?.url ?? '', name, input));
  ipcMain.handle(IPC_CONNECTION_STATE, () => handlers.connectionState());

  core.start();
  tray = createTray({ icon: paths.trayIcon, onOpen: showWindow, onQuit: () => app.quit() });
  window = openWindow();
  startUpdater(log);
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
      tray?.destroy();
      app.quit();
    });
  });
  app.whenReady().then(start).catch((err: unknown) => {
    dialog.showErrorBox('Souqbot cannot start', err instanceof Error ? err.message : String(err));
    app.exit(1);
  });
}
