/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Callbacks passed to page.evaluate/waitForFunction run in the browser: they need DOM types.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rendererOutDir } from '../../electron/core/host/renderer-build';
import { noPacing, noRateLimits } from '../../electron/core/pipeline/policies';
import { makeLocalBus } from '../../relay/src/bus';
import { connectRelay } from '../../relay/src/client';
import { type Relay, startRelay } from '../../relay/src/server';
import { openSqliteStore } from '../../relay/src/sqlite-store';
import type { RelayStore } from '../../relay/src/store';
import { fromB64u, importIdentity, makePairSession, nextCounter } from '../../shared/relay/index';
import { type Harness, chromiumAvailable, launchBrowser, openApp, screenshot, startHarness, watchErrors } from './harness';

const CUSTOMER = '+213550001234';
const SHOP = 'Boutique Nour';

/**
 * Issue 17: a phone (Chromium at 390×844) paired with the desktop core through a relay on
 * 127.0.0.1 sees the inbox live, replies, approves a draft, queues while the computer is offline;
 * the relay keeps only ciphertext; tampered, replayed and non-allowlisted commands are refused; an
 * unpaired phone cannot come back.
 */
describe.skipIf(!chromiumAvailable())('the phone app through the end-to-end-encrypted relay', { timeout: 60_000 }, () => {
  let harness: Harness;
  let relay: Relay;
  let relayStore: RelayStore;
  let relayDir: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let shopId = 0;
  let conversationId = 0;

  const call = async <T = unknown>(name: string, input: unknown): Promise<T> => {
    const envelope = await harness.core.app.dispatch(name, input);
    if (!envelope.ok) throw new Error(`${name}: ${envelope.error.code} ${envelope.error.message}`);
    return envelope.value as T;
  };
  /** What the customer's (test) phone received from the shop. */
  const received = async (text: string) =>
    (await call<{ direction: string; text: string }[]>('testphone/get-thread', { shopId, from: CUSTOMER })).filter(
      (m) => m.direction === 'in' && m.text.includes(text),
    ).length;
  const until = async (check: () => Promise<boolean> | boolean, what: string, ms = 10_000) => {
    const end = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const openPhone = async (url: string) => {
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    errors = watchErrors(page);
    await page.goto(url);
  };

  beforeAll(async () => {
    if (!fs.existsSync(path.join(rendererOutDir, 'index.html'))) throw new Error('the renderer is not built (tests/global-setup.ts)');
    relayDir = fs.mkdtempSync(path.join(os.tmpdir(), 'souq-relay-'));
    relayStore = openSqliteStore(path.join(relayDir, 'relay.sqlite'));
    // The relay serves the device app (the renderer build) at its root, as in production.
    relay = await startRelay({ store: relayStore, bus: makeLocalBus(), port: 0, staticDir: rendererOutDir, log: () => undefined });
    harness = await startHarness({
      core: { pacing: noPacing, rateLimits: noRateLimits, sync: { minDelayMs: 100, maxDelayMs: 400 } },
      prepare: async (core) => {
        await core.ctx.repos.shops.create({ name: SHOP, currency: 'DZD', now: new Date().toISOString() });
      },
    });
    shopId = (await harness.core.ctx.repos.shops.list())[0]?.id ?? 0;
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'fr-FR', isMobile: true, hasTouch: true });
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.close();
    await relay?.close();
    await relayStore?.close();
    if (relayDir) fs.rmSync(relayDir, { recursive: true, force: true });
  });

  it('turns sync on in Settings and pairs the phone from the QR link; the secret leaves the address bar', async () => {
    const desk = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
    desk.setDefaultTimeout(10_000);
    await openApp(desk, harness, '#/settings');
    expect(harness.core.sync.status()).toMatchObject({ enabled: false, connection: 'off' });
    await desk.fill('[data-testid="sync-relay-url"]', relay.url);
    await desk.click('[data-testid="sync-enabled"]');
    await desk.waitForSelector('[data-testid="sync-connection"][data-state="connected"]');
    await desk.click('[data-testid="sync-pair"]');
    await desk.waitForSelector('[data-testid="sync-qr"]');
    const link = (await desk.getAttribute('[data-testid="sync-link"]', 'href')) ?? '';
    expect(link.startsWith(relay.url.replace('ws:', 'http:'))).toBe(true);
    await openPhone(link);
    await page.waitForSelector('[data-testid="app-ready"]');
    await page.waitForSelector('[data-testid="device-banner"][data-online="true"]');
    expect(page.url()).not.toContain('pair=');
    expect(page.url()).toContain('?device');
    expect(harness.core.sync.status().devices).toHaveLength(1);
    // Only the inbox and the orders on the phone.
    expect(await page.locator('.nav-link').count()).toBe(2);
    // Settings lists the phone; the spent code is gone.
    await desk.waitForSelector('[data-testid="sync-device"]');
    await desk.waitForSelector('[data-testid="sync-qr"]', { state: 'detached' });
    await screenshot(desk, 'relay-settings-paired');
    await desk.close();
  });

  it('sees a test-phone conversation live, takes it over and replies; the reply reaches the customer', async () => {
    await call('testphone/send', { shopId, from: CUSTOMER, text: 'Salam, 3andkom le sac noir ?' });
    const row = page.locator('[data-testid="conversation-row"][data-conversation-id]').first();
    await row.waitFor();
    conversationId = Number(await row.getAttribute('data-conversation-id'));
    await row.click();
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="thread"] [data-direction="in"]')?.textContent?.includes('sac noir'),
    );
    await page.click('[data-testid="toggle-takeover"]');
    await page.waitForSelector('[data-testid="thread"][data-takeover="true"]');
    await page.fill('[data-testid="reply-input"]', 'Oui, 2500 DA, livraison demain.');
    await page.click('[data-testid="reply-send"]');
    await until(async () => (await received('2500 DA, livraison demain')) === 1, 'the reply on the test phone');
    await page.click('[data-testid="toggle-takeover"]');
    await page.waitForSelector('[data-testid="thread"][data-takeover="false"]');
    await screenshot(page, 'relay-phone-thread');
  });

  it('approves a draft from the phone; the draft reaches the customer once', async () => {
    await call('settings/update', { shopId, patch: { bot: { approvalMode: true } } });
    await call('testphone/send', { shopId, from: CUSTOMER, text: 'Je prends le sac noir' });
    const draft = page.locator('[data-testid="thread"] [data-testid="message"][data-status="draft"]');
    await draft.first().waitFor({ timeout: 15_000 });
    const text = (await draft.first().locator('.bubble-text').textContent()) ?? '';
    const before = await received(text.slice(0, 30));
    await draft.first().locator('button.primary').click();
    await until(async () => (await received(text.slice(0, 30))) === before + 1, 'the approved draft on the test phone');

    // A draft approved at the computer while the phone was cut off: the phone's late approval comes back as a clear
    // error, never a second send.
    await call('testphone/send', { shopId, from: CUSTOMER, text: 'Et vous livrez à Oran ?' });
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="thread"] [data-status="draft"]').length === 1, undefined, {
      timeout: 15_000,
    });
    const draftText = ((await draft.first().locator('.bubble-text').textContent()) ?? '').slice(0, 30);
    const { id: draftId } = harness.core.ctx.store.sqlite.prepare("SELECT id FROM messages WHERE status = 'draft'").get() as { id: number };
    await call('sync/configure', { enabled: false });
    await page.waitForSelector('[data-testid="device-banner"][data-online="false"]');
    const beforeDesk = await received(draftText);
    await call('drafts/approve', { shopId, messageId: draftId });
    await until(async () => (await received(draftText)) === beforeDesk + 1, 'the draft approved at the computer');
    const sentOnce = beforeDesk + 1;
    await draft.first().locator('button.primary').click();
    await page.waitForSelector('[data-testid="device-queued"]');
    await call('sync/configure', { enabled: true });
    await page.waitForFunction(() => document.querySelector('[data-testid="inbox-error"]')?.textContent?.includes('Déjà traité'));
    expect(await received(draftText)).toBe(sentOnce);
    await page.click('[data-testid="inbox-error"] + button');
    await call('settings/update', { shopId, patch: { bot: { approvalMode: false } } });
  });

  it('refuses a replayed or tampered envelope and a call outside the allowlist (a phone that goes rogue)', async () => {
    const saved = JSON.parse((await page.evaluate(() => localStorage.getItem('souq.device.v1'))) ?? '{}') as {
      seed: string;
      desktop: { deviceId: string; box: string };
    };
    const me = importIdentity(saved.seed);
    const session = makePairSession(me.boxSecret, fromB64u(saved.desktop.box));
    const rogue = await connectRelay(relay.url, me);
    expect(rogue.welcome.role).toBe('device');
    let counter = 0;
    const sealed = (id: string, name: string, input: unknown) => {
      counter = nextCounter(counter);
      return session.seal(JSON.stringify({ t: 'call', id, name, input }), counter);
    };
    const send = (body: string) => rogue.send({ t: 'send', ref: `r${counter}`, items: [{ to: saved.desktop.deviceId, body }] });
    const once = sealed('e2e-replay-0001', 'conversations/reply', { shopId, conversationId, text: 'Une seule fois, même rejoué.' });
    send(once);
    send(once); // the same bytes again: the desktop's replay window refuses them
    const tampered = JSON.parse(sealed('e2e-tamper-001', 'conversations/reply', { shopId, conversationId, text: 'Modifié en route.' })) as {
      x: string;
    };
    tampered.x = (tampered.x.startsWith('A') ? 'B' : 'A') + tampered.x.slice(1);
    send(JSON.stringify(tampered));
    send(sealed('e2e-settings-1', 'settings/get', { shopId }));
    send(sealed('e2e-llmkey-01', 'settings/set-llm', { shopId, apiKey: 'stolen' }));
    const audit = () =>
      harness.core.ctx.store.sqlite.prepare('SELECT command_id, name, state, error_code FROM sync_commands ORDER BY received_at').all() as {
        command_id: string;
        name: string;
        state: string;
        error_code: string | null;
      }[];
    await until(() => audit().some((r) => r.command_id === 'e2e-llmkey-01'), 'the refused calls in the audit trail');
    await new Promise((r) => setTimeout(r, 500));
    expect(await received('Une seule fois')).toBe(1);
    expect(await received('Modifié en route')).toBe(0);
    expect(audit().find((r) => r.command_id === 'e2e-settings-1')).toMatchObject({ state: 'refused', error_code: 'unauthorized' });
    expect(audit().some((r) => r.command_id === 'e2e-tamper-001')).toBe(false);
    rogue.close();
  });

  it('queues a reply while the computer is offline, shows since when, and delivers it once when it returns', async () => {
    await call('sync/configure', { enabled: false });
    await page.waitForSelector('[data-testid="device-banner"][data-online="false"]');
    expect(await page.textContent('[data-testid="device-banner"]')).toContain('hors ligne depuis');
    await page.fill('[data-testid="reply-input"]', 'Envoyé pendant que le PC dormait.');
    await page.click('[data-testid="reply-send"]');
    await page.waitForSelector('[data-testid="device-queued"]');
    await screenshot(page, 'relay-phone-offline');
    expect(await received('pendant que le PC dormait')).toBe(0);
    await call('sync/configure', { enabled: true });
    await until(async () => (await received('pendant que le PC dormait')) === 1, 'the queued reply on the test phone');
    await page.waitForSelector('[data-testid="device-queued"]', { state: 'detached' });
    // Sent again on every reconnect until answered, run once: still one copy.
    await page.reload();
    await page.waitForSelector('[data-testid="device-banner"][data-online="true"]');
    await new Promise((r) => setTimeout(r, 500));
    expect(await received('pendant que le PC dormait')).toBe(1);
  });

  it('keeps only ciphertext on the relay, even for what waited in the mailbox of a closed phone', async () => {
    const phoneId = JSON.parse((await page.evaluate(() => localStorage.getItem('souq.device.v1'))) ?? '{}') as { seed: string };
    await page.close();
    await call('testphone/send', { shopId, from: CUSTOMER, text: 'Vous êtes là ? Mon numéro est le 0550 98 76 54' });
    // The events of that message wait, sealed, in the closed phone's mailbox.
    const mailbox = importIdentity(phoneId.seed).deviceId;
    await until(async () => (await relayStore.count(mailbox)) > 0, 'events in the phone mailbox');
    const bytes = fs
      .readdirSync(relayDir)
      .map((f) => fs.readFileSync(path.join(relayDir, f)))
      .reduce((all, b) => Buffer.concat([all, b]), Buffer.alloc(0));
    expect(bytes.length).toBeGreaterThan(0);
    for (const plain of ['sac noir', '2500 DA', 'Vous êtes là', '0550 98 76 54', CUSTOMER, CUSTOMER.slice(1), SHOP, 'Boutique']) {
      expect(bytes.includes(Buffer.from(plain)), plain).toBe(false);
    }
    // The phone opens again and drains its mailbox.
    await openPhone(`${relay.url.replace('ws:', 'http:')}/?device#/inbox`);
    await page.waitForSelector('[data-testid="device-banner"][data-online="true"]');
  });

  it('unpairs: the phone says so, and its keys cannot reconnect', async () => {
    const saved = JSON.parse((await page.evaluate(() => localStorage.getItem('souq.device.v1'))) ?? '{}') as { seed: string };
    const [device] = harness.core.sync.status().devices;
    await call('sync/unpair', { deviceId: device?.id });
    await page.waitForSelector('[data-testid="device-gate"][data-phase="unpaired"]');
    // Its keys still sign, but the relay knows them in no group any more: it may only ask to pair again (a new QR).
    const again = await connectRelay(relay.url, importIdentity(saved.seed), { timeoutMs: 3000 });
    expect(again.welcome).toMatchObject({ role: 'pending', group: null });
    again.send({ t: 'send', ref: 'after-unpair', items: [{ to: harness.core.sync.identity().deviceId, body: 'x'.repeat(40) }] });
    expect((await again.next('error')).code).toMatch(/not-member|not-allowed|unpaired/);
    again.close();
    expect(errors.filter((e) => !e.includes('WebSocket'))).toEqual([]);
  });
});
