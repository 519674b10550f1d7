import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { type DownloadOptions, HttpExecutor, configureRequestOptions, configureRequestUrl } from 'builder-util-runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatformUpdater } from './electron-updater-adapter';
import { type UpdateState, type UpdaterPort, makeUpdateController } from './update-policy';

/** electron-updater's downloads through plain Node http, as its own tests do (Electron's `net` is not here). */
class NodeHttpExecutor extends HttpExecutor<http.ClientRequest> {
  createRequest(options: http.RequestOptions, callback: (response: http.IncomingMessage) => void): http.ClientRequest {
    const request = http.request(options);
    request.on('response', callback);
    return request;
  }

  /** As electron-updater's own executor downloads: the feed's sha512 is checked while the bytes stream in. */
  download(url: URL, destination: string, options: DownloadOptions): Promise<string> {
    return options.cancellationToken.createPromise<string>((resolve, reject, onCancel) => {
      const requestOptions: http.RequestOptions = { headers: options.headers ?? undefined };
      configureRequestUrl(url, requestOptions);
      configureRequestOptions(requestOptions);
      const callback = (error: Error | null) => (error ? reject(error) : resolve(destination));
      this.doDownload(requestOptions, { destination, options, onCancel, callback, responseHandler: null }, 0);
    });
  }
}

const installer = crypto.randomBytes(64 * 1024);
const sha512 = (bytes: Buffer) => crypto.createHash('sha512').update(bytes).digest('base64');

/** A feed folder as electron-builder publishes it: `<channel>-linux.yml` beside the installers. */
function feedYaml(version: string, file: string, digest: string): string {
  return [
    `version: ${version}`,
    'files:',
    `  - url: ${file}`,
    `    sha512: ${digest}`,
    `    size: ${installer.length}`,
    `path: ${file}`,
    `sha512: ${digest}`,
    "releaseDate: '2026-11-30T10:00:00.000Z'",
    '',
  ].join('\n');
}

let server: http.Server;
let feedUrl = '';
const feeds = new Map<string, string>();
const requested: string[] = [];
const dirs: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname.slice(1));
    requested.push(name);
    const yml = feeds.get(name);
    if (yml !== undefined) return void res.writeHead(200, { 'content-type': 'text/yaml' }).end(yml);
    if (name.endsWith('.deb')) return void res.writeHead(200, { 'content-length': installer.length }).end(installer);
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

function updaterAt(version: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'souq-update-'));
  dirs.push(dir);
  // electron-builder writes this into a packaged app's resources; the download cache folder is named there.
  fs.writeFileSync(path.join(dir, 'app-update.yml'), `provider: generic\nurl: ${feedUrl}\nupdaterCacheDirName: souqbot-updater\n`);
  const app = {
    version,
    name: 'Souqbot',
    isPackaged: true,
    appUpdateConfigPath: path.join(dir, 'app-update.yml'),
    userDataPath: dir,
    baseCachePath: dir,
    whenReady: () => Promise.resolve(),
    relaunch() {},
    quit() {},
    onQuit() {},
  };
  const updater = createPlatformUpdater({ platform: 'linux', env: {}, app, httpExecutor: new NodeHttpExecutor() });
  updater.logger = null;
  return updater;
}

function controller(version: string, channel: 'stable' | 'beta' = 'stable') {
  const states: UpdateState[] = [];
  const c = makeUpdateController({
    updater: updaterAt(version),
    feedUrl,
    channel,
    drainCore: async () => {},
    onState: (s) => states.push(s),
  });
  return { c, states };
}

describe('updates from a generic feed (electron-updater against a local feed)', () => {
  beforeAll(() => {
    feeds.set('latest-linux.yml', feedYaml('1.1.0', 'Souqbot-1.1.0-latest-linux-x64.deb', sha512(installer)));
    feeds.set('beta-linux.yml', feedYaml('1.2.0-beta.2', 'Souqbot-1.2.0-beta.2-beta-linux-x64.deb', sha512(installer)));
  });

  it('finds a newer version, downloads it with its checksum checked, and is ready to install', async () => {
    const { c, states } = controller('1.0.0');
    expect(await c.check()).toEqual({ phase: 'ready', version: '1.1.0' });
    expect(states.map((s) => s.phase)).toEqual(expect.arrayContaining(['checking', 'downloading', 'ready']));
    expect(requested).toContain('Souqbot-1.1.0-latest-linux-x64.deb');
  });

  it('the same version is up to date', async () => {
    expect(await controller('1.1.0').c.check()).toEqual({ phase: 'up-to-date' });
  });

  it('never goes back: a beta build switched to stable keeps its newer version', async () => {
    const { c } = controller('1.2.0-beta.1', 'beta');
    expect((await c.check()).phase).toBe('ready');
    expect(await c.setChannel('stable')).toEqual({ phase: 'up-to-date' });
  });

  it('switching to beta reads the beta feed', async () => {
    const { c } = controller('1.1.0');
    expect(await c.check()).toEqual({ phase: 'up-to-date' });
    expect(await c.setChannel('beta')).toEqual({ phase: 'ready', version: '1.2.0-beta.2' });
  });

  it('refuses a download whose sha512 does not match the feed', async () => {
    feeds.set('latest-linux.yml', feedYaml('1.1.1', 'Souqbot-1.1.1-latest-linux-x64.deb', sha512(Buffer.from('another file'))));
    const state = await controller('1.0.0').c.check();
    expect(state.phase).toBe('error');
    expect(state.phase === 'error' && state.message).toMatch(/sha512 checksum mismatch/);
  });
});

describe('installing', () => {
  function fakeUpdater(available: string | null) {
    const calls: string[] = [];
    const updater: UpdaterPort = {
      channel: null,
      allowPrerelease: false,
      allowDowngrade: true,
      autoDownload: true,
      autoInstallOnAppQuit: false,
      setFeedURL: () => calls.push('feed'),
      checkForUpdates: async () => (available ? { isUpdateAvailable: true, updateInfo: { version: available } } : null),
      downloadUpdate: async () => calls.push('download'),
      quitAndInstall: () => calls.push('install'),
      on: () => undefined,
    };
    return { updater, calls };
  }

  it('drains core before it installs, and never installs what was not downloaded', async () => {
    const { updater, calls } = fakeUpdater('2.0.0');
    let release = () => {};
    const drained = new Promise<void>((resolve) => (release = resolve));
    const c = makeUpdateController({
      updater,
      feedUrl: 'http://127.0.0.1/',
      channel: 'stable',
      drainCore: () => {
        calls.push('drain');
        return drained;
      },
      onState() {},
    });
    expect(await c.restartNow()).toBe(false);
    await c.check();
    const restarting = c.restartNow();
    await Promise.resolve();
    expect(calls).toEqual(['feed', 'download', 'drain']);
    expect(c.state.phase).toBe('installing');
    release();
    expect(await restarting).toBe(true);
    expect(calls.at(-1)).toBe('install');
    expect(updater.allowDowngrade).toBe(false);
    expect(updater.autoDownload).toBe(false);
  });

  it('is off, and says why, without a feed', async () => {
    const { updater, calls } = fakeUpdater('2.0.0');
    const c = makeUpdateController({ updater, feedUrl: undefined, channel: 'stable', drainCore: async () => {}, onState() {} });
    expect(await c.check()).toEqual({ phase: 'off', reason: 'no update feed is configured' });
    expect(calls).toEqual([]);
  });
});
