import { describe, expect, it } from 'vitest';
import { fuzzyPieces, wordTerm } from './fts-repo';
import { parseQuery } from './query';
import { editDistance, wordMatch } from './similarity';

describe('parseQuery', () => {
  it('keeps content words, drops stop-words and shop talk, keeps numbers apart', () => {
    const q = parseQuery('Bonjour, vous avez les baskets en 41 ? Prix svp');
    expect(q.tokens).toEqual(['basket']);
    expect(q.numbers).toEqual(['41']);
    expect(q.units).toBe(1);
  });
  it('counts a multi-word concept once and remembers it came from a phrase', () => {
    const q = parseQuery('How much is the oud perfume gift box?');
    expect(q.tokens).toEqual(['oud', 'perfume', 'gift', 'box']);
    expect(q.concepts.get('gift_box')).toEqual(['gift', 'box']);
    expect(q.phraseConcepts.has('gift_box')).toBe(true);
    expect(q.units).toBe(3);
  });
  it('finds phrase concepts that contain stop-words ("sac a dos")', () => {
    const q = parseQuery('le sac à dos');
    expect(q.concepts.has('backpack')).toBe(true);
    expect(q.allTokens).toEqual(['le', 'sac', 'a', 'dos']);
  });
  it('knowledge search may keep shop talk', () => {
    expect(parseQuery('délai de livraison', { isStop: () => false }).tokens).toContain('livraison');
    expect(parseQuery('délai de livraison').tokens).not.toContain('livraison');
  });
});

describe('similarity', () => {
  it('measures edit distance with an early exit', () => {
    expect(editDistance('sbadri', 'sbodri', 2)).toBe(1);
    expect(editDistance('montre', 'monter', 2)).toBe(2);
    expect(editDistance('abcdef', 'uvwxyz', 1)).toBe(2);
  });
  it('grades exact, prefix, substring, typo, unrelated', () => {
    expect(wordMatch('robe', 'robe')).toBe(1);
    expect(wordMatch('kabyl', 'kabyle')).toBe(0.8);
    expect(wordMatch('fostane', 'fostan')).toBe(0.8);
    expect(wordMatch('ordinateur', 'portordinateur')).toBe(0.6);
    expect(wordMatch('parfume', 'parfum')).toBe(0.8);
    expect(wordMatch('sbodri', 'sbadri')).toBe(0.55);
    expect(wordMatch('wahran', 'orange')).toBe(0);
    expect(wordMatch('ab', 'abc')).toBe(0);
  });
});

describe('fts helpers', () => {
  it('quotes terms and adds prefix search from three letters', () => {
    expect(wordTerm('sac')).toBe('"sac"*');
    expect(wordTerm('xl')).toBe('"xl"');
  });
  it('splits words into halves one of which survives a typo', () => {
    expect(fuzzyPieces('sbodri')).toEqual(['sbo', 'dri']);
    expect(fuzzyPieces('montree')).toEqual(['mont', 'tree']);
    expect(fuzzyPieces('robe')).toEqual(['rob', 'obe']);
    expect(fuzzyPieces('sac')).toEqual([]);
  });
});
