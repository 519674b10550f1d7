import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContextOptions, type ConsoleMessage, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { type Core, type CoreConfig, createCore } from '../../electron/core/create-core';
import { rendererOutDir } from '../../electron/core/host/renderer-build';
import { type RunningServer, startHttpServer } from '../../electron/core/server/http-server';

export const CHROMIUM_PATH = process.env.SOUQ_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const RESULTS_DIR = path.resolve('test-results');

/** Everything an end-to-end test needs: a real core on a temp data dir, the loopback server, a browser. */
export interface Harness {
  core: Core;
  server: RunningServer;
  token: string;
  dataDir: string;
  /** The address the server prints: opening it trades the token for the cookie. */
  openUrl: string;
  /** Stop and restart the server on the same port (the browser's connection drops and returns). */
  stopServer(): Promise<void>;
  startServer(): Promise<void>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** Runs on the fresh core before the server starts (seed data). */
  prepare?: (core: Core) => Promise<void> | void;
  /** Serve the built renderer (default) or the API only. */
  withRenderer?: boolean;
  /** Extra core configuration (e.g. pacing off so a reply does not wait for the typing delay). */
  core?: Omit<CoreConfig, 'dataDir'>;
}

export async function startHarness(opts: HarnessOptions = {}): Promise<Harness> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'souq-e2e-'));
  const core = await createCore({ ...opts.core, dataDir });
  await opts.prepare?.(core);
  const token = 'e2e'.padEnd(48, '0');
  const withRenderer = opts.withRenderer ?? true;
  if (withRenderer && !fs.existsSync(path.join(rendererOutDir, 'index.html'))) {
    throw new Error(`The renderer is not built in ${rendererOutDir}: tests/global-setup.ts builds it`);
  }
  const staticDir = withRenderer ? rendererOutDir : null;
  let server: RunningServer | null = await startHttpServer({ core, token, staticDir, port: 0 });
  const port = server.port;
  const openUrl = `${server.url}?token=${token}`;
  return {
    core,
    get server() {
      if (!server) throw new Error('The server is stopped');
      return server;
    },
    token,
    dataDir,
    openUrl,
    async stopServer() {
      await server?.close();
      server = null;
    },
    async startServer() {
      server ??= await startHttpServer({ core, token, staticDir, port });
    },
    async close() {
      await server?.close();
      server = null;
      await core.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const chromiumAvailable = (): boolean => fs.existsSync(CHROMIUM_PATH);

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/** Collects console errors and uncaught page errors: a clean load has none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  return errors;
}

export interface BrowserSessionOptions extends HarnessOptions {
  /** The page's browser context: viewport, locale (what the app guesses the UI language from), downloads. */
  context: BrowserContextOptions;
  /** Playwright's default wait per action on the page, in ms (its own default is 30 s). */
  timeoutMs?: number;
}

/** A started harness and a headless Chromium page beside it, not yet on the app. */
export interface BrowserSession {
  harness: Harness;
  browser: Browser;
  page: Page;
  /** Console and page errors since the page was made: a clean run ends with none. */
  errors: string[];
  /** Closes the browser, then the harness. */
  close(): Promise<void>;
}

/** The start most browser tests share: a core behind the loopback server, then a browser and one page in the given context. */
export async function startBrowserSession(opts: BrowserSessionOptions): Promise<BrowserSession> {
  const { context, timeoutMs, ...harnessOptions } = opts;
  const harness = await startHarness(harnessOptions);
  let browser: Browser | undefined;
  try {
    browser = await launchBrowser();
    const page = await (await browser.newContext(context)).newPage();
    if (timeoutMs) page.setDefaultTimeout(timeoutMs);
    const errors = watchErrors(page);
    const opened = browser;
    return {
      harness,
      browser: opened,
      page,
      errors,
      async close() {
        await opened.close();
        await harness.close();
      },
    };
  } catch (err) {
    await browser?.close();
    await harness.close();
    throw err;
  }
}

/**
 * A describe block's one browser session: started before its tests (`start`: `startBrowserSession` or `openShop`),
 * closed after them even when a test failed. `take` hands the session's parts to the block's variables.
 */
export function sessionPerSuite<S extends BrowserSession>(start: () => Promise<S>, take: (session: S) => void): void {
  let session: S | undefined;
  beforeAll(async () => {
    session = await start();
    take(session);
  });
  afterAll(async () => {
    await session?.close();
  });
}

/** Opens the app like a user following the printed address, and waits for the shell. */
export async function openApp(page: Page, harness: Harness, hash = ''): Promise<void> {
  await page.goto(harness.openUrl + hash);
  await page.waitForSelector('[data-testid="app-ready"]');
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}
