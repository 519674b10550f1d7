/**
 * A 10,000-product catalog for the brain benchmark: the DZ fashion fixture (so the benchmark's
 * messages name real rows) plus generated rows across categories, materials, colours and sizes,
 * many of them near-duplicates of each other as real catalogs are.
 */
export const CATEGORIES: [string, string[]][] = [
  ['robes', ['Robe', 'Caftan', 'Jellaba', 'Abaya', 'Gandoura']],
  ['sacs', ['Sac', 'Pochette', 'Cabas', 'Sacoche', 'Cartable']],
  ['chaussures', ['Basket', 'Sandale', 'Escarpin', 'Mocassin', 'Botte']],
  ['beaute', ['Crème', 'Savon', 'Sérum', 'Huile', 'Parfum']],
  ['maison', ['Coussin', 'Tapis', 'Plaid', 'Vase', 'Lampe']],
  ['tech', ['Câble', 'Chargeur', 'Coque', 'Écouteurs', 'Batterie']],
];
export const QUALIFIERS = [
  'classique',
  'premium',
  'brodé',
  'en cuir',
  'en lin',
  'satiné',
  'sport',
  'vintage',
  'mini',
  'XL',
  'pro',
  'bio',
  'artisanal',
  'léger',
  'chic',
];
export const COLOURS = ['noir', 'blanc', 'rouge', 'bleu', 'vert', 'beige', 'rose', 'gris', 'doré', 'bordeaux'];

const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export function syntheticCatalogCsv(fixtureCsv: string, total: number): string {
  const [header, ...rows] = fixtureCsv.trim().split('\n');
  const out = [header ?? '', ...rows];
  let n = 0;
  for (let i = 0; out.length - 1 < total; i++) {
    const [category, nouns] = CATEGORIES[i % CATEGORIES.length]!;
    const noun = nouns[Math.floor(i / CATEGORIES.length) % nouns.length]!;
    const qualifier = QUALIFIERS[Math.floor(i / 30) % QUALIFIERS.length]!;
    const colour = COLOURS[Math.floor(i / 450) % COLOURS.length]!;
    n += 1;
    const name = `${noun} ${qualifier} ${colour} ${n}`;
    const price = 500 + ((i * 137) % 190) * 50;
    const variants = category === 'chaussures' ? '38|39|40|41|42' : category === 'robes' ? 'S|M|L|XL' : '';
    out.push(
      [
        `GEN-${String(n).padStart(5, '0')}`,
        name,
        '',
        category,
        String(price),
        'DZD',
        String((i * 7) % 40),
        variants,
        `${noun.toLowerCase()} ${colour}`,
        `${noun} ${qualifier}, couleur ${colour}.`,
      ]
        .map(quote)
        .join(','),
    );
  }
  return `${out.join('\n')}\n`;
}
