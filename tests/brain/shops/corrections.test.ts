import { afterEach, describe, expect, it } from 'vitest';
import { type OpenShop, type ShopSpec, openShop } from '../shop-harness';

/**
 * Issue 9: what the customer says once (a variant, a count, a correction) changes the cart, and
 * the order ends with it. Shops and customers nobody wrote the brain against: a Tunisian perfume
 * shop, a Portuguese tea shop, an Italian ceramics shop, a Moroccan spice shop.
 */
const PERFUMES: ShopSpec = {
  name: 'Parfums Hannibal',
  currency: 'TND',
  products: [
    {
      sku: 'TN-PF-001',
      name: 'Eau de parfum Jasmin 50 ml',
      price: 85,
      aliases: ['jasmin', 'yasmine'],
      variants: ['Rouge', 'Noir', 'Blanc'],
      stock: 20,
    },
    { sku: 'TN-PF-002', name: 'Musc blanc 12 ml', price: 25, aliases: ['musc', 'mesk'], stock: 40 },
  ],
  settings: {
    facts: {
      deliveryZones: [
        { name: 'Tunis', fee: 7, delayDays: '1' },
        { name: 'Autres villes', fee: 10, delayDays: '2-3' },
      ],
    },
  },
};
const TEAS: ShopSpec = {
  name: 'Casa do Chá',
  currency: 'EUR',
  country: 'PT',
  products: [
    { sku: 'PT-CH-010', name: 'Chá verde Gorreana 100 g', price: 6.5, aliases: ['cha verde', 'gorreana'], stock: 30 },
    { sku: 'PT-CH-020', name: 'Bule de ferro 0,8 l', price: 32, aliases: ['bule', 'chaleira'], variants: ['0,8 l', '1,2 l'], stock: 9 },
  ],
  settings: {
    facts: {
      deliveryZones: [
        { name: 'Lisboa', fee: 3, delayDays: '1' },
        { name: 'Resto do país', fee: 5, delayDays: '2-4' },
      ],
    },
  },
};
const CERAMICS: ShopSpec = {
  name: 'Ceramiche Deruta',
  currency: 'EUR',
  country: 'IT',
  products: [
    {
      sku: 'IT-CR-001',
      name: 'Piatto dipinto a mano 26 cm',
      price: 24,
      aliases: ['piatto', 'piatti'],
      variants: ['blu', 'giallo'],
      stock: 15,
    },
    { sku: 'IT-CR-002', name: 'Tazza da caffè', price: 9, aliases: ['tazza', 'tazzina'], stock: 50 },
  ],
  settings: {
    facts: {
      deliveryZones: [
        { name: 'Perugia', fee: 4, delayDays: '1' },
        { name: "Resto d'Italia", fee: 8, delayDays: '2-3' },
      ],
    },
  },
};
const SPICES: ShopSpec = {
  name: 'Epices Zagora',
  currency: 'MAD',
  products: [
    {
      sku: 'MA-EP-001',
      name: 'Ras el hanout 250 g',
      price: 45,
      aliases: ['ras el hanout', 'ras lhanout'],
      variants: ['250 g', '500 g'],
      stock: 25,
    },
    { sku: 'MA-EP-002', name: 'Safran pur 1 g', price: 60, aliases: ['safran', 'zaafran'], stock: 10 },
  ],
  settings: {
    facts: {
      deliveryZones: [
        { name: 'Casablanca', fee: 20, delayDays: '1' },
        { name: 'Autres villes', fee: 35, delayDays: '2-4' },
      ],
    },
  },
};

let shop: OpenShop | undefined;
afterEach(async () => {
  await shop?.close();
  shop = undefined;
});

async function talk(spec: ShopSpec, lines: string[]): Promise<{ replies: string[]; shop: OpenShop }> {
  shop = await openShop(spec);
  const customer = await shop.customer();
  const replies: string[] = [];
  for (const line of lines) {
    const turn = await customer.say(line);
    expect(
      turn.violations.map((v) => `${v.kind}: ${v.fragment}`),
      `after «${line}»: «${turn.reply}»`,
    ).toEqual([]);
    replies.push(turn.reply);
  }
  return { replies, shop };
}

const itemsOf = async (s: OpenShop) => (await s.orders()).map((o) => o.items.map((i) => [i.sku, i.quantity, i.variant]));

describe('corrections and details said before the order change the cart', () => {
  it('a variant named while browsing is not asked again ("jasmin lon k7al?" … "nheb 2")', async () => {
    const { replies, shop: s } = await talk(PERFUMES, [
      'aslema, famma jasmin lon k7al?',
      'nheb 2',
      'Rim Ben Ali 22 333 444',
      'tunis, lac 1 rue 5',
      'ey',
    ]);
    expect(replies.slice(1).join('\n')).not.toMatch(/Famma: Rouge|Disponible : Rouge/);
    expect(await itemsOf(s)).toEqual([[['TN-PF-001', 2, 'Noir']]]);
  });

  it('a bare variant after the list picks it ("blanc")', async () => {
    const { shop: s } = await talk(PERFUMES, [
      'bonsoir le parfum jasmin ?',
      'blanc',
      'je le prends',
      'Sonia 98 765 432, Sfax route el ain km 3',
      'oui',
    ]);
    expect(await itemsOf(s)).toEqual([[['TN-PF-001', 1, 'Blanc']]]);
  });

  it('"scusa 4 non 3" changes the count, and is not taken for the address', async () => {
    const { replies, shop: s } = await talk(CERAMICS, [
      'buongiorno vorrei 3 tazze',
      'scusa 4 non 3',
      'Chiara Neri 333 444 5566',
      'Perugia via dei Priori 12',
      'sì',
    ]);
    expect(replies[3]).toMatch(/×4/);
    expect(await itemsOf(s)).toEqual([[['IT-CR-002', 4, null]]]);
  });

  it('"non plutôt le blanc" at the summary changes the variant, then "oui" orders it', async () => {
    const { replies, shop: s } = await talk(PERFUMES, [
      'je veux le parfum jasmin rouge',
      'Amel Trabelsi 55 111 222 Tunis el manar rue 3',
      'non plutôt le blanc',
      'oui',
    ]);
    expect(replies[2]).toMatch(/Blanc/);
    expect(await itemsOf(s)).toEqual([[['TN-PF-001', 1, 'Blanc']]]);
  });

  it('"la la, jouj" corrects the count in Darija', async () => {
    const { shop: s } = await talk(SPICES, [
      'bghit safran wa7ed',
      'la la, jouj',
      'Houda 0661 12 34 56',
      'casa, hay hassani zanqa 9',
      'wakha',
    ]);
    expect(await itemsOf(s)).toEqual([[['MA-EP-002', 2, null]]]);
  });

  it('a count and a glued measure in one message ("bghit 2 dyal 500g")', async () => {
    const { shop: s } = await talk(SPICES, [
      'ch7al ras el hanout?',
      'bghit 2 dyal 500g',
      'Nora 0677 88 99 00',
      'casablanca maarif rue 7',
      'ah',
    ]);
    expect(await itemsOf(s)).toEqual([[['MA-EP-001', 2, '500 g']]]);
  });

  it('two products named with a wish are both ordered, even when the details come later', async () => {
    const { shop: s } = await talk(TEAS, [
      'queria o chá verde e o bule de 1,2 l',
      'Inês Rocha 912 345 678',
      'Porto, rua de santa catarina 200',
      'sim',
    ]);
    expect(await itemsOf(s)).toEqual([
      [
        ['PT-CH-010', 1, null],
        ['PT-CH-020', 1, '1,2 l'],
      ],
    ]);
  });

  it('"desculpa, são 3" changes the count, and "desculpa" is nobody\'s name', async () => {
    const { replies, shop: s } = await talk(TEAS, [
      'bom dia, 2 chá verde por favor',
      'desculpa, são 3',
      'Rita Sousa 965 111 222',
      'Lisboa, av. de roma 10',
      'sim',
    ]);
    expect(replies.join('\n')).not.toMatch(/desculpa –/i);
    expect(await itemsOf(s)).toEqual([[['PT-CH-010', 3, null]]]);
  });
});
