/**
 * Words for the documents' index and queries: lower case, accents and Arabic diacritics folded,
 * Arabic's article dropped, short and very common words left out (the FTS index holds the same
 * forms, so a query word matches however the document wrote it).
 */
const COMMON = new Set(
  (
    'les des une est pour que qui dans avec sur par pas vous nous votre vos ils elle sont ont aux ces cette quel quelle quels comment combien quand ' +
    'the and for are you your with what how when which can this that have does from ' +
    'com uma para que como qual quando voce vocês são tem ' +
    'che per una con come quale quando sono avete ' +
    'wach wesh kayen kayn ch7al chhal 3andkom 3andek ' +
    'هل ما ماذا كيف كم متى في على من إلى عن هذا هذه عندكم واش كاين'
  ).split(' '),
);

function foldWord(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/^(ال|وال|بال|لل)(?=.{3,})/, '');
}

/** Distinct content words of a text, in order. */
export function contentWordsOf(text: string): string[] {
  const words = text.split(/[^\p{L}\p{N}]+/u).map(foldWord);
  return [...new Set(words.filter((w) => w.length >= 3 && !COMMON.has(w) && !/^\d+$/.test(w)))];
}

/** A query word's prefix (matches "livraison" from "livrez", "garanties" from "garantie"). */
export const stemOf = (word: string): string => (word.length > 6 ? word.slice(0, 5) : word.length > 4 ? word.slice(0, 4) : word);

/** Every folded word of a text (digits too), for the index. */
export const indexWords = (text: string): string =>
  text
    .split(/[^\p{L}\p{N}]+/u)
    .map(foldWord)
    .filter(Boolean)
    .join(' ');
