import { describe, expect, it } from 'vitest';
import { defaultLexicon, makeLexicon } from './lexicon';
import { tokenise } from './normalise';
import { isStopWord } from './stopwords';

const concepts = (text: string) => [...defaultLexicon.conceptsOf(tokenise(text))].sort();

describe('lexicon', () => {
  it('maps the same product noun in every language to one concept', () => {
    for (const word of ['dress', 'vestido', 'vestito', 'robe', 'fostan', 'فستان', 'كسوة']) expect(concepts(word)).toContain('dress');
    for (const word of ['bag', 'sac', 'bolsa', 'borsa', 'sak', 'شنطة', 'حقيبة']) expect(concepts(word)).toContain('bag');
    for (const word of ['shoes', 'baskets', 'sneakers', 'tênis', 'scarpe', 'sbadri', 'سبادري']) expect(concepts(word)).toContain('shoes');
    for (const word of ['watch', 'montre', 'relógio', 'orologio', 'mongela', 'ساعة']) expect(concepts(word)).toContain('watch');
    for (const word of ['perfume', 'parfum', 'عطر', 'profumo', '3tr']) expect(concepts(word)).toContain('perfume');
    for (const word of ['course', 'curso', 'cours']) expect(concepts(word)).toContain('course');
    for (const word of ['ebook', 'e-book', 'E-book']) expect(concepts(word)).toContain('ebook');
  });
  it('matches multi-word forms as phrases only', () => {
    expect(concepts('oud perfume gift box')).toEqual(['gift_box', 'perfume']);
    expect(concepts('Coffret parfum oud')).toEqual(['gift_box', 'perfume']);
    expect(concepts('T-shirt Algérie')).toContain('tshirt');
    expect(concepts('sac à dos')).toContain('backpack');
  });
  it('finds nothing in words it does not know', () => {
    expect(concepts('bonjour combien')).toEqual([]);
  });
  it('accepts a custom concept table', () => {
    const lex = makeLexicon({ kettle: 'kettle bouilloire' });
    expect([...lex.conceptsOf(tokenise('Bouilloire inox'))]).toEqual(['kettle']);
    expect(lex.formsOf('kettle')).toEqual([tokenise('kettle'), tokenise('bouilloire')]);
  });
});

describe('stop-words', () => {
  it('cover the question words of each language, normalised like the text', () => {
    for (const phrase of [
      'wach kayen',
      '3andek',
      'ch7al',
      'combien',
      'how much',
      'quanto custa',
      'bghit',
      'nheb',
      'svp',
      'واش كاين',
      'بشحال',
    ]) {
      for (const token of tokenise(phrase)) expect(isStopWord(token), `${phrase}: ${token}`).toBe(true);
    }
  });
  it('never contain product nouns', () => {
    for (const word of ['robe', 'sac', 'parfum', 'montre', 'فستان', 'curso', 'dress', 'bolsa']) {
      expect(isStopWord(tokenise(word)[0] ?? '')).toBe(false);
    }
  });
});
