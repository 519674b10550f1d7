import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const config = load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;
const section = (key: string) => (config[key] ?? {}) as Record<string, unknown>;
const targets = (key: string) =>
  ((section(key).target ?? []) as (string | { target: string })[]).map((t) => (typeof t === 'string' ? t : t.target));

describe('electron-builder.yml', () => {
  it('builds NSIS, DMG, AppImage and deb from the icons in resources/', () => {
    expect(targets('win')).toEqual(['nsis']);
    expect(targets('mac')).toEqual(['dmg']);
    expect(targets('linux').sort()).toEqual(['AppImage', 'deb']);
    for (const os of ['win', 'mac', 'linux']) expect(fs.existsSync(path.join(root, String(section(os).icon)))).toBe(true);
  });

  it('signs macOS with the hardened runtime and an entitlements file that exists', () => {
    const mac = section('mac');
    expect(mac.hardenedRuntime).toBe(true);
    const entitlements = fs.readFileSync(path.join(root, String(mac.entitlements)), 'utf8');
    expect(entitlements).toContain('com.apple.security.cs.allow-jit');
    expect(entitlements).not.toContain('disable-library-validation');
  });

  it('packs into an asar, rebuilds better-sqlite3 for Electron and unpacks its native addon', () => {
    expect(config.asar).toBe(true);
    expect(config.npmRebuild).toBe(true);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**/*.node');
  });

  it('flips the Electron fuses that turn a packaged app into a Node runtime or an injection target', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('publishes to a generic feed and names artifacts with version and channel', () => {
    const publish = config.publish as { provider: string; url: string }[];
    expect(publish[0]?.provider).toBe('generic');
    expect(publish[0]?.url).toMatch(/\$\{env\.SOUQ_UPDATE_FEED\}/);
    expect(String(config.artifactName)).toMatch(/\$\{version\}.*\$\{channel\}/);
  });

  it('only packs the built app, never tests or source maps', () => {
    expect(config.files).toEqual(expect.arrayContaining(['out/**', '!**/*.map', '!out/**/*.test.*']));
  });
});

describe('scripts that need the Electron binary', () => {
  const env = { ...process.env, SOUQ_NO_ELECTRON: '1' };
  for (const [script, says] of [
    ['scripts/dist.mjs', 'Souqbot cannot be packaged on this machine'],
    ['scripts/smoke-electron.mjs', 'smoke:electron cannot run here'],
  ] as const) {
    it(`${script} says in one line why it cannot run, and exits 1`, () => {
      const result = spawnSync(process.execPath, [path.join(root, script)], { encoding: 'utf8', env, timeout: 20_000 });
      expect(result.status).toBe(1);
      expect(result.stdout).toBe('');
      const lines = result.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(says);
    });
  }
});
