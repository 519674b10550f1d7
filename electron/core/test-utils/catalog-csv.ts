/** A seeded generator: the same rows on every run. */
function seeded(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * A large, messy native-layout catalog (hardware and phone accessories in Tunisia: French,
 * Italian and Arabic names; 15 % of products one row per size; 20 % blank stock cells), for the
 * import benchmark and the responsiveness test. ~4 MB for 50,000 rows, under the 5 MB call cap.
 */
export function makeImportCsv(rows: number, seed = 7): string {
  const rnd = seeded(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const things = [
    'Perceuse',
    'Visseuse',
    'Câble USB-C',
    'Chargeur',
    'Coque',
    'Tournevis',
    'Pince',
    'Lampe LED',
    'Rallonge',
    'Écouteurs',
    'Batteria',
    'Cuffie',
  ];
  const arabic = ['مثقاب', 'مفك', 'شاحن', 'كابل', 'غلاف', 'مصباح', 'سماعات'];
  const lines = [
    'sku,name,name_ar,category,price,currency,stock,variants,aliases,description,compare_at_price,images,upsell_skus,variant,variant_sku,variant_price,variant_stock,variant_options',
  ];
  let i = 0;
  while (lines.length <= rows) {
    i++;
    const name = `${pick(things)} ${pick(['pro', 'mini', 'max', 'lite', '2000', 'XL'])} ${i}`;
    const price = `${Math.floor(rnd() * 900) + 10}.${Math.floor(rnd() * 90) + 10}`;
    const stock = rnd() < 0.2 ? '' : String(Math.floor(rnd() * 40));
    const base = `TN-${i},${name},${pick(arabic)},${pick(['outils', 'téléphonie', 'éclairage'])},${price},TND`;
    if (rnd() < 0.15) {
      for (const size of ['S', 'M', 'L']) lines.push(`${base},,,,,,,,${size},TN-${i}-${size},,${Math.floor(rnd() * 9)},Taille=${size}`);
    } else {
      lines.push(`${base},${stock},,${pick(['jdid', 'original', 'garanti'])},,,,,,,,,`);
    }
  }
  return lines.slice(0, rows + 1).join('\n');
}
