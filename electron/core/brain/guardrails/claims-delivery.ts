import { isCatchAllZone } from '../offline/delivery';
import type { Violation } from '../../../../shared/domain/guardrails';
import type { ShopFacts } from '../../../../shared/domain/settings';
import type { z } from 'zod';
import { EVERYWHERE, WILAYAS, spellingsOf } from './places';
import { clauses, fold, hasWord, isNegated, lexicon } from './text';

type Facts = z.output<typeof ShopFacts>;

// Delivery promises: free, everywhere, or to a place, each only as far as the seller's delivery zones go.

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
