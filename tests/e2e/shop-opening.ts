import path from 'node:path';
import type { Core } from '../../electron/core/create-core';
import { importCatalogFile } from '../../electron/core/cli/import-catalog';
import { call } from '../../electron/core/test-utils/temp-core';
import { type BrowserSession, type HarnessOptions, openApp, startBrowserSession } from './harness';

export interface ShopOpeningOptions {
  /** The shop created on the fresh core (through the contract, as the wizard does). */
  shop: { name: string; currency: string };
  /** A CSV under tests/fixtures/ imported into the shop before the app opens; none by default. */
  catalog?: string;
  /** More seed once the shop exists (settings, knowledge…). */
  prepare?: (core: Core, shopId: number) => Promise<void> | void;
  core?: HarnessOptions['core'];
  /** The browser's locale (what the app guesses the UI language from), e.g. 'fr-FR'. */
  locale: string;
  viewport: { width: number; height: number };
  /** Picked in the shell's language picker after the app opens, when the test reads another language than guessed. */
  language?: string;
  /** The navigation item clicked once the app is ready (`nav-<page>`), and a selector the page shows when it is open. */
  nav?: { page: string; ready: string };
  /** Playwright's default wait per action, in ms (its own default is 30 s). */
  timeoutMs?: number;
}

export interface ShopOpening extends BrowserSession {
  shopId: number;
}

/**
 * The opening most page tests share: a core with one shop (and its catalog), a headless Chromium in the given locale,
 * the app opened from the printed address, then the page reached by clicking the navigation as a seller would.
 */
export async function openShop(opts: ShopOpeningOptions): Promise<ShopOpening> {
  let shopId = 0;
  const session = await startBrowserSession({
    ...(opts.core && { core: opts.core }),
    prepare: async (core) => {
      shopId = (await call<{ id: number }>(core, 'shops/create', opts.shop)).id;
      if (opts.catalog) importCatalogFile(core.ctx.store.sqlite, shopId, path.resolve('tests/fixtures', opts.catalog));
      await opts.prepare?.(core, shopId);
    },
    context: { viewport: opts.viewport, locale: opts.locale },
    ...(opts.timeoutMs && { timeoutMs: opts.timeoutMs }),
  });
  const { harness, page } = session;
  await openApp(page, harness);
  if (opts.language) await page.selectOption('[data-testid="language-picker"]', opts.language);
  if (opts.nav) {
    await page.click(`[data-testid="nav-${opts.nav.page}"]`);
    await page.waitForSelector(opts.nav.ready);
  }
  return { ...session, shopId };
}
