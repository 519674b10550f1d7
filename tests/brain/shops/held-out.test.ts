import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OpenShop, type ShopSpec, openShop } from '../shop-harness';

/**
 * Held out from tuning (issue 9): shops unlike the samples and the eval's six, and first messages
 * written the way customers write them, in every supported language and dialect. Each row is one
 * new customer's first message: the product the reply must name first, and the reply's language.
 * The brain knows nothing of these shops but their catalogs (and the generic concept table).
 */
interface Row {
  text: string;
  sku: string;
  language: 'ar' | 'ar-dz' | 'dz-latn' | 'fr' | 'en' | 'pt' | 'it';
}

const FURNITURE: ShopSpec = {
  name: 'Dar Zellige Meubles',
  currency: 'MAD',
  products: [
    { sku: 'MF-TB-01', name: 'Table basse en cèdre 90 cm', altNames: ['طاولة صغيرة من الأرز 90 سم'], price: 1450, category: 'tables' },
    { sku: 'MF-TB-02', name: 'Table à manger en cèdre 180 cm', altNames: ['طاولة أكل من الأرز 180 سم'], price: 4900, category: 'tables' },
    {
      sku: 'MF-SD-03',
      name: 'Salon marocain 6 places',
      altNames: ['صالون مغربي 6 بلايص'],
      price: 12500,
      variants: ['Bordeaux', 'Vert', 'Beige'],
      category: 'salons',
    },
    {
      sku: 'MF-PF-04',
      name: 'Pouf en cuir brodé',
      altNames: ['بوف جلد'],
      price: 380,
      variants: ['Marron', 'Blanc', 'Noir'],
      category: 'deco',
    },
    { sku: 'MF-LP-05', name: 'Lanterne en laiton ciselé', altNames: ['فانوس نحاس'], price: 690, category: 'luminaires' },
    { sku: 'MF-TP-06', name: 'Tapis berbère en laine 200x300', altNames: ['زربية أمازيغية'], price: 3200, category: 'tapis' },
    { sku: 'MF-MR-07', name: 'Miroir en zellige 60 cm', altNames: ['مراية زليج'], price: 950, category: 'deco' },
  ],
  settings: { facts: { deliveryZones: [{ name: 'Casablanca', fee: 100, delayDays: '3' }] } },
};

const BAKERY: ShopSpec = {
  name: 'Pâtisserie El Hana',
  currency: 'TND',
  products: [
    {
      sku: 'TB-BK-01',
      name: 'Baklawa aux amandes 1 kg',
      altNames: ['بقلاوة باللوز 1 كغ'],
      price: 65,
      aliases: ['baklawa'],
      category: 'patisserie',
    },
    {
      sku: 'TB-BK-02',
      name: 'Baklawa aux pistaches 1 kg',
      altNames: ['بقلاوة بالفستق 1 كغ'],
      price: 85,
      aliases: ['baklawa'],
      category: 'patisserie',
    },
    {
      sku: 'TB-GT-03',
      name: "Gâteau d'anniversaire chocolat 8 parts",
      altNames: ['كيكة عيد ميلاد شوكولا'],
      price: 48,
      category: 'gateaux',
    },
    {
      sku: 'TB-GT-04',
      name: "Gâteau d'anniversaire chocolat 12 parts",
      altNames: ['كيكة عيد ميلاد شوكولا كبيرة'],
      price: 70,
      category: 'gateaux',
    },
    {
      sku: 'TB-PN-05',
      name: 'Pain tabouna',
      altNames: ['خبز طابونة'],
      price: 1.2,
      aliases: ['tabouna', 'tabouna bread'],
      category: 'pain',
    },
    {
      sku: 'TB-MK-06',
      name: 'Makroudh aux dattes 500 g',
      altNames: ['مقروض بالتمر'],
      price: 18,
      aliases: ['makroudh', 'makrouth'],
      category: 'patisserie',
    },
  ],
  settings: { facts: { deliveryZones: [{ name: 'Tunis', fee: 5, delayDays: '0' }] } },
};

const BIKE_PARTS: ShopSpec = {
  name: 'Cycles Rhône Pièces',
  currency: 'EUR',
  country: 'FR',
  products: [
    { sku: 'FR-CH-01', name: 'Chambre à air 700x25', price: 6.9, category: 'chambres' },
    { sku: 'FR-CH-02', name: 'Chambre à air 29 pouces', price: 8.5, category: 'chambres' },
    { sku: 'FR-PN-03', name: 'Pneu route 700x25 Pro', price: 39, variants: ['Noir', 'Beige'], category: 'pneus' },
    { sku: 'FR-FR-04', name: 'Plaquettes de frein disque', price: 14, category: 'freins' },
    { sku: 'FR-CS-05', name: 'Casque vélo urbain', price: 59, variants: ['S', 'M', 'L'], category: 'casques' },
    { sku: 'FR-EC-06', name: 'Éclairage LED avant 400 lumens', price: 29, category: 'eclairage' },
    { sku: 'FR-SL-07', name: 'Selle confort gel', price: 35, category: 'selles' },
  ],
};

const PHONE_REPAIR: ShopSpec = {
  name: 'Conserta Já Celulares',
  currency: 'BRL',
  products: [
    { sku: 'BR-TL-01', name: 'Troca de tela iPhone 11', price: 389, category: 'telas' },
    { sku: 'BR-TL-02', name: 'Troca de tela iPhone 13', price: 689, category: 'telas' },
    { sku: 'BR-TL-03', name: 'Troca de tela Samsung A54', price: 459, category: 'telas' },
    { sku: 'BR-BT-04', name: 'Troca de bateria iPhone 11', price: 229, category: 'baterias' },
    { sku: 'BR-CN-05', name: 'Conector de carga USB-C', price: 149, category: 'conectores' },
    { sku: 'BR-PL-06', name: 'Película de vidro 3D', price: 39, category: 'acessorios' },
    { sku: 'BR-CP-07', name: 'Capinha anti-impacto', price: 49, variants: ['preta', 'transparente', 'rosa'], category: 'acessorios' },
  ],
};

const FLORIST: ShopSpec = {
  name: 'Fioreria Bellini',
  currency: 'EUR',
  country: 'IT',
  products: [
    { sku: 'IT-FL-01', name: 'Mazzo di 12 rose rosse', price: 45, category: 'rose' },
    { sku: 'IT-FL-02', name: 'Mazzo di 24 rose rosse', price: 80, category: 'rose' },
    { sku: 'IT-FL-03', name: 'Bouquet di girasoli', price: 35, category: 'bouquet' },
    { sku: 'IT-FL-04', name: 'Orchidea bianca in vaso', price: 39, category: 'piante' },
    { sku: 'IT-FL-05', name: 'Bouquet sposa peonie', price: 120, category: 'matrimonio' },
    { sku: 'IT-FL-06', name: 'Pianta di lavanda', price: 15, category: 'piante' },
  ],
};

const CASES: Array<[string, ShopSpec, Row[]]> = [
  [
    'Moroccan furniture shop (French catalog, Arabic names)',
    FURNITURE,
    [
      { text: 'salam, chhal tabla lkbira dyal l makla?', sku: 'MF-TB-02', language: 'dz-latn' },
      { text: 'bghit table basse 90 cm, ch7al?', sku: 'MF-TB-01', language: 'dz-latn' },
      { text: 'شحال الصالون المغربي؟', sku: 'MF-SD-03', language: 'ar-dz' },
      { text: 'بكم المرآة؟', sku: 'MF-MR-07', language: 'ar' },
      { text: 'Bonjour, le pouf en cuir existe en blanc ?', sku: 'MF-PF-04', language: 'fr' },
      { text: 'how much is the brass lantern?', sku: 'MF-LP-05', language: 'en' },
      { text: 'quanto custa o tapete berbere?', sku: 'MF-TP-06', language: 'pt' },
      { text: 'quanto costa lo specchio?', sku: 'MF-MR-07', language: 'it' },
      { text: 'wach kayn zerbia?', sku: 'MF-TP-06', language: 'dz-latn' },
    ],
  ],
  [
    'Tunisian bakery',
    BAKERY,
    [
      { text: 'aslema, 9adech el baklawa bel louz?', sku: 'TB-BK-01', language: 'dz-latn' },
      { text: 'famma baklawa pistache?', sku: 'TB-BK-02', language: 'dz-latn' },
      { text: 'بقداش البقلاوة بالفستق؟', sku: 'TB-BK-02', language: 'ar-dz' },
      { text: 'Bonsoir, le gâteau chocolat 12 parts c’est combien ?', sku: 'TB-GT-04', language: 'fr' },
      { text: 'do you have a birthday cake for 8 people?', sku: 'TB-GT-03', language: 'en' },
      { text: 'هل لديكم خبز الطابونة؟', sku: 'TB-PN-05', language: 'ar' },
      { text: 'makrouth 500g b9adech?', sku: 'TB-MK-06', language: 'dz-latn' },
    ],
  ],
  [
    'French bike-parts shop',
    BIKE_PARTS,
    [
      { text: 'slt vous avez des chambres a air en 29 pouces ?', sku: 'FR-CH-02', language: 'fr' },
      { text: 'Bonjour, prix du pneu 700x25 ?', sku: 'FR-PN-03', language: 'fr' },
      { text: 'do you sell brake pads?', sku: 'FR-FR-04', language: 'en' },
      { text: 'quanto custa o capacete?', sku: 'FR-CS-05', language: 'pt' },
      { text: 'avete la sella in gel?', sku: 'FR-SL-07', language: 'it' },
      { text: 'wach 3andkom casque dyal velo?', sku: 'FR-CS-05', language: 'dz-latn' },
      { text: 'les plaquettes de frein sont dispo ?', sku: 'FR-FR-04', language: 'fr' },
    ],
  ],
  [
    'Brazilian phone repair',
    PHONE_REPAIR,
    [
      { text: 'qnt fica a troca de tela do iphone 13?', sku: 'BR-TL-02', language: 'pt' },
      { text: 'vcs trocam bateria de iphone 11?', sku: 'BR-BT-04', language: 'pt' },
      { text: 'tem capinha rosa?', sku: 'BR-CP-07', language: 'pt' },
      { text: 'how much to replace a samsung a54 screen?', sku: 'BR-TL-03', language: 'en' },
      { text: "combien coûte l'écran iphone 11 ?", sku: 'BR-TL-01', language: 'fr' },
      { text: 'ch7al tbdil l batri dyal iphone 11?', sku: 'BR-BT-04', language: 'dz-latn' },
      { text: 'بشحال الشاشة تاع ايفون 13؟', sku: 'BR-TL-02', language: 'ar-dz' },
    ],
  ],
  [
    'Italian florist',
    FLORIST,
    [
      { text: 'quanto costa il mazzo di 24 rose?', sku: 'IT-FL-02', language: 'it' },
      { text: 'avete girasoli oggi?', sku: 'IT-FL-03', language: 'it' },
      { text: 'Bonjour, combien pour 12 roses rouges ?', sku: 'IT-FL-01', language: 'fr' },
      { text: 'do you have a white orchid?', sku: 'IT-FL-04', language: 'en' },
      { text: 'quanto é o buquê de noiva?', sku: 'IT-FL-05', language: 'pt' },
      { text: 'بكم نبتة الخزامى؟', sku: 'IT-FL-06', language: 'ar' },
      { text: 'ch7al bouquet dyal l3ers?', sku: 'IT-FL-05', language: 'dz-latn' },
    ],
  ],
];

// Both ways the brain meets a catalog: core's FTS retrieval, and the in-memory finder of tests and the bench.
const MODES = CASES.flatMap(([name, spec, rows]) => [
  [`${name}, FTS retrieval`, spec, rows, true] as const,
  [`${name}, in-memory catalog`, spec, rows, false] as const,
]);

describe.each(MODES)('%s: the product named first, in the customer’s language', (_name, spec, rows, retrieval) => {
  let shop: OpenShop;
  beforeAll(async () => {
    shop = await openShop(spec, { retrieval });
  });
  afterAll(async () => {
    await shop.close();
  });
  it.each(rows)('«$text» → $sku ($language)', async (row) => {
    const customer = await shop.customer();
    const turn = await customer.say(row.text);
    expect({ sku: turn.skus[0], language: turn.language }, turn.reply).toEqual({ sku: row.sku, language: row.language });
  });
});
