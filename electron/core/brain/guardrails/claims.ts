import { isCatchAllZone } from '../offline/delivery';
import type { Violation } from '../../../../shared/domain/guardrails';
import type { ShopFacts } from '../../../../shared/domain/settings';
import type { z } from 'zod';
import { EVERYWHERE, WILAYAS, spellingsOf } from './places';
import { clauses, fold, hasWord, isNegated, lexicon } from './text';

type Facts = z.output<typeof ShopFacts>;

/**
 * Payment methods by canonical id. The seller's free-text list is read through the same lexicon,
 * so "CCP / BaridiMob" in the facts allows both. `generic` words only count in a payment clause.
 */
const PAYMENT_METHODS: ReadonlyArray<{ id: string; words: string[]; generic?: boolean }> = [
  {
    id: 'cash_on_delivery',
    words: [
      'cash on delivery',
      'cod',
      'a la livraison',
      'paiement a la livraison',
      'cash_on_delivery',
      'en especes',
      'cash',
      'عند الاستلام',
      'الدفع عند',
      'khlas 3and',
      'pagamento na entrega',
      'na entrega',
      'contra reembolso',
      'contrassegno',
    ],
  },
  {
    id: 'card',
    generic: true,
    words: [
      'carte bancaire',
      'carte de credit',
      'credit card',
      'debit card',
      'card',
      'carte',
      'cartao',
      'cartao de credito',
      'visa',
      'mastercard',
      'بطاقه',
      'بطاقه بنكيه',
      'carta di credito',
    ],
  },
  { id: 'cib_edahabia', words: ['cib', 'edahabia', 'dahabia', 'الذهبيه', 'carte dahabia'] },
  {
    id: 'bank_transfer',
    generic: true,
    words: ['virement', 'bank transfer', 'wire transfer', 'transfer', 'transferencia', 'ted', 'doc', 'bonifico', 'تحويل بنكي', 'تحويل'],
  },
  { id: 'ccp', words: ['ccp', 'حساب بريدي', 'الحساب البريدي', 'compte ccp'] },
  { id: 'baridimob', words: ['baridimob', 'baridi mob', 'بريدي موب'] },
  { id: 'paypal', words: ['paypal'] },
  { id: 'pix', words: ['pix'] },
  { id: 'boleto', words: ['boleto'] },
  { id: 'crypto', words: ['crypto', 'bitcoin', 'btc', 'usdt', 'ethereum'] },
  {
    id: 'installments',
    words: [
      'installments',
      'en plusieurs fois',
      'paiement en plusieurs',
      'parcelado',
      'parcelas',
      'parcele',
      'sem juros',
      'تقسيط',
      'بالتقسيط',
      'a rate',
    ],
  },
];

const PAYMENT_CUE = lexicon([
  'pay',
  'payer',
  'paiement',
  'payment',
  'pagamento',
  'pagar',
  'pague',
  'paga',
  'دفع',
  'الدفع',
  'تدفع',
  'خلاص',
  'khlas',
  'accept',
  'accepte',
  'acceptons',
  'aceitamos',
  'aceita',
  'نقبل',
  'par',
  'by',
  'via',
  'with',
  'com',
  'avec',
  'regler',
  'reglement',
]);

const PAYMENT_LEXICONS = PAYMENT_METHODS.map((m) => ({ id: m.id, generic: m.generic ?? false, words: lexicon(m.words) }));

function paymentIdsIn(folded: string): Array<{ id: string; word: string; generic: boolean }> {
  const out: Array<{ id: string; word: string; generic: boolean }> = [];
  for (const method of PAYMENT_LEXICONS) {
    const word = method.words.find(folded);
    if (word) out.push({ id: method.id, word, generic: method.generic });
  }
  return out;
}

function allowedPayments(facts: Facts): Set<string> {
  const allowed = new Set<string>();
  for (const method of facts.paymentMethods) {
    const folded = fold(method.replace(/_/g, ' '));
    const ids = paymentIdsIn(folded).map((m) => m.id);
    if (ids.length === 0) allowed.add(folded.trim());
    for (const id of ids) allowed.add(id);
    if (folded.includes('cash on delivery') || method === 'cash_on_delivery') allowed.add('cash_on_delivery');
  }
  return allowed;
}

function checkPayments(reply: string, facts: Facts): Violation[] {
  const allowed = allowedPayments(facts);
  const violations: Violation[] = [];
  for (const clause of clauses(reply)) {
    const folded = fold(clause);
    if (isNegated(folded)) continue;
    const isPaymentClause = PAYMENT_CUE.has(folded);
    for (const mention of paymentIdsIn(folded)) {
      if (allowed.has(mention.id) || (mention.generic && !isPaymentClause)) continue;
      violations.push({
        kind: 'unsupported_payment',
        detail: `The reply offers payment by "${mention.word}", which the shop facts do not list.`,
        fragment: clause,
      });
    }
  }
  return violations;
}

const DELIVERY_CUES = [
  'livr',
  'deliver',
  'delivery',
  'ship',
  'shipping',
  'entrega',
  'entregamos',
  'envio',
  'enviamos',
  'frete',
  'expedi',
  'expedition',
  'consegna',
  'spedizione',
  'توصيل',
  'نوصل',
  'نوصلو',
  'التوصيل',
  'الشحن',
  'شحن',
  'twsil',
  'tawsil',
  'nwaslo',
  'nwasslo',
  'nwesslo',
];
const FREE_WORDS = lexicon([
  'gratuit',
  'gratuite',
  'offerte',
  'offert',
  'free',
  'gratis',
  'gratuito',
  'gratuita',
  'مجاني',
  'مجانا',
  'بلاش',
  'batel',
  'bla drahem',
]);

const DELIVERY_CUES_FOLDED = DELIVERY_CUES.map(fold);
const EVERYWHERE_LEXICON = lexicon(EVERYWHERE);
const WILAYA_LEXICON = lexicon(WILAYAS);

/** Substring match on purpose: "livr" covers livraison, livrons, livré. */
function deliveryClause(folded: string): boolean {
  return DELIVERY_CUES_FOLDED.some((cue) => folded.includes(cue));
}

function zoneCovers(facts: Facts, place: string): boolean {
  const spellings = spellingsOf(place, fold);
  return facts.deliveryZones.some((z) => {
    const name = fold(z.name);
    return spellings.some((s) => hasWord(name, s) || hasWord(s, name)) || EVERYWHERE_LEXICON.has(name);
  });
}

export function checkDelivery(reply: string, facts: Facts): Violation[] {
  const violations: Violation[] = [];
  // A catch-all zone ("Autres wilayas", "Outras cidades") is the seller's word that every other place is delivered to.
  const everywhereAllowed =
    facts.deliveryZones.length >= 40 || facts.deliveryZones.some((z) => EVERYWHERE_LEXICON.has(fold(z.name)) || isCatchAllZone(z.name));
  for (const clause of clauses(reply)) {
    const folded = fold(clause);
    if (!deliveryClause(folded) || isNegated(folded)) continue;
    const free = FREE_WORDS.find(folded);
    if (free && !facts.deliveryZones.some((z) => z.fee === 0)) {
      violations.push({
        kind: 'unsupported_delivery',
        detail: 'The reply promises free delivery; no delivery zone in the shop facts is free.',
        fragment: clause,
      });
    }
    const everywhere = EVERYWHERE_LEXICON.find(folded);
    if (everywhere && !everywhereAllowed) {
      violations.push({
        kind: 'unsupported_delivery',
        detail: `The reply promises delivery "${everywhere}"; the shop facts list only some zones.`,
        fragment: clause,
      });
    }
    const place = WILAYA_LEXICON.find(folded);
    // With no zones listed the seller has not limited delivery: naming the customer's city (an
    // order summary) promises nothing. With zones listed, a place outside them is a false promise.
    if (place && facts.deliveryZones.length > 0 && !everywhereAllowed && !zoneCovers(facts, place)) {
      violations.push({
        kind: 'unsupported_delivery',
        detail: `The reply promises delivery to ${place}, which is not a delivery zone in the shop facts.`,
        fragment: clause,
      });
    }
  }
  return violations;
}

const RETURN_WORDS: ReadonlyArray<{ topic: 'refund' | 'exchange' | 'return'; words: string[] }> = [
  {
    topic: 'refund',
    words: [
      'refund',
      'refunded',
      'money back',
      'rembourse',
      'remboursement',
      'rembourser',
      'remboursons',
      'reembolso',
      'reembolsamos',
      'reembolsar',
      'dinheiro de volta',
      'rimborso',
      'استرجاع المال',
      'استرداد',
      'نرجعولك الدراهم',
      'نرجعلك دراهمك',
    ],
  },
  {
    topic: 'exchange',
    words: [
      'exchange',
      'echange',
      'echanger',
      'echangeons',
      'troca',
      'trocar',
      'trocamos',
      'cambio',
      'استبدال',
      'تبديل',
      'نبدلولك',
      'nbedlolek',
      'nbadlou',
    ],
  },
  {
    topic: 'return',
    words: [
      'return',
      'returns',
      'retour',
      'retourner',
      'retours',
      'devolucao',
      'devolver',
      'reso',
      'إرجاع',
      'ارجاع',
      'ترجيع',
      'ترجعها',
      'terja3ha',
    ],
  },
];
const PROMISE_CUE = lexicon([
  'can',
  'could',
  'possible',
  'accept',
  'accepted',
  'free',
  'guarantee',
  'guaranteed',
  'allowed',
  'pouvez',
  'peux',
  'possible',
  'acceptons',
  'accepte',
  'gratuit',
  'gratuite',
  'garanti',
  'garantie',
  'pode',
  'podemos',
  'aceitamos',
  'garantimos',
  'gratis',
  'يمكن',
  'يمكنك',
  'ممكن',
  'نقبل',
  'مضمون',
  'تقدر',
  'tqder',
  't9der',
  'ymken',
  'mumkin',
  'momkin',
  'within',
  'sous',
  'dans les',
  'em ate',
  'ate',
  'خلال',
]);
const NO_RETURNS = [
  'no return',
  'no refund',
  'non rembours',
  'ni repris',
  'ni echange',
  'pas de retour',
  "pas d'echange",
  'aucun retour',
  'sem devolucao',
  'sem troca',
  'nao aceitamos devol',
  'لا يسترجع',
  'لا تسترجع',
  'لا ترد',
  'لا تستبدل',
];

export function checkReturns(reply: string, facts: Facts): Violation[] {
  const policy = fold(facts.returnPolicy);
  const policyRefuses = policy.trim() === '' || NO_RETURNS.some((p) => policy.includes(fold(p)));
  const violations: Violation[] = [];
  // The seller's own policy quoted word for word ("Retours : Garantie 6 mois; échange sous 3 jours.")
  // promises nothing beyond it: its clauses are taken out before the reply is read.
  const quoted = clauses(facts.returnPolicy)
    .map(fold)
    .filter((c) => c.length >= 6);
  for (const clause of clauses(reply)) {
    let folded = fold(clause);
    for (const q of quoted) folded = folded.split(q).join(' ');
    if (isNegated(folded) || !PROMISE_CUE.has(folded)) continue;
    for (const { topic, words } of RETURN_WORDS) {
      const word = words.find((w) => folded.includes(fold(w)));
      if (!word) continue;
      const covered = !policyRefuses && (RETURN_WORDS.find((r) => r.topic === topic)?.words.some((w) => policy.includes(fold(w))) ?? false);
      if (!covered) {
        violations.push({
          kind: 'unsupported_return',
          detail: `The reply promises a ${topic} the shop's return policy does not offer.`,
          fragment: clause,
        });
      }
    }
  }
  return violations;
}

/** Every promise the shop facts do not allow. */
export function checkPromises(reply: string, facts: Facts): Violation[] {
  return [...checkPayments(reply, facts), ...checkDelivery(reply, facts), ...checkReturns(reply, facts)];
}
