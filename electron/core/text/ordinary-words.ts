import { fold } from './fold';
import { defaultLexicon } from './lexicon';
import { normaliseToken } from './normalise';
import { isProductStopWord } from './stopwords';

/**
 * Place names that are also everyday words of the shops' languages ("Como", "Natal", "Nice",
 * "Orange", "Salé", "Mascara", "البيض"). Found by running the gazetteer's one-word forms against
 * the stop-word lists and the concept lexicon, plus the words those lists do not hold. Such a name
 * counts as a place only where the bot expects an address.
 */
const COLLIDING = `come como tarde una serra salto cabo crema mascara taza seta setas nisa nissa loos paras daks
  nice orange tours sens pau bar lens vienne grasse agen laval brest bra prato fondi carpi ostia sale mira vasto
  gela marte feira maia natal palmas franca santos barra colombo canoas vitoria cruzeiro sobral bage patos
  mila souf aran ora bou sidi ain oued bordj tizi hay cite rue centre ville porto valenca formosa alegre
  البيض العاصمه الجزيره الوادي المدينه مدينه`;

const EXTRA = new Set(COLLIDING.split(/\s+/).filter(Boolean).map(fold));

/** Whether a folded single word is an everyday word as well as (maybe) a place. */
export function isOrdinaryWord(folded: string): boolean {
  if (EXTRA.has(folded)) return true;
  const canonical = normaliseToken(folded);
  return isProductStopWord(canonical) || defaultLexicon.phrase([canonical]) !== undefined;
}
