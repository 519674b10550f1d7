/// <reference lib="dom" />
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../electron/core/test-utils/temp-core';
import type { EventMessage } from '../../shared/contract/events';
import { makeDeskModel } from '../../shared/desktop/desk-model';
import { type DesktopPrefs, noticePrefsOf } from '../../shared/desktop/desktop-prefs';
import { type Harness, chromiumAvailable, openApp, screenshot, startBrowserSession, watchErrors, sessionPerSuite } from './harness';

const KEY = 'sk-e2e-DIAG-SECRET-0123456789abcdef';
const PASSPHRASE = 'sel et poivre du souk';

/** The Settings page's "Desktop and notifications" section in a browser tab, against a real core. */
describe.skipIf(!chromiumAvailable())('Desktop settings in headless Chromium', () => {
  let harness: Harness;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let dest: string;

  beforeAll(async () => {
    dest = fs.mkdtempSync(path.join(os.tmpdir(), 'souq-e2e-backups-'));
  });
  sessionPerSuite(
    () =>
      startBrowserSession({
        prepare: async (core) => {
          const shop = await call<{ id: number }>(core, 'shops/create', { name: 'Boutique Amina', currency: 'DZD' });
          await call(core, 'settings/update', { shopId: shop.id, patch: { llm: { apiKey: KEY } } });
        },
        context: { viewport: { width: 1280, height: 1000 }, locale: 'en-US', acceptDownloads: true },
      }),
    (session) => ({ harness, browser, page, errors } = session),
  );
  afterAll(async () => {
    fs.rmSync(dest, { recursive: true, force: true });
  });

  it('is reached from the navigation and shows only what a browser tab can change', async () => {
    await openApp(page, harness);
    await page.click('[data-testid="nav-settings"]');
    await page.waitForSelector('#desktop-title');
    expect(await page.textContent('#desktop-title')).toBe('Desktop and notifications');
    // Tray, login item, keep-awake and updates belong to the desktop app.
    expect(await page.locator('#pref-closeToTray').count()).toBe(0);
    expect(await page.locator('input[name="update-channel"]').count()).toBe(0);
    expect(await page.isChecked('input[name="notify-order"]')).toBe(true);
  });

  it('a notification switch turned off is what core keeps (and the desk model then drops that kind)', async () => {
    await page.uncheck('input[name="notify-order"]');
    await page.check('#quiet-hours');
    await page.waitForSelector('#quiet-from');
    await page.fill('#quiet-from', '21:30');
    await expect
      .poll(async () => (await call<{ notifications: unknown }>(harness.core, 'desktop/get-prefs', {})).notifications)
      .toEqual({
        kinds: { human: true, order: false, disconnected: true, draft: true, paused: true, failed: true },
        quietHours: { from: '21:30', to: '08:00' },
      });
    // The shell's desk model fed these preferences drops an order's notification, keeps a hand-over's.
    const model = makeDeskModel({
      locale: 'en',
      prefs: noticePrefsOf(await call<DesktopPrefs>(harness.core, 'desktop/get-prefs', {})),
      timeZone: 'UTC',
    });
    const noon = new Date('2026-12-01T12:00:00Z');
    const order = {
      id: 1,
      shopId: 1,
      conversationId: 2,
      customerName: 'Nour',
      items: [{ name: 'Sac', quantity: 1 }],
      total: 4000,
      currency: 'DZD',
      createdAt: noon.toISOString(),
    };
    expect(model.onEvent({ name: 'orders/created', payload: order } as unknown as EventMessage, noon)).toEqual([]);
    const escalated = { shopId: 1, conversationId: 2, reason: 'human', notices: [{ code: 'human_request' }] };
    expect(model.onEvent({ name: 'conversations/escalated', payload: escalated } as unknown as EventMessage, noon)).toHaveLength(1);
  });

  it('"Back up now" writes a backup into the chosen folder and shows when', async () => {
    expect(await page.textContent('#backup-last')).toBe('No backup yet.');
    await page.click('#backup-now');
    await page.waitForFunction(() => document.querySelector('#backup-last')?.textContent?.includes('choose a folder first'));
    await page.fill('#backup-folder', dest);
    await page.fill('#backup-passphrase', PASSPHRASE);
    await page.click('text=Save backup settings');
    await page.waitForFunction(() => document.querySelector('#backup-passphrase-state')?.textContent?.startsWith('A passphrase is saved'));
    // Setting the daily backup up runs it soon (the scheduler's job), not a day later.
    await page.waitForFunction(() => document.querySelector('#backup-last')?.textContent?.startsWith('Last backup:'));
    const backups = () => fs.readdirSync(dest).filter((n) => n.startsWith('souqbot-backup-') && !n.endsWith('.partial'));
    expect(backups()).toHaveLength(1);
    await page.click('#backup-now');
    await expect.poll(() => backups().length).toBe(2);
    const made = backups();
    expect(fs.existsSync(path.join(dest, made[0]!, 'souqbot.sqlite'))).toBe(true);
    expect(await page.content()).not.toContain(PASSPHRASE);
    await screenshot(page, 'settings-desktop-en');
  });

  it('restores into a new folder, and refuses the running one in words', async () => {
    await page.fill('#restore-into', harness.dataDir);
    await page.fill('#restore-passphrase', PASSPHRASE);
    await page.getByRole('button', { name: 'Restore', exact: true }).click();
    await page.waitForFunction(() => document.querySelector('#restore-result')?.textContent?.includes('running on'));
    const target = path.join(dest, 'restored');
    await page.fill('#restore-into', target);
    await page.getByRole('button', { name: 'Restore', exact: true }).click();
    await page.waitForFunction(() => document.querySelector('#restore-result')?.textContent?.startsWith('Restored'));
    expect(fs.existsSync(path.join(target, 'souqbot.sqlite'))).toBe(true);
  });

  it('exports a diagnostics zip without the API key', async () => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.click('#export-diagnostics')]);
    const saved = path.join(dest, 'diag.zip');
    await file.saveAs(saved);
    const files = unzipSync(fs.readFileSync(saved));
    expect(Object.keys(files)).toContain('desktop-prefs.json');
    const text = Object.values(files)
      .map((f) => strFromU8(f))
      .join('\n');
    expect(text).toContain('"order": false');
    expect(text).not.toContain(KEY);
    expect(text).not.toContain(PASSPHRASE);
    expect(errors).toEqual([]);
  });

  it('in the desktop shell, shows the tray, login, keep-awake and update choices, and "Restart now" installs', async () => {
    const desktop = await browser.newPage({ viewport: { width: 1280, height: 1000 }, locale: 'en-US' });
    const desktopErrors = watchErrors(desktop);
    // The preload's bridge, played by the page: calls go to the same core; main's own updater calls are answered here.
    await desktop.addInitScript(() => {
      const w = window as unknown as { souq: unknown; restarts: number };
      w.restarts = 0;
      w.souq = {
        shell: 'desktop',
        async call(name: string, input: unknown) {
          if (name === 'desktop/get-update-status') return { ok: true, value: { phase: 'ready', version: '1.2.0' } };
          if (name === 'desktop/restart-to-update') {
            w.restarts += 1;
            return { ok: true, value: { restarting: true } };
          }
          const res = await fetch(`/api/call/${name}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(input),
            credentials: 'same-origin',
          });
          return res.json();
        },
        onEvent: () => () => {},
      };
    });
    await openApp(desktop, harness);
    await desktop.click('[data-testid="nav-settings"]');
    await desktop.waitForSelector('#pref-closeToTray');
    expect(await desktop.isChecked('#pref-closeToTray')).toBe(true);
    expect(await desktop.isChecked('#pref-startAtLogin')).toBe(false);
    await desktop.uncheck('#pref-closeToTray');
    await desktop.check('#pref-startAtLogin');
    await desktop.check('input[name="update-channel"][value="beta"]');
    await expect
      .poll(async () => {
        const p = await call<{ closeToTray: boolean; startAtLogin: boolean; updateChannel: string }>(harness.core, 'desktop/get-prefs', {});
        return [p.closeToTray, p.startAtLogin, p.updateChannel];
      })
      .toEqual([false, true, 'beta']);
    expect(await desktop.textContent('#update-state')).toBe('Version 1.2.0 is ready.');
    await desktop.getByRole('button', { name: 'Restart now' }).click();
    await expect.poll(() => desktop.evaluate(() => (window as unknown as { restarts: number }).restarts)).toBe(1);
    await screenshot(desktop, 'settings-desktop-shell-en');
    expect(desktopErrors).toEqual([]);
    await desktop.close();
  });
});
