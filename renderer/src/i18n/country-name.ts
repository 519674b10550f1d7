/** "Maroc", "Marocco", "المغرب": a country's name in the interface language (the code if the browser has none). */
export function countryName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
