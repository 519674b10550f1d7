import type { CustomerLanguage } from '../../../../shared/domain/schemas';
import type { ShopSettings } from '../../../../shared/domain/settings';
import { deriveCountry, dialectOf } from '../../text';
import { conversationLanguage, countryLanguage, detectLanguage } from '../nlu/language';
import { type SlotFindings, type SlotName, extractSlots } from '../nlu/order-slots';
import { voiceFor } from '../templates';
import type { TurnMessage } from '../types';
import type { OfflineBrainDeps } from './deps';
import { commonWordFor } from './order-step';

/** The language of the customer's last message in the history (a conversation the brain has no memory of). */
export function languageFromHistory(history: TurnMessage[]): CustomerLanguage | null {
  const last = [...history].reverse().find((m) => m.author === 'customer' && m.text.trim());
  return last ? detectLanguage(last.text).language : null;
}

/**
 * What the brain reads of a message: all of it up to a few thousand characters; of a longer one
 * (a pasted document, a flood) its start and end, so every rule runs in bounded time.
 */
export function boundedText(text: string): string {
  const MAX = 2_000;
  return text.length <= MAX ? text : `${text.slice(0, 1_500)}\n${text.slice(-500)}`;
}

/** The message without the details it gives: an address line or a city is never a product ("rue des Roses", "Milano"). */
export function productText(text: string, found: SlotFindings): string {
  let rest = text;
  for (const part of found.consumed) rest = rest.replace(part, ' ');
  return rest;
}

/**
 * The conversation's language after this message, read from its words without the details it
 * gives: a name, a phone, a street or a town ("Patrícia Rocha … rua XV de novembro", "oran hai
 * es sabah") are no evidence of a language.
 */
export function turnLanguage(
  text: string,
  previous: CustomerLanguage | null,
  country: string,
  awaiting: SlotName[],
  slots: SlotsReader = slotsReader(text, awaiting, country),
): CustomerLanguage {
  const prior = countryLanguage(country);
  if (!previous) return conversationLanguage(text, previous, prior).language;
  const details = slots(commonWordFor(voiceFor(previous, dialectOf(country))));
  return conversationLanguage(productText(text, details), previous, prior).language;
}

/** The details a message gives, read with one notion of an ordinary word (commonWordFor). */
export type SlotsReader = (commonWord: (w: string) => boolean) => SlotFindings;

/**
 * The message's details read once per notion of an ordinary word: the turn's language is read
 * from the message without them, then the turn reads them again in that language, most often
 * the same one (commonWordFor has two). Callers that change what they get (ctx.found) read last.
 */
export function slotsReader(text: string, awaiting: SlotName[], country: string): SlotsReader {
  const read = new Map<(w: string) => boolean, SlotFindings>();
  return (commonWord) => {
    let found = read.get(commonWord);
    if (!found) read.set(commonWord, (found = extractSlots(text, awaiting, commonWord, { country })));
    return found;
  };
}

/** No country from core (tests, tools): the catalog's currency and the time zone tell, as core derives it. */
export async function derivedCountry(deps: OfflineBrainDeps, shopId: number, text: string, settings: ShopSettings): Promise<string> {
  const currency = (await deps.products.search(shopId, text, 1))[0]?.product.currency ?? null;
  return deriveCountry(currency, settings.facts.timeZone);
}
