/**
 * Currencies a seller picks from (ISO 4217). The shops of the target markets come first with the
 * symbols their customers write (the Maghreb's dinars and dirhams have no symbol in CLDR's "en"
 * data, which would show "DZD"); every other ISO 4217 code follows, from the runtime's own list.
 * Names are the runtime's (Intl.DisplayNames), in the seller's language.
 */
export const MARKET_CURRENCIES: readonly { code: string; symbol: string }[] = [
  { code: 'DZD', symbol: 'د.ج / DA' },
  { code: 'MAD', symbol: 'DH / د.م.' },
  { code: 'TND', symbol: 'DT / د.ت' },
  { code: 'EUR', symbol: '€' },
  { code: 'BRL', symbol: 'R$' },
  { code: 'LYD', symbol: 'ل.د' },
  { code: 'EGP', symbol: 'ج.م' },
  { code: 'MRU', symbol: 'UM' },
  { code: 'XOF', symbol: 'FCFA' },
  { code: 'USD', symbol: '$' },
  { code: 'GBP', symbol: '£' },
  { code: 'CHF', symbol: 'CHF' },
  { code: 'CAD', symbol: '$ CA' },
  { code: 'SAR', symbol: 'ر.س' },
  { code: 'AED', symbol: 'د.إ' },
];

/** Every code offered: the market ones, then the rest of ISO 4217 as the runtime knows it. */
export function currencyCodes(): string[] {
  const market = MARKET_CURRENCIES.map((c) => c.code);
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : [];
  return [...market, ...all.filter((c) => !market.includes(c))];
}

/** "د.ج / DA — dinar algérien (DZD)": what the picker shows for a code in a UI language. */
export function currencyLabel(code: string, locale: string): string {
  let name = code;
  try {
    name = new Intl.DisplayNames([locale], { type: 'currency' }).of(code) ?? code;
  } catch {
    // An unknown locale keeps the code as the name.
  }
  const symbol = MARKET_CURRENCIES.find((c) => c.code === code)?.symbol;
  return symbol ? `${symbol} — ${name} (${code})` : `${name} (${code})`;
}
