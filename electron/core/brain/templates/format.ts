import type { Voice } from './types';

const SYMBOL: Record<string, { arabic?: string; latin: string; before?: boolean }> = {
  DZD: { arabic: 'دج', latin: 'DA' },
  MAD: { arabic: 'درهم', latin: 'DH' },
  TND: { arabic: 'د.ت', latin: 'DT' },
  BRL: { latin: 'R$', before: true },
  EUR: { latin: '€' },
  USD: { latin: '$', before: true },
  GBP: { latin: '£', before: true },
};

export const isArabicScript = (l: Voice): boolean => l === 'ar' || l === 'ar-dz' || l === 'ar-ma' || l === 'ar-tn';

/**
 * A price as a customer in that language expects it: "6 500 DA", "6500 دج", "R$ 197,00",
 * "$19.99". Whole amounts have no decimals except in Portuguese/Brazilian reais.
 */
export function formatMoney(amount: number, currency: string, language: Voice): string {
  const cents = Math.round(amount * 100);
  const whole = cents % 100 === 0;
  const decimals = whole && currency !== 'BRL' ? 0 : 2;
  const fixed = (cents / 100).toFixed(decimals);
  const [intPart = '0', frac] = fixed.split('.');
  const grouping = language === 'en' ? ',' : language === 'pt' || language === 'it' ? '.' : isArabicScript(language) ? '' : '\u202f';
  const decimalMark = language === 'en' || isArabicScript(language) ? '.' : ',';
  const grouped = grouping ? intPart.replace(/\B(?=(\d{3})+(?!\d))/g, grouping) : intPart;
  const number = frac ? `${grouped}${decimalMark}${frac}` : grouped;
  const sym = SYMBOL[currency.toUpperCase()];
  if (!sym) return `${number} ${currency}`;
  if (isArabicScript(language) && sym.arabic) return `${number} ${sym.arabic}`;
  return sym.before ? `${sym.latin} ${number}` : `${number} ${sym.latin}`;
}

/** "a, b and c" in the customer's language. */
export function formatList(items: readonly string[], language: Voice): string {
  if (items.length <= 1) return items[0] ?? '';
  const and = {
    'ar-dz': 'و',
    ar: 'و',
    'ar-ma': 'و',
    'ar-tn': 'و',
    'dz-latn': 'w',
    'ma-latn': 'w',
    'tn-latn': 'w',
    fr: 'et',
    en: 'and',
    pt: 'e',
    it: 'e',
  }[language];
  const sep = isArabicScript(language) ? '، ' : ', ';
  return `${items.slice(0, -1).join(sep)} ${and} ${items.at(-1)}`;
}
