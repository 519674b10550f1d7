import { BrowserWindow, type WebContents, session, shell } from 'electron';
import type { WindowBounds } from '../../shared/desktop/desktop-prefs';
import { rendererCsp } from './csp';
import { APP_ORIGIN, originOf } from './ipc-handlers';

export interface MainWindowConfig {
  preload: string;
  icon: string;
  /** Vite dev server (SOUQ_RENDERER_URL); otherwise the built renderer on souq://app/. */
  devServerUrl?: string;
  isTrustedUrl(url: string): boolean;
  /** Where the seller left the window last time (already checked to be on a screen). */
  bounds?: WindowBounds | null;
}

/** Links the seller clicks (docs, a customer's website) open in their browser; only https. */
function openExternally(url: string): void {
  if (url.startsWith('https://')) void shell.openExternal(url);
}

/** No navigation away from the app, no new windows, no webviews, no permission prompts. */
export function lockDown(contents: WebContents, isTrustedUrl: (url: string) => boolean): void {
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (isTrustedUrl(url)) return;
    event.preventDefault();
    openExternally(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isTrustedUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** The dev server sends no CSP of ours; add it to its responses as the protocol handler does in production. */
function applyDevCsp(devServerUrl: string): void {
  const devOrigin = originOf(devServerUrl) ?? undefined;
  session.defaultSession.webRequest.onHeadersReceived({ urls: [`${devOrigin}/*`] }, (details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [rendererCsp({ devServerOrigin: devOrigin })] } });
  });
}

/** The one window: isolated, sandboxed, no Node; the preload's `window.souq` is its only door to core. */
export function createMainWindow(config: MainWindowConfig): BrowserWindow {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  if (config.devServerUrl) applyDevCsp(config.devServerUrl);

  const win = new BrowserWindow({
    width: config.bounds?.width ?? 1240,
    height: config.bounds?.height ?? 820,
    ...(config.bounds && { x: config.bounds.x, y: config.bounds.y }),
    minWidth: 820,
    minHeight: 560,
    show: false,
    title: 'Souqbot',
    icon: config.icon,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: {
      preload: config.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  lockDown(win.webContents, config.isTrustedUrl);
  win.once('ready-to-show', () => {
    if (config.bounds?.maximized) win.maximize();
    win.show();
  });
  void win.loadURL(config.devServerUrl ?? `${APP_ORIGIN}/index.html`);
  return win;
}
