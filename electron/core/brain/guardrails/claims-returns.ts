import type { Violation } from '../../../../shared/domain/guardrails';
import type { ShopFacts } from '../../../../shared/domain/settings';
import type { z } from 'zod';
import { clauses, fold, isNegated, lexicon } from './text';

type Facts = z.output<typeof ShopFacts>;

// Return, exchange and refund promises: only what the seller's own return policy offers.

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
