import type { ShopSpec } from '../shop-harness';

/** Argan oil, black soap and lipsticks from Marrakech; prices in dirhams, no country set (derived: MA). */
export const MA_COSMETICS: ShopSpec = {
  name: 'Zahra Beauté',
  currency: 'MAD',
  products: [
    {
      sku: 'ZB-ARG-100',
      name: "Huile d'argan bio 100 ml",
      price: 120,
      category: 'Soins',
      aliases: ['zit argan', 'زيت أركان'],
      description: 'Huile pure pressée à froid, Essaouira.',
    },
    {
      sku: 'ZB-ARG-50',
      name: "Huile d'argan bio 50 ml",
      price: 70,
      category: 'Soins',
      aliases: ['zit argan', 'زيت أركان'],
      description: 'Format voyage.',
    },
    { sku: 'ZB-SAV', name: 'Savon noir beldi eucalyptus', price: 35, category: 'Hammam', aliases: ['sabon beldi', 'صابون بلدي'] },
    { sku: 'ZB-GHA', name: 'Ghassoul de l’Atlas 200 g', price: 40, category: 'Hammam', aliases: ['ghassoul', 'غاسول'] },
    {
      sku: 'ZB-RAL',
      name: 'Rouge à lèvres mat',
      price: 89,
      category: 'Maquillage',
      variants: ['Rouge', 'Nude', 'Rose'],
      description: 'Tenue 12 h.',
    },
    { sku: 'ZB-CRE', name: 'Crème de nuit à la rose de Kelâa', price: 150, category: 'Soins', stock: 0 },
  ],
  settings: {
    facts: {
      timeZone: 'Africa/Casablanca',
      deliveryZones: [
        { name: 'Casablanca', fee: 20, delayDays: '1' },
        { name: 'Rabat', fee: 30, delayDays: '1-2' },
        { name: 'Autres villes', fee: 45, delayDays: '2-4' },
      ],
      paymentMethods: ['cash_on_delivery'],
    },
  },
};

/** Phone accessories in Sfax; dinars; country set by the seller. */
export const TN_ELECTRONICS: ShopSpec = {
  name: 'Sfax Mobile Store',
  currency: 'TND',
  country: 'TN',
  products: [
    { sku: 'SM-CHG-25', name: 'Chargeur rapide 25W USB-C', price: 39, category: 'Chargeurs', aliases: ['chargeur', 'charjour', 'شاحن'] },
    { sku: 'SM-CHG-65', name: 'Chargeur rapide 65W GaN', price: 89, category: 'Chargeurs', aliases: ['chargeur', 'شاحن'] },
    {
      sku: 'SM-EAR',
      name: 'Écouteurs sans fil Pro',
      price: 119,
      category: 'Audio',
      variants: ['Noir', 'Blanc'],
      aliases: ['kitman', 'écouteurs', 'سماعات'],
    },
    { sku: 'SM-CAB', name: 'Câble USB-C tressé 2 m', price: 19, category: 'Câbles' },
    { sku: 'SM-PB', name: 'Power bank 20000 mAh', price: 75, category: 'Batteries', aliases: ['batterie externe', 'powerbank'] },
  ],
  settings: {
    facts: {
      timeZone: 'Africa/Tunis',
      deliveryZones: [
        { name: 'Sfax', fee: 5, delayDays: '1' },
        { name: 'Tunis', fee: 8, delayDays: '2' },
        { name: 'Autres', fee: 9, delayDays: '2-3' },
      ],
    },
  },
};

/** A bakery in Bologna: cakes by size, euros, Italian customers. */
export const IT_BAKERY: ShopSpec = {
  name: 'Forno Bianchi',
  currency: 'EUR',
  products: [
    {
      sku: 'FB-TIR',
      name: 'Torta tiramisù',
      price: 28,
      category: 'Torte',
      variants: [
        { name: '6 persone', price: 28 },
        { name: '10 persone', price: 42 },
      ],
    },
    { sku: 'FB-CRO', name: 'Cornetti alla crema (scatola da 6)', price: 9, category: 'Colazione', aliases: ['cornetti', 'brioche'] },
    { sku: 'FB-PAN', name: 'Panettone artigianale 1 kg', price: 32, category: 'Lievitati', aliases: ['panettone'] },
    { sku: 'FB-CAN', name: 'Cannoli siciliani (6 pezzi)', price: 15, category: 'Pasticceria', aliases: ['cannoli'] },
  ],
  settings: {
    facts: {
      timeZone: 'Europe/Rome',
      deliveryZones: [
        { name: 'Bologna', fee: 4, delayDays: '1' },
        { name: 'Modena', fee: 7, delayDays: '1' },
      ],
      paymentMethods: ['cash_on_delivery', 'card'],
    },
  },
};

/** Bikes and parts in Porto; euros, Portuguese customers. */
export const PT_BIKES: ShopSpec = {
  name: 'Pedal Norte',
  currency: 'EUR',
  products: [
    {
      sku: 'PN-BTT-29',
      name: 'Bicicleta BTT 29"',
      price: 459,
      category: 'Bicicletas',
      variants: ['S', 'M', 'L'],
      aliases: ['btt', 'bike de montanha'],
    },
    {
      sku: 'PN-CAP',
      name: 'Capacete urbano',
      price: 39,
      category: 'Acessórios',
      variants: ['Preto', 'Branco', 'Vermelho'],
      aliases: ['capacete'],
    },
    { sku: 'PN-LUZ', name: 'Kit luzes LED recarregáveis', price: 24, category: 'Acessórios', aliases: ['luzes'] },
    { sku: 'PN-CAM', name: 'Câmara de ar 29', price: 7, category: 'Peças', aliases: ['camara de ar'] },
  ],
  settings: {
    facts: {
      timeZone: 'Europe/Lisbon',
      deliveryZones: [
        { name: 'Porto', fee: 5, delayDays: '1' },
        { name: 'Lisboa', fee: 9, delayDays: '2' },
        { name: 'Resto do país', fee: 12, delayDays: '2-4' },
      ],
    },
  },
};

/** A pharmacy-parapharmacy in Belo Horizonte; reais. */
export const BR_PHARMACY: ShopSpec = {
  name: 'Farmácia Vida Boa',
  currency: 'BRL',
  products: [
    {
      sku: 'VB-PRO-50',
      name: 'Protetor solar FPS 50 200 ml',
      price: 59.9,
      category: 'Dermocosméticos',
      aliases: ['protetor', 'filtro solar'],
    },
    {
      sku: 'VB-PRO-30',
      name: 'Protetor solar FPS 30 120 ml',
      price: 39.9,
      category: 'Dermocosméticos',
      aliases: ['protetor', 'filtro solar'],
    },
    { sku: 'VB-VITC', name: 'Vitamina C 1 g efervescente (10 comprimidos)', price: 18.5, category: 'Vitaminas', aliases: ['vitamina c'] },
    { sku: 'VB-SHA', name: 'Shampoo anticaspa 400 ml', price: 32, category: 'Cabelos' },
    { sku: 'VB-FRA', name: 'Fralda infantil', price: 64.9, category: 'Bebê', variants: ['P', 'M', 'G', 'XG'], aliases: ['fraldas'] },
  ],
  settings: {
    facts: {
      timeZone: 'America/Sao_Paulo',
      deliveryZones: [
        { name: 'Belo Horizonte', fee: 8, delayDays: '1' },
        { name: 'Contagem', fee: 12, delayDays: '1-2' },
        { name: 'Outras cidades', fee: 25, delayDays: '3-5' },
      ],
      paymentMethods: ['cash_on_delivery', 'pix'],
    },
  },
};
