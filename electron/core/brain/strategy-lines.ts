import type { Product } from '../../../shared/domain/catalog';
import type { Strategy } from '../../../shared/domain/learning';
import type { CustomerLanguage } from '../../../shared/domain/schemas';
import type { ShopSettings } from '../../../shared/domain/settings';
import type { Dialect } from '../../../shared/domain/country';
import { type LineVoice, lineVoice } from './line-voice';

/**
 * What each strategy adds to the offline brain's answer about a product, per language. Only
 * facts the store backs: scarcity names the real stock (and only when it is limited and low),
 * rational names cash on delivery only when the shop takes it; the others claim nothing.
 */
interface StrategyLines {
  consultative: string;
  /** {stock}: real units left. */
  scarcity: string;
  emotional: string;
  rational: string;
}

const LINES: Record<LineVoice, StrategyLines> = {
  'dz-latn': {
    consultative: 'Bghitih lik wla cadeau? Nansa7ek 3la hsab wach t7taj.',
    scarcity: 'Ma b9awch bezzaf: {stock} ghir.',
    emotional: 'Ya3jbek bezzaf, khtiyar chbab 😍',
    rational: 'Tkhalles ki tousal, tchouf l produit 9bel.',
  },
  'ar-dz': {
    consultative: 'حابو ليك ولا كادو؟ ننصحك على حساب واش تحتاج.',
    scarcity: 'ما بقاوش بزاف: {stock} برك.',
    emotional: 'يعجبك بزاف، اختيار شباب 😍',
    rational: 'تخلص كي يوصلك، تشوف المنتوج قبل.',
  },
  'ma-latn': {
    consultative: 'Bghitih lik wla hdiya? Nnse7ek 3la 7sab chno khassek.',
    scarcity: 'Ma b9awch bzaf: ghir {stock}.',
    emotional: 'Ghadi y3jbek bzaf, khtiyar zwin 😍',
    rational: 'Katkhless mli katwslek, katchouf l produit 9bel.',
  },
  'ar-ma': {
    consultative: 'بغيتيه ليك ولا هدية؟ ننصحك على حساب شنو خاصك.',
    scarcity: 'ما بقاوش بزاف: غير {stock}.',
    emotional: 'غادي يعجبك بزاف، اختيار زوين 😍',
    rational: 'كتخلص ملي كيوصلك، كتشوف المنتوج قبل.',
  },
  'tn-latn': {
    consultative: 'T7ebou lik walla cadeau? Nnas7ek 3la 7sab chnowa t7eb.',
    scarcity: 'Ma b9ach barcha: {stock} bark.',
    emotional: 'Bech y3ajbek barcha, ikhtiyar mezyen 😍',
    rational: 'Tkhalles kif youslek, tetthabbet fel produit 9bal.',
  },
  'ar-tn': {
    consultative: 'تحبو ليك ولا كادو؟ ننصحك على حساب شنوة تحب.',
    scarcity: 'ما بقاش برشا: {stock} برك.',
    emotional: 'باش يعجبك برشا، اختيار مزيان 😍',
    rational: 'تخلص كيف يوصلك، تتثبت في المنتوج قبل.',
  },
  ar: {
    consultative: 'هل هو لك أم هدية؟ أنصحك حسب ما تحتاجه.',
    scarcity: 'الكمية محدودة: بقي {stock} فقط.',
    emotional: 'اختيار رائع، سيعجبك كثيرًا 😍',
    rational: 'الدفع عند الاستلام، تتحقق من المنتج قبل الدفع.',
  },
  fr: {
    consultative: "C'est pour vous ou pour offrir ? Je vous conseille selon votre besoin.",
    scarcity: 'Stock limité : plus que {stock}.',
    emotional: 'Un très beau choix, vous allez l’adorer 😍',
    rational: 'Paiement à la livraison : vous vérifiez avant de payer.',
  },
  en: {
    consultative: 'Is it for you or a gift? I can advise you on what fits best.',
    scarcity: 'Limited stock: only {stock} left.',
    emotional: 'A lovely choice, you will love it 😍',
    rational: 'Cash on delivery: you check it before you pay.',
  },
  pt: {
    consultative: 'É para você ou para presente? Posso te aconselhar.',
    scarcity: 'Estoque limitado: só restam {stock}.',
    emotional: 'Uma ótima escolha, você vai adorar 😍',
    rational: 'Pagamento na entrega: você confere antes de pagar.',
  },
  it: {
    consultative: 'È per te o un regalo? Ti consiglio in base a cosa ti serve.',
    scarcity: 'Scorte limitate: ne restano solo {stock}.',
    emotional: 'Una scelta bellissima, ti piacerà tanto 😍',
    rational: 'Pagamento alla consegna: controlli prima di pagare.',
  },
};

/** Stock at or below this is worth telling the customer about. */
const SCARCE_STOCK = 10;
export const backsScarcity = (p: Pick<Product, 'stock'>): boolean => p.stock !== null && p.stock > 0 && p.stock <= SCARCE_STOCK;

/** The strategy's sentence for an answer about `product`, or null when the store does not back it. */
export function strategyLine(
  strategy: Strategy,
  language: CustomerLanguage,
  product: Pick<Product, 'stock'>,
  settings: ShopSettings,
  dialect: Dialect = 'dz',
): string | null {
  const lines = LINES[lineVoice(language, dialect)];
  switch (strategy) {
    case 'scarcity':
      return backsScarcity(product) ? lines.scarcity.replace('{stock}', String(product.stock)) : null;
    case 'rational':
      return settings.facts.paymentMethods.includes('cash_on_delivery') ? lines.rational : null;
    default:
      return lines[strategy];
  }
}

/** Answers a strategy may add to: about a product, not escalated, no order being taken. */
const ADDS_TO = new Set(['price_question', 'availability']);

/**
 * The offline brain's hook: one strategy sentence after a product answer. Scarcity adds nothing
 * when the closer already said the stock (its urgency line).
 */
export async function applyStrategy(
  draft: { parts: string[]; intent: string; escalate: boolean; salesAction: string; skus: string[] },
  strategy: Strategy | null | undefined,
  ctx: {
    language: CustomerLanguage;
    /** The shop's Darija (by its country): Moroccan and Tunisian customers read their own. */
    dialect?: Dialect;
    settings: ShopSettings;
    bySku(sku: string): Promise<Pick<Product, 'stock'> | null>;
  },
): Promise<void> {
  if (!strategy || draft.escalate || !ADDS_TO.has(draft.intent) || draft.salesAction === 'checkout') return;
  if (strategy === 'scarcity' && draft.salesAction === 'urgency') return;
  const sku = draft.skus[0];
  const product = sku ? await ctx.bySku(sku) : null;
  if (!product) return;
  const line = strategyLine(strategy, ctx.language, product, ctx.settings, ctx.dialect);
  if (line) draft.parts.push(line);
}

/** The same strategies told to the LLM (the system prompt's sales settings). */
const PROMPT: Record<Strategy, string> = {
  consultative: 'Ask one question about what the customer needs (for whom, which use, which size) and advise from the catalog rows.',
  scarcity: 'When a product in the rows has a low stock number, say how many are left (the exact number); never invent scarcity.',
  emotional: 'Speak to how the customer will feel with the product (a warm, personal tone); claim no numbers or reviews.',
  rational: 'Give the concrete facts: price, what is included, payment and delivery terms from SHOP FACTS.',
};

export const strategyPrompt = (strategy: Strategy | null | undefined): string =>
  strategy ? `Strategy for this customer: ${strategy}. ${PROMPT[strategy]}` : 'Strategy for this customer: consultative.';
