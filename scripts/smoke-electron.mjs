#!/usr/bin/env node
// `npm run smoke:electron`: the real desktop app, end to end, on a machine that has Electron's binary (and xvfb on a
// Linux box without a display). Builds, launches out/main/index.js on a fresh data folder, creates a shop, sends a
// message from the test phone, waits for the bot's answer, saves test-results/smoke-electron.png, quits.
// Not part of `npm test` (Electron cannot run on the CI machines). Where the binary is missing it says so in one
// line and exits 1.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectron } from './find-electron.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const hasXvfb = () => spawnSync('sh', ['-c', 'command -v xvfb-run'], { encoding: 'utf8' }).status === 0;

const electron = findElectron({ ...process.env, DISPLAY: process.env.DISPLAY ?? (hasXvfb() ? ':xvfb' : undefined) });
if (!electron.binary) {
  process.stderr.write(`smoke:electron cannot run here: Electron is not usable (${electron.reason}).\n`);
  process.exit(1);
}
if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  // Re-run under a virtual display.
  const result = spawnSync('xvfb-run', ['-a', process.execPath, fileURLToPath(import.meta.url)], { stdio: 'inherit', env: process.env });
  process.exit(result.status ?? 1);
}

const step = (message) => process.stdout.write(`smoke: ${message}\n`);
const started = Date.now();
step('building');
if (spawnSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'inherit' }).status !== 0) process.exit(1);

const { _electron } = await import('playwright-core');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'souq-smoke-'));
const app = await _electron.launch({ executablePath: electron.binary, args: [root, '--data-dir', dataDir], cwd: root });
try {
  const page = await app.firstWindow();
  step('window open');
  // The first-run wizard: language, then the shop; the rest is skipped (tests/e2e/wizard.test.ts walks it all).
  await page.click('[data-testid="wizard-next"]');
  await page.fill('input[name="shop-name"]', 'Smoke Shop');
  await page.click('[data-testid="wizard-next"]');
  await page.click('[data-testid="wizard-skip-all"]');
  step('shop created');
  await page.click('[data-testid="nav-inbox"]');
  await page.click('[data-testid="toggle-test-phone"]');
  await page.fill('[data-testid="test-phone-number"]', '+213550000001');
  await page.fill('[data-testid="test-phone-input"]', 'salam, ch7al livraison l wahran?');
  await page.click('[data-testid="test-phone-send"]');
  await page.locator('[data-testid="conversation-row"][data-conversation-id]').first().click();
  await page.locator('[data-testid="thread"] [data-testid="message"][data-author="bot"]').first().waitFor({ timeout: 30_000 });
  step('the bot answered the test phone');
  fs.mkdirSync(path.join(root, 'test-results'), { recursive: true });
  await page.screenshot({ path: path.join(root, 'test-results', 'smoke-electron.png') });
  step('screenshot test-results/smoke-electron.png');
} finally {
  await app.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
step(`passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
