/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { call } from '../../electron/core/test-utils/temp-core';
import { makeDocx, makePdf } from '../../electron/core/test-utils/document-fixtures';
import { type Harness, chromiumAvailable, screenshot, sessionPerSuite } from './harness';
import { openShop } from './shop-opening';

/** Knowledge documents from the navigation: upload a PDF and a DOCX, ask as a customer, replace, delete. */
describe.skipIf(!chromiumAvailable())('Knowledge documents in headless Chromium', () => {
  let harness: Harness;
  let page: Page;
  let errors: string[];
  let shopId: number;

  sessionPerSuite(
    () =>
      openShop({
        shop: { name: 'Dar Lalla', currency: 'DZD' },
        locale: 'fr-FR',
        viewport: { width: 1280, height: 1000 },
        nav: { page: 'knowledge', ready: 'section[aria-labelledby="docs-title"]' },
      }),
    (opening) => ({ harness, page, errors, shopId } = opening),
  );

  const docs = () => page.getByRole('list', { name: 'Documents' }).getByRole('listitem');
  const ask = async (question: string) => {
    await page.fill('[aria-label="Test : posez une question comme un client"]', question);
    // The panel keeps the previous reply on screen until the new one arrives: wait for the call.
    const answered = page.waitForResponse((r) => r.url().includes(encodeURIComponent('knowledge/try')));
    await page.click('.knowledge-panel button[type="submit"]');
    await answered;
    await page.waitForFunction(() => !document.querySelector('.knowledge-panel button[type="submit"]:disabled'));
    return (await page.textContent('#knowledge-try-reply'))?.trim() ?? '';
  };

  it('adds a PDF and a DOCX, and the bot answers from them naming the document', async () => {
    await page.getByText('Aucun document pour l’instant.').waitFor();
    await page.setInputFiles('[data-testid="document-file"]', {
      name: 'Conditions de vente.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(makePdf([['Conditions de vente', 'Emballage cadeau: offert sur demande, avec une carte écrite à la main.']])),
    });
    await page.getByText('Conditions de vente.pdf est indexé').waitFor();
    await page.setInputFiles('[data-testid="document-file"]', {
      name: 'Guide des tailles.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: Buffer.from(makeDocx(['Guide des tailles', 'Nos modèles taillent petit: prenez une taille au-dessus.'])),
    });
    await page.getByText('Guide des tailles.docx est indexé').waitFor();
    await expect.poll(() => docs().count()).toBe(2);
    expect(await docs().filter({ hasText: 'Guide des tailles.docx' }).textContent()).toContain('DOCX');

    expect(await ask('Vous faites un emballage cadeau avec une carte ?')).toContain('« Conditions de vente.pdf »');
    expect(await ask('Vos modèles taillent petit ou normal ?')).toBe(
      'D’après « Guide des tailles.docx » : Nos modèles taillent petit: prenez une taille au-dessus.',
    );
    // The test panel lists the passage it came from (no FAQ entry matched).
    await page.getByText('Passages de vos documents qui correspondent :').waitFor();
    await screenshot(page, 'knowledge-documents');
    expect(errors).toEqual([]);
  });

  it('replaces a document (re-indexed) and deletes one (no longer cited)', async () => {
    const pdf = docs().filter({ hasText: 'Conditions de vente.pdf' });
    await pdf.getByRole('button', { name: 'Remplacer' }).click();
    await page.setInputFiles('[data-testid="document-replace-file"]', {
      name: 'Conditions de vente.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(makePdf([['Emballage cadeau: 200 DA avec une carte.']])),
    });
    await page.getByText('Conditions de vente.pdf est indexé').waitFor();
    const replaced = await ask('Vous faites un emballage cadeau avec une carte ?');
    expect(replaced).toContain('200 DA');
    const listed = await call<Array<{ name: string }>>(harness.core, 'knowledge/list-documents', { shopId });
    expect(listed).toHaveLength(2);

    page.once('dialog', (d) => void d.accept());
    await docs().filter({ hasText: 'Conditions de vente.pdf' }).getByRole('button', { name: 'Supprimer' }).click();
    await expect.poll(() => docs().count()).toBe(1);
    expect(await ask('Vous faites un emballage cadeau avec une carte ?')).not.toContain('Conditions de vente');
    expect(errors).toEqual([]);
  });
});
