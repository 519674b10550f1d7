/**
 * The deterministic parsers that LLM slot values are checked with, in one place: the language
 * layer owns them (and may move or rename them); only this file has to follow.
 */
import type { ShopSettings } from '../../../../shared/domain/settings';
import { fold, matchTokens } from '../nlu/normalise';
import { findPhone } from '../nlu/phone';
import { findPlace } from '../nlu/wilayas';
import { zoneFor } from '../offline/delivery';

/** A phone number as the order row stores it, or null when the text holds none. */
export const parsePhone = (text: string): string | null => findPhone(text)?.phone ?? null;

/**
 * The place's canonical name: the gazetteer's, else a delivery zone the seller named that way.
 * A catch-all zone does not make an unknown word a place.
 */
export function parsePlace(text: string, settings: ShopSettings): string | null {
  const place = findPlace(text);
  if (place) return place.name;
  const zone = zoneFor(settings, text);
  return zone && fold(zone.name).trim() === fold(text).trim() ? zone.name : null;
}

/** Words as the matcher compares them (case, accents, Arabic article and digits folded). */
export const wordsOf = (text: string): string[] => matchTokens(text);
