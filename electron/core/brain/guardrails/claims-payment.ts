import type { Violation } from '../../../../shared/domain/guardrails';
import type { ShopFacts } from '../../../../shared/domain/settings';
import type { z } from 'zod';
import { clauses, fold, isNegated, lexicon } from './text';

type Facts = z.output<typeof ShopFacts>;

// Payment promises: a method the reply offers must be one the seller lists.

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

export function checkPayments(reply: string, facts: Facts): Violation[] {
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
