import { describe, expect, it } from 'vitest';
import { compareMeasures, measuresOf } from './measures';

const read = (text: string, spacedLetters = false) => measuresOf(text, { spacedLetters }).map((m) => [m.value, m.upTo, m.unit]);

describe('measures', () => {
  it.each([
    ['el enceinte 40W', [[40, 40, 'w']]],
    ['parmesan 36 mois ?', [[36, 36, 'month']]],
    ['هل يتوفر زيت الأركان 100 مل؟', [[100, 100, 'ml']]],
    ['Areia de sílica 1,8 kg', [[1.8, 1.8, 'kg']]],
    [
      'bghit 2 dyal 500g',
      [
        [2, 2, null],
        [500, 500, 'g'],
      ],
    ],
    ['tres litri', []],
    ['3 litri di olio', [[3, 3, 'l']]],
    ['chambre à air 29 pouces', [[29, 29, 'inch']]],
  ])('reads «%s»', (text, want) => expect(read(text)).toEqual(want));

  it('reads Arabizi digits as letters, not numbers ("9adeh", "s7i7", "3andek")', () => {
    expect(read('9adeh el baffle el kbir')).toEqual([]);
    expect(read('3andek had sac? s7i7')).toEqual([]);
  });

  it('takes a spaced one-letter unit only from the catalog ("2 w s7i7" is "2 and…" in Darija)', () => {
    expect(read('3tini 2 w s7i7')).toEqual([[2, 2, null]]);
    expect(read('Enceinte Boom 20 W', true)).toEqual([[20, 20, 'w']]);
  });

  it('reads ranges in product names and finds a customer’s measure within them', () => {
    const range = measuresOf('Antipulgas comprimido cães 10-20 kg', { spacedLetters: true });
    expect(range).toEqual([{ value: 10, upTo: 20, unit: 'kg' }]);
    expect(compareMeasures(measuresOf('cachorro de 15kg'), range)).toEqual({ agreed: 1, contradicted: false });
    expect(compareMeasures(measuresOf('cachorro de 30kg'), range)).toEqual({ agreed: 0, contradicted: true });
  });

  it('lets a bare number agree but never contradict (it may be a count or a price)', () => {
    const speaker = measuresOf('Enceinte Boom 20 W', { spacedLetters: true });
    expect(compareMeasures(measuresOf('vendu 5000 enceintes ?'), speaker)).toEqual({ agreed: 0, contradicted: false });
    expect(compareMeasures(measuresOf('enceinte 40W'), speaker)).toEqual({ agreed: 0, contradicted: true });
    expect(compareMeasures(measuresOf('parmigiano 36'), measuresOf('Parmigiano 36 mesi', { spacedLetters: true }))).toEqual({
      agreed: 1,
      contradicted: false,
    });
  });
});
