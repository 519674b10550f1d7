import { describe, expect, it } from 'vitest';
import { chunkText } from './chunk';
import { quoteFor } from './document-answer';
import { htmlText } from './extract-text';

describe('document text into chunks and quotes', () => {
  it('keeps chunks under the size, paragraphs whole when they fit, no word cut', () => {
    const paragraph = (i: number) => `Paragraphe ${i}. ${'Une phrase assez longue sur la livraison et les retours. '.repeat(4)}`;
    const text = [paragraph(1), paragraph(2), 'mot'.repeat(10) + ' ' + 'x '.repeat(800)].join('\n\n');
    const chunks = chunkText(text, 300);
    expect(chunks.every((c) => c.length <= 300)).toBe(true);
    expect(chunks.join(' ').replace(/\s+/g, ' ')).toBe(text.replace(/\s+/g, ' ').trim());
    expect(chunkText('')).toEqual([]);
  });

  it('quotes the sentences that carry the question’s words, not the whole passage', () => {
    const passage =
      'Conditions de vente\nLivraison: 48 h à Alger. Échanges sous 7 jours si l’article n’a pas été porté. Paiement à la livraison.';
    expect(quoteFor(passage, 'Les échanges sont possibles combien de jours ?')).toBe(
      'Échanges sous 7 jours si l’article n’a pas été porté.',
    );
  });

  it('reads a saved web page as its visible text', () => {
    expect(htmlText('<head><title>t</title></head><p>Prix &eacute;tudiant&nbsp;: 10&#37;</p><script>alert(1)</script>').trim()).toBe(
      'Prix étudiant : 10%',
    );
  });
});
