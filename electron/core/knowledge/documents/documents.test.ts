import { afterEach, describe, expect, it } from 'vitest';
import type { CallOutput } from '../../../../shared/contract';
import type { Harness } from '../../learning/test-utils/learning-harness';
import { makeLearningHarness } from '../../learning/test-utils/learning-harness';
import { call } from '../../test-utils/temp-core';
import { makeDocx, makePdf } from '../../test-utils/document-fixtures';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');
const add = (t: Harness, name: string, bytes: Uint8Array | string, replaceId?: number) =>
  call<CallOutput<'knowledge/add-document'>>(t.core, 'knowledge/add-document', {
    shopId: t.shopId,
    name,
    contentBase64: b64(bytes),
    ...(replaceId !== undefined && { replaceId }),
  });

function lastReply(t: Harness): { text: string; citations: string[]; escalate: boolean } {
  const row = t.core.ctx.store.sqlite
    .prepare<[], { text: string; meta: string }>("SELECT text, meta FROM messages WHERE direction = 'out' ORDER BY id DESC LIMIT 1")
    .get()!;
  const meta = JSON.parse(row.meta) as { citations?: string[]; escalate?: boolean };
  return { text: row.text, citations: meta.citations ?? [], escalate: meta.escalate ?? false };
}

const POLICY = [
  ['Conditions de vente de Dar Lalla', '', 'Emballage cadeau: offert sur demande, avec une carte écrite à la main.'],
  ['Échanges: possibles sous 7 jours si l’article n’a pas été porté.', 'Les remboursements se font en espèces au dépôt.'],
];

describe('documents the seller adds to Knowledge', () => {
  it('a PDF and a DOCX are read, chunked and indexed, and the bot answers from them naming the document', async () => {
    h = await makeLearningHarness();
    const t = h;
    const pdf = await add(t, 'Conditions de vente.pdf', makePdf(POLICY));
    expect(pdf).toMatchObject({ kind: 'pdf', name: 'Conditions de vente.pdf' });
    expect(pdf.chunks).toBeGreaterThan(0);
    const docx = await add(
      t,
      'Guide des tailles.docx',
      makeDocx(['Guide des tailles', 'Nos modèles taillent petit: prenez une taille au-dessus de votre taille habituelle.']),
    );
    expect(docx).toMatchObject({ kind: 'docx', chunks: 1 });
    expect(
      (await call<CallOutput<'knowledge/list-documents'>>(t.core, 'knowledge/list-documents', { shopId: t.shopId }))
        .map((d) => d.name)
        .sort(),
    ).toEqual(['Conditions de vente.pdf', 'Guide des tailles.docx']);

    await t.say('+213550000091', 'Vous faites un emballage cadeau avec une carte ?');
    const gift = lastReply(t);
    expect(gift.text).toContain('« Conditions de vente.pdf »');
    expect(gift.text).toBe('D’après « Conditions de vente.pdf » : Emballage cadeau: offert sur demande, avec une carte écrite à la main.');
    expect(gift.escalate).toBe(false);
    expect(gift.citations.some((c) => c.startsWith(`document:${pdf.id}#`))).toBe(true);

    await t.say('+213550000092', 'Vos modèles taillent petit ou normal ?');
    const size = lastReply(t);
    expect(size.text).toContain('« Guide des tailles.docx »');
    expect(size.text).toMatch(/prenez une taille au-dessus/);
  });

  it('replacing a document re-indexes it; deleting it stops its answers; unreadable files are refused', async () => {
    h = await makeLearningHarness();
    const t = h;
    const first = await add(t, 'Conditions de vente.pdf', makePdf(POLICY));
    const replaced = await add(t, 'Conditions de vente.pdf', makePdf([['Emballage cadeau: 200 DA, carte offerte.']]));
    expect(replaced.id).toBe(first.id);
    await t.say('+213550000093', 'Vous faites un emballage cadeau avec une carte ?');
    expect(lastReply(t).text).toMatch(/Emballage cadeau: 200 DA, carte offerte/);
    expect(lastReply(t).text).not.toMatch(/offert sur demande/);

    const html = await add(
      t,
      'livraison.html',
      '<html><head><style>p{}</style></head><body><h1>Livraison</h1><p>Livraison express &amp; suivie à Oran en 24 heures.</p><script>x()</script></body></html>',
    );
    expect(html.kind).toBe('html');
    await t.say('+213550000094', 'La livraison express suivie à Oran prend combien d’heures ?');
    expect(lastReply(t)).toMatchObject({ text: expect.stringContaining('« livraison.html »') as unknown, escalate: false });
    expect(lastReply(t).text).toMatch(/Livraison express & suivie à Oran en 24 heures/);
    expect(lastReply(t).text).not.toMatch(/x\(\)|p\{\}/);

    expect(await call(t.core, 'knowledge/delete-document', { shopId: t.shopId, id: first.id })).toEqual({ deleted: true });
    await t.say('+213550000095', 'Vous faites un emballage cadeau avec une carte ?');
    expect(lastReply(t).text).not.toMatch(/Conditions de vente/);

    const bad = await t.core.app.dispatch('knowledge/add-document', {
      shopId: t.shopId,
      name: 'photo.jpg',
      contentBase64: b64('not a document'),
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'document.unsupported_type' } });
    const broken = await t.core.app.dispatch('knowledge/add-document', {
      shopId: t.shopId,
      name: 'x.pdf',
      contentBase64: b64('%PDF-1.4 garbage'),
    });
    expect(broken).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'document.unreadable' } });
  });
});
