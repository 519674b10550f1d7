import { describe, expect, it } from 'vitest';
import {
  collapseRepeats,
  foldArabizi,
  foldDigits,
  foldLatin,
  normaliseArabic,
  normaliseLoose,
  normaliseText,
  normaliseToken,
  tokenise,
} from './normalise';

describe('normaliseArabic', () => {
  it('folds alef variants, alef maqsura, ta marbuta and hamza seats', () => {
    expect(normaliseArabic('أإآٱ')).toBe('اااا');
    expect(normaliseArabic('مستشفى')).toBe('مستشفي');
    expect(normaliseArabic('ساعة')).toBe('ساعه');
    expect(normaliseArabic('مؤمن')).toBe('مومن');
    expect(normaliseArabic('رئيس')).toBe('رييس');
  });
  it('removes harakat, shadda and tatweel', () => {
    expect(normaliseArabic('فُسْتَانٌ')).toBe('فستان');
    expect(normaliseArabic('عطــــر')).toBe('عطر');
    expect(normaliseArabic('محمّد')).toBe('محمد');
  });
  it('turns Arabic-Indic and Persian digits into ASCII', () => {
    expect(normaliseArabic('٦٥٠٠ دج')).toBe('6500 دج');
    expect(foldDigits('۴۲')).toBe('42');
  });
});

describe('foldLatin', () => {
  it('lower-cases and strips accents of every Latin language', () => {
    expect(foldLatin('Crème Hydratante ÉTÉ')).toBe('creme hydratante ete');
    expect(foldLatin('Relógio Tênis Preço ação')).toBe('relogio tenis preco acao');
    expect(foldLatin('Cœur straße')).toBe('coeur strasse');
  });
  it('leaves Arabic script untouched', () => {
    expect(foldLatin('فستان')).toBe('فستان');
  });
});

describe('foldArabizi', () => {
  it('makes digit spellings meet their letter spellings once repeats are collapsed', () => {
    expect(collapseRepeats(foldArabizi('ch7al'))).toBe(collapseRepeats('chhal'));
    expect(collapseRepeats(foldArabizi('3andek'))).toBe('andek');
    expect(foldArabizi('9ahwa')).toBe('qahwa');
    expect(foldArabizi('5dma')).toBe('khdma');
    expect(foldArabizi('sba7')).toBe('sbah');
    expect(foldArabizi('m3a')).toBe('maa');
  });
  it('keeps numbers, units and model numbers', () => {
    expect(foldArabizi('6500')).toBe('6500');
    expect(foldArabizi('100ml')).toBe('100ml');
    expect(foldArabizi('3m')).toBe('3m');
    expect(foldArabizi('ps5')).toBe('ps5');
    expect(foldArabizi('s23')).toBe('s23');
    expect(foldArabizi('iphone15')).toBe('iphone15');
  });
});

describe('collapseRepeats', () => {
  it('collapses runs of one letter in any script', () => {
    expect(collapseRepeats('ghaaali')).toBe('ghali');
    expect(collapseRepeats('بزااااف')).toBe('بزاف');
    expect(collapseRepeats('merciii')).toBe('merci');
  });
});

describe('normaliseToken / tokenise', () => {
  it('strips the Arabic article and glued prepositions but keeps short words whole', () => {
    expect(normaliseToken('الفستان')).toBe('فستان');
    expect(normaliseToken('بالأحمر')).toBe('احمر');
    expect(normaliseToken('الى')).toBe('الي');
  });
  it('folds Latin plurals so singular and plural meet', () => {
    expect(normaliseToken('Baskets')).toBe(normaliseToken('basket'));
    expect(normaliseToken('dresses')).toBe(normaliseToken('dress'));
    expect(normaliseToken('boxes')).toBe('box');
    expect(normaliseToken('tênis')).toBe('tenis');
  });
  it('splits on punctuation of every script and drops empties', () => {
    expect(tokenise('slm, ch7al had sac noir?')).toEqual(['slm', 'chal', 'had', 'sac', 'noir']);
    expect(tokenise('بشحال الفستان الأحمر؟')).toEqual(['بشحال', 'فستان', 'احمر']);
    expect(tokenise("Robe d'été — 6 500 DA")).toEqual(['robe', 'd', 'ete', '6', '500', 'da']);
  });
  it('gives accented and unaccented, Arabizi and plain spellings the same text', () => {
    expect(normaliseText('Sac à DOS')).toBe(normaliseText('sac a dos'));
    expect(normaliseText('3andek')).toBe(normaliseText('andek'));
    expect(normaliseText('ghaaaali bzzaf')).toBe(normaliseText('ghali bzaf'));
  });
});

describe('normaliseLoose', () => {
  it('normalises script without tokenising', () => {
    expect(normaliseLoose('  Crème   أرغان ')).toBe('creme ارغان');
  });
});
