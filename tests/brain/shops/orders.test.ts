import { afterEach, describe, expect, it } from 'vitest';
import { type OpenShop, type ShopSpec, openShop } from '../shop-harness';
import { BR_PHARMACY, IT_BAKERY, MA_COSMETICS, PT_BIKES, TN_ELECTRONICS } from './fixtures';

interface Step {
  say: string;
  /** Each a regex the reply must match (or, prefixed !, must not). */
  reply?: (RegExp | `!${string}`)[];
  language?: string;
  orderAction?: string;
  escalate?: boolean;
  skus?: string[];
}

interface Conversation {
  name: string;
  shop: ShopSpec;
  steps: Step[];
  /** The order row the conversation must end in (null: none). */
  order: { customerName: string; phone: string; wilaya: string; total: number; items: [string, number, string | null][] } | null;
}

/**
 * Whole order conversations on shops nobody on the team has seen, written the way customers
 * write: every reply passes the guardrails, the language stays with the customer, and the order
 * row is exactly what was agreed.
 */
const CONVERSATIONS: Conversation[] = [
  {
    name: 'Moroccan Darija (Latin), a tie between two bottles, a count as a correction, everything in one message',
    shop: MA_COSMETICS,
    steps: [
      { say: 'slm 3ndkom zit argan?', reply: [/120 DH/, /70 DH/, /dyal/, '!ta3 '], skus: ['ZB-ARG-100', 'ZB-ARG-50'] },
      { say: 'bghit dyal 100 ml', orderAction: 'start', reply: [/nemra dyalek/, /l mdina/] },
      { say: '3tini 2' },
      { say: 'smiti Salma Bennani, 06 61 22 33 44, hay hassani casa', reply: [/240 DH/, /20 DH/, /260 DH/, /0661223344/] },
      { say: 'wakha', orderAction: 'confirm', language: 'dz-latn' },
    ],
    order: { customerName: 'Salma Bennani', phone: '0661223344', wilaya: 'Casablanca', total: 260, items: [['ZB-ARG-100', 2, null]] },
  },
  {
    name: 'Moroccan Darija (Arabic script), a city glued to its preposition, a city without its own zone',
    shop: MA_COSMETICS,
    steps: [
      { say: 'سلام عندكم صابون بلدي؟', reply: [/35/] },
      { say: 'بغيت جوج', orderAction: 'start' },
      { say: 'سميتي خديجة، 0661223344، فمراكش حي المسيرة زنقة 5', reply: [/70/, /45/, /115/] },
      { say: 'واخا', orderAction: 'confirm' },
    ],
    order: { customerName: 'خديجة', phone: '0661223344', wilaya: 'Marrakech', total: 115, items: [['ZB-SAV', 2, null]] },
  },
  {
    name: 'Tunisian Darija: two chargers, a wattage decides, details in one go, the address names another city',
    shop: TN_ELECTRONICS,
    steps: [
      { say: 'aslema, 9adech el chargeur?', reply: [/39 DT/, /89 DT/, /mta3/] },
      { say: 'n7eb el 65W, esmi Sami Trabelsi, 98 123 456, sfax route de tunis km 4', reply: [/89 DT/, /5 DT/, /94 DT/] },
      { say: 'ey', orderAction: 'confirm' },
    ],
    order: { customerName: 'Sami Trabelsi', phone: '98123456', wilaya: 'Sfax', total: 94, items: [['SM-CHG-65', 1, null]] },
  },
  {
    name: 'Tunisian: a false price is corrected, a colour in Darija picks the variant, two items at once',
    shop: TN_ELECTRONICS,
    steps: [
      { say: 'el power bank b 40 dt s7i7?', reply: [/75 DT/, '!40', '!Ey mawjoud'] },
      { say: 'n7eb zouz kitman k7al w cable', orderAction: 'start', skus: ['SM-EAR', 'SM-CAB'] },
      { say: 'Hela Ben Salah 20 123 456 sousse cite erriadh rue 12', reply: [/238 DT/, /19 DT/, /266 DT/] },
      { say: 'behi ey', orderAction: 'confirm' },
    ],
    order: {
      customerName: 'Hela Ben Salah',
      phone: '20123456',
      wilaya: 'Sousse',
      total: 266,
      items: [
        ['SM-EAR', 2, 'Noir'],
        ['SM-CAB', 1, null],
      ],
    },
  },
  {
    name: 'Italian bakery: a size with its own price, a delivery question mid-order, a city that is not a zone is not taken',
    shop: IT_BAKERY,
    steps: [
      { say: 'buongiorno! quanto costa la torta tiramisù?', reply: [/28 €/] },
      { say: 'la prendo per 10 persone', orderAction: 'start', reply: [/42 €/] },
      { say: 'mi chiamo Giulia Rossi' },
      { say: 'ma voi consegnate anche a Milano?', escalate: true, reply: ['!Milano, via'] },
      { say: 'ok. 347 123 4567, via Indipendenza 12 Bologna', reply: [/42 €/, /4 €/, /46 €/] },
      { say: 'si confermo', orderAction: 'confirm', language: 'it' },
    ],
    order: { customerName: 'Giulia Rossi', phone: '3471234567', wilaya: 'Bologna', total: 46, items: [['FB-TIR', 1, '10 persone']] },
  },
  {
    name: 'Portuguese bike shop: a colour it does not come in, then the customer picks another, name after a filler',
    shop: PT_BIKES,
    steps: [
      { say: 'ola, tem capacete azul?', reply: [/não vem em azul/, /Preto/, /39 €/, '!^Sim'] },
      { say: 'quero 2 vermelhos', orderAction: 'start' },
      { say: 'sou o Rui Costa 912345678 rua de santa catarina 200 porto', reply: [/78 €/, /5 €/, /83 €/] },
      { say: 'quanto tempo demora a entrega?', reply: [/1 dia|1 dias/, /Posso confirmar/] },
      { say: 'sim', orderAction: 'confirm' },
    ],
    order: { customerName: 'Rui Costa', phone: '912345678', wilaya: 'Porto', total: 83, items: [['PN-CAP', 2, 'Vermelho']] },
  },
  {
    name: 'Brazilian pharmacy: two prices at once, two items with their own counts, a surname that is a town, BH for Belo Horizonte',
    shop: BR_PHARMACY,
    steps: [
      { say: 'boa tarde quanto ta o protetor fps 50 e a vitamina c?', reply: [/59,90/, /18,50/], skus: ['VB-PRO-50', 'VB-VITC'] },
      { say: 'quero 2 protetor fps 50 e 1 shampoo anticaspa', orderAction: 'start' },
      { say: 'Ana Souza 31 98877 6655 Rua da Bahia 1200 BH', reply: [/151,80/, /8,00/, /159,80/] },
      { say: 'pode confirmar', orderAction: 'confirm', language: 'pt' },
    ],
    order: {
      customerName: 'Ana Souza',
      phone: '31988776655',
      wilaya: 'Belo Horizonte',
      total: 159.8,
      items: [
        ['VB-PRO-50', 2, null],
        ['VB-SHA', 1, null],
      ],
    },
  },
  {
    name: 'Brazilian pharmacy: a city outside the listed zones falls into the catch-all zone',
    shop: BR_PHARMACY,
    steps: [
      { say: 'oi, quero 1 vitamina c', orderAction: 'start', language: 'pt' },
      { say: 'Carla Dias 11 91234 5678 Av Paulista 1000 Sao Paulo', reply: [/18,50/, /25,00/, /43,50/] },
      { say: 'sim', orderAction: 'confirm' },
    ],
    order: { customerName: 'Carla Dias', phone: '11912345678', wilaya: 'São Paulo', total: 43.5, items: [['VB-VITC', 1, null]] },
  },
];

let shop: OpenShop | undefined;
afterEach(async () => {
  await shop?.close();
  shop = undefined;
});

function checkReply(reply: string, expected: Step['reply'] = []): void {
  for (const e of expected) {
    if (typeof e === 'string') expect(reply).not.toMatch(new RegExp(e.slice(1)));
    else expect(reply).toMatch(e);
  }
}

describe('order conversations on shops the bot has never seen (offline brain, real SQLite orders)', () => {
  it.each(CONVERSATIONS)('$name', async ({ shop: spec, steps, order }) => {
    shop = await openShop(spec);
    const customer = await shop.customer();
    for (const step of steps) {
      const turn = await customer.say(step.say);
      const where = `after "${step.say}" the bot said "${turn.reply}"`;
      expect(
        turn.violations.map((v) => `${v.kind}: ${v.detail}`),
        where,
      ).toEqual([]);
      checkReply(turn.reply, step.reply);
      if (step.language) expect(turn.language, where).toBe(step.language);
      if (step.orderAction) expect(turn.orderAction, where).toBe(step.orderAction);
      if (step.escalate !== undefined) expect(turn.escalate, where).toBe(step.escalate);
      if (step.skus) expect(turn.skus, where).toEqual(step.skus);
    }
    const orders = await shop.orders();
    if (!order) return expect(orders).toEqual([]);
    expect(orders).toHaveLength(1);
    const [row] = orders;
    expect(row).toMatchObject({ customerName: order.customerName, phone: order.phone, wilaya: order.wilaya, total: order.total });
    expect(row?.items.map((i) => [i.sku, i.quantity, i.variant])).toEqual(order.items);
  });
});
