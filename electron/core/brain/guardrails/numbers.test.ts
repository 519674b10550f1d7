import { describe, expect, it } from 'vitest';
import { extractNumbers, readNumber } from './numbers';

const kinds = (text: string) => extractNumbers(text).map((n) => [n.kind, n.values]);

describe('readNumber', () => {
  it('reads every format sellers write, keeping ambiguous readings', () => {
    expect(readNumber('6 500')).toEqual([6500]);
    expect(readNumber('1.290,00')).toEqual([1290]);
    expect(readNumber('1,290.50')).toEqual([1290.5]);
    expect(readNumber('6.500').sort()).toEqual([6.5, 6500].sort());
    expect(readNumber('197,90')).toEqual([197.9]);
    expect(readNumber('1.290.000')).toEqual([1290000]);
  });
});

describe('extractNumbers', () => {
  it('classifies prices in DZD, BRL, Arabic script and Arabic-Indic digits', () => {
    expect(kinds('La robe est à 6 500 DA.')).toEqual([['money', [6500]]]);
    expect(kinds('السعر ٦٥٠٠ دج')).toEqual([['money', [6500]]]);
    expect(kinds('Fica R$ 197,90 à vista')).toEqual([['money', [197.9]]]);
    expect(kinds('6500دج')).toEqual([['money', [6500]]]);
  });

  it('classifies percentages, stock counts and phones', () => {
    expect(kinds('une remise de 15 %')).toEqual([['percent', [15]]]);
    expect(kinds('خصم ٪20')).toEqual([['percent', [20]]]);
    expect(kinds('il ne reste que 2 pièces')).toEqual([['stock', [2]]]);
    expect(kinds('only 4 left')).toEqual([['stock', [4]]]);
    expect(kinds('Huile 100 ml est disponible')).toEqual([['plain', [100]]]);
    expect(kinds('appelez le 0555 12 34 56')[0]?.[0]).not.toBe('money');
    expect(kinds('mon numéro 0555123456')).toEqual([['phone', [555123456]]]);
    expect(kinds('votre commande n° 57 est confirmée')).toEqual([['reference', [57]]]);
  });

  it('skips codes and Arabizi letters, reads multipliers', () => {
    expect(kinds('Réf DZ-DR-001 et X200')).toEqual([]);
    expect(kinds('3andek had lfostan? ch7al 9adech')).toEqual([]);
    expect(extractNumbers('6k da')[0]?.values).toContain(6000);
    expect(extractNumbers('65 alf')[0]?.values).toEqual(expect.arrayContaining([65, 65000, 650]));
  });
});
