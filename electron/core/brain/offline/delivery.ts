import type { Voice } from '../templates/types';
import type { ShopSettings } from '../../../../shared/domain/settings';
import { fold } from '../nlu/normalise';
import { type Place, findPlace, samePlace } from '../nlu/wilayas';
import { say } from '../templates';
import { formatList, formatMoney } from '../templates/format';

export type Zone = ShopSettings['facts']['deliveryZones'][number];

/** A catch-all zone: "Autres wilayas", "Outras cidades", "Resto do país", "Altre città", "باقي الولايات", "*". */
const ALL_WORDS =
  /^(?:autres?|other|others|rest|resto|reste|toutes?|all|national|nationale|partout|everywhere|outras?|outros?|demais|altre|altri|restante|todo|tout|باقي|بقية|كل|\*|58 wilayas?)(?:$|[\s'])/;

/**
 * The shop's zone for a place: the zone that names it ("Modena"), else the zone of its region's
 * main city ("Biskra" for Tolga), else the catch-all zone ("Autres villes"); null when none.
 */
export function zoneFor(settings: ShopSettings, place: Place | string): Zone | null {
  const zones = settings.facts.deliveryZones;
  const p = typeof place === 'string' ? findPlace(place, { expectingAddress: true }) : place;
  if (p) {
    const exact = zones.find((z) => samePlace(z.name, p));
    if (exact) return exact;
    const regional = p.region ? zones.find((z) => samePlace(z.name, { ...p, name: p.region ?? '', region: null })) : undefined;
    if (regional) return regional;
  } else if (typeof place === 'string') {
    const exact = zones.find((z) => fold(z.name).trim() === fold(place).trim());
    if (exact) return exact;
  }
  return zones.find((z) => isCatchAllZone(z.name)) ?? null;
}

/** "Autres wilayas", "Outras cidades", "*": the zone every place the others do not name falls into. */
export const isCatchAllZone = (name: string): boolean => ALL_WORDS.test(fold(name).trim());

/** "Delivery to Oran: 600 DA, 2 days." from the shop facts only. */
export function describeZone(language: Voice, zone: Zone, placeName: string, currency: string): string {
  const delay = zone.delayDays.trim() ? say(language, 'deliveryDelay', { days: zone.delayDays.trim() }) : '';
  return say(language, 'deliveryZone', { zone: placeName, fee: formatMoney(zone.fee, currency, language), delay });
}

export function describeZones(language: Voice, settings: ShopSettings, currency: string): string | null {
  const zones = settings.facts.deliveryZones;
  if (zones.length === 0) return null;
  const items = zones.slice(0, 8).map((z) => `${z.name} (${formatMoney(z.fee, currency, language)})`);
  return say(language, 'deliveryList', { zones: formatList(items, language) });
}

export const acceptsCashOnDelivery = (settings: ShopSettings): boolean =>
  settings.facts.paymentMethods.some((m) => /cash|cod|livraison|delivery/i.test(m));
