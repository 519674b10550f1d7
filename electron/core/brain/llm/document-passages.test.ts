import { describe, expect, it } from 'vitest';
import type { DocumentHit } from '../../knowledge/index';
import { PASSAGE_RELEVANT_FROM, passageFacts, relevantPassages } from './document-passages';

const hit = (chunkId: number, score: number): DocumentHit => ({
  documentId: 4,
  documentName: 'Garantie.docx',
  chunkId,
  text: `passage ${chunkId}`,
  score,
  matched: [],
});

describe('document passages for the prompt', () => {
  it('keeps the hits that cover enough of the question, cited as document:<id>#<chunk>', () => {
    const search = { search: () => [hit(7, 0.8), hit(8, PASSAGE_RELEVANT_FROM - 0.01)] };
    expect(relevantPassages(search, 1, 'garantie combien de mois')).toEqual([
      { id: 'document:4#7', document: 'Garantie.docx', text: 'passage 7' },
    ]);
    expect(passageFacts(relevantPassages(search, 1, 'garantie'))).toEqual(['Garantie.docx', 'passage 7']);
  });

  it('gives none without documents, for an empty message, or when the search fails', () => {
    expect(relevantPassages(undefined, 1, 'garantie')).toEqual([]);
    expect(relevantPassages({ search: () => [hit(1, 1)] }, 1, '  ')).toEqual([]);
    const broken = {
      search: (): DocumentHit[] => {
        throw new Error('fts5: syntax error');
      },
    };
    expect(relevantPassages(broken, 1, 'garantie')).toEqual([]);
  });
});
