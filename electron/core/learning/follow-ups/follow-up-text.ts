import type { Product } from '../../../../shared/domain/catalog';
import type { CustomerLanguage } from '../../../../shared/domain/schemas';
import { nameFor, formatMoney } from '../../brain';
import type { Dialect } from '../../../../shared/domain/country';
import { type LineVoice, lineVoice } from '../../brain';

interface Lines {
  /** {name} {price}: the product and its real price. */
  opening: string;
  /** {stock}: only when stock is limited. */
  stock: string;
  /** {percent} {price}: the discounted price. */
  discount: string;
  ask: string;
}

/** One line set per language and script the customers write in, and per Darija (Algerian, Moroccan, Tunisian). */
const LINES: Record<LineVoice, Lines> = {
  'dz-latn': {
    opening: 'Salam! Mazal rak mhtam b {name} ({price})?',
    stock: 'Mazal {stock} fel stock.',
    discount: 'Ndirlek -{percent}%: {price} ghir lik.',
    ask: 'N7jzhalek? Ab3atli smitek, num w l3onwan.',
  },
  'ar-dz': {
    opening: 'السلام! مازال راك مهتم بـ {name} ({price})؟',
    stock: 'مازال {stock} في الستوك.',
    discount: 'نديرلك -{percent}%: {price} غير ليك.',
    ask: 'نحجزهالك؟ ابعتلي سميتك، النمرة والعنوان.',
  },
  'ma-latn': {
    opening: 'Salam! Wach mazal bghiti {name} ({price})?',
    stock: 'Ba9i ghir {stock} f stock.',
    discount: 'Ndir lik -{percent}%: {price} ghir lik.',
    ask: 'Nkhalliha lik? Sift lia smitek, nemra dyalek w l3onwan.',
  },
  'ar-ma': {
    opening: 'السلام! واش مازال بغيتي {name} ({price})؟',
    stock: 'باقي غير {stock} ف الستوك.',
    discount: 'ندير ليك -{percent}%: {price} غير ليك.',
    ask: 'نخليها ليك؟ صيفط ليا سميتك، النمرة ديالك والعنوان.',
  },
  'tn-latn': {
    opening: '3aslema! Mazelt t7eb {name} ({price})?',
    stock: 'Mazel {stock} bark fel stock.',
    discount: 'Na3mlek -{percent}%: {price} lik enti.',
    ask: 'N7otholek? Ab3athli esmek, noumrou w l3onwen.',
  },
  'ar-tn': {
    opening: 'عسلامة! مازلت تحب {name} ({price})؟',
    stock: 'مازال {stock} برك في الستوك.',
    discount: 'نعملك -{percent}%: {price} ليك إنتي.',
    ask: 'نحطهولك؟ ابعثلي اسمك، النومرو والعنوان.',
  },
  ar: {
    opening: 'مرحبًا! هل ما زلت مهتمًا بـ {name} ({price})؟',
    stock: 'بقي {stock} في المخزون.',
    discount: 'يمكنني أن أقدم لك خصم {percent}%: {price}.',
    ask: 'هل أحجزه لك؟ أرسل لي اسمك ورقمك وعنوانك.',
  },
  fr: {
    opening: 'Bonjour ! Vous êtes toujours intéressé(e) par {name} ({price}) ?',
    stock: 'Il en reste {stock} en stock.',
    discount: 'Je peux vous faire -{percent} % : {price}.',
    ask: 'Je vous le réserve ? Envoyez-moi votre nom, téléphone et adresse.',
  },
  en: {
    opening: 'Hi! Are you still interested in {name} ({price})?',
    stock: '{stock} left in stock.',
    discount: 'I can do {percent}% off: {price}.',
    ask: 'Shall I reserve it for you? Send me your name, phone and address.',
  },
  pt: {
    opening: 'Olá! Ainda tem interesse em {name} ({price})?',
    stock: 'Restam {stock} em estoque.',
    discount: 'Posso fazer {percent}% de desconto: {price}.',
    ask: 'Quer que eu reserve? Mande seu nome, telefone e endereço.',
  },
  it: {
    opening: 'Ciao! Ti interessa ancora {name} ({price})?',
    stock: 'Ne restano {stock} in magazzino.',
    discount: 'Posso farti il {percent}% di sconto: {price}.',
    ask: 'Te lo prenoto? Mandami nome, telefono e indirizzo.',
  },
};

const fill = (template: string, vars: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in vars ? String(vars[key]) : whole));

/** Stock shown only when it is limited and low enough to matter to the customer. */
const SHOW_STOCK_BELOW = 20;

/**
 * The abandoned-cart message: the product by the name this customer reads, its real price and
 * stock, and a discount only when the seller allows one (never above their maximum).
 */
export function followUpText(
  product: Pick<Product, 'name' | 'altNames' | 'price' | 'currency' | 'stock'>,
  language: CustomerLanguage,
  discountPercent: number,
  dialect: Dialect = 'dz',
): string {
  const l = LINES[lineVoice(language, dialect)];
  const parts = [fill(l.opening, { name: nameFor(product, language), price: formatMoney(product.price, product.currency, language) })];
  if (product.stock !== null && product.stock < SHOW_STOCK_BELOW) parts.push(fill(l.stock, { stock: product.stock }));
  if (discountPercent > 0) {
    const discounted = Math.round(product.price * (100 - discountPercent)) / 100;
    parts.push(fill(l.discount, { percent: discountPercent, price: formatMoney(discounted, product.currency, language) }));
  }
  parts.push(l.ask);
  return parts.join(' ');
}

/** A small discount within the seller's maximum: half of it, at most 10 %, whole percents. */
export const followUpDiscount = (maxDiscountPercent: number): number => Math.min(10, Math.floor(maxDiscountPercent / 2));
