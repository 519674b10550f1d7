/**
 * The one language layer, one module per concern: folding for matching words (fold.ts), canonical
 * tokens for the search index (normalise.ts), the concept lexicon (lexicon.ts), measures
 * (measures.ts), stop-words, places and phones. Catalog search documents, retrieval, the NLU and
 * the guardrails read text through it, so a word means the same thing to each of them.
 */
export { arabicShare, asciiDigits, fold, matchTokens, romanceStem, stripArabicArticle, tokens, unglued, withoutLatinArticle } from './fold';
export { foldArabizi, foldDigits, foldLatin, normaliseArabic, normaliseLoose, normaliseText, normaliseToken, tokenise } from './normalise';
export {
  COLOUR_CONCEPTS,
  lexiconVersion,
  type Lexicon,
  colourSpelling,
  conceptOf,
  conceptsOfWord,
  defaultLexicon,
  makeLexicon,
} from './lexicon';
export { type Measure, agrees, compareMeasures, measuresOf, unitOf } from './measures';
export { isProductStopWord, isStopWord } from './stopwords';
export { type PhoneMatch, type PhoneOptions, findPhone, findPhones, toE164 } from './phone';
// The test panel's customer as a WhatsApp address (knowledge's try-as-customer; the same digits the test phone writes).
export { phoneToJid } from './phone';
export { type Place, type PlaceOptions, WILAYA_COUNT, findPlace, gazetteerBuilt, placeByName, placeSpan, samePlace } from './places';
export { currencyOfCountry, deriveCountry, dialectOf, shopCountry } from './country';
export { WILAYAS_DZ } from './places-dz';
