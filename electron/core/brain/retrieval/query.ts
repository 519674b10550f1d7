import { defaultLexicon, type Lexicon, tokenise, isProductStopWord } from '../../text';

/** A customer message reduced to what can identify a product or an FAQ entry. */
export interface ParsedQuery {
  /** Every canonical token in order, stop-words included (for phrase matching: "sac a dos"). */
  allTokens: string[];
  /** Canonical content words, unique, in order: no stop-words, no numbers, no single letters. */
  tokens: string[];
  /** Numbers the customer gave (sizes such as 41, quantities): only a tie-breaker on variants. */
  numbers: string[];
  /** Lexicon concepts the message expresses, each with the content words that expressed it. */
  concepts: Map<string, string[]>;
  /** Concepts named by a multi-word phrase ("sac a dos", "gift box"): more specific than any of their words. */
  phraseConcepts: Set<string>;
  /**
   * How many things the customer named: content words, counting the words of one multi-word
   * concept ("gift box") once. The denominator of a hit's score.
   */
  units: number;
}

export interface ParseOptions {
  /** Phrases and synonyms recognised in the text (colours, sizes, product words); default the shipped lexicon. */
  lexicon?: Lexicon;
  /** Which words to ignore: product search ignores shop talk too, knowledge search keeps it. */
  isStop?: (token: string) => boolean;
}

export function parseQuery(text: string, { lexicon = defaultLexicon, isStop = isProductStopWord }: ParseOptions = {}): ParsedQuery {
  const all = tokenise(text);
  const tokens: string[] = [];
  const numbers: string[] = [];
  for (const token of all) {
    if (/^\d+$/.test(token)) {
      if (!numbers.includes(token)) numbers.push(token);
    } else if ([...token].length >= 2 && !isStop(token) && !tokens.includes(token)) {
      tokens.push(token);
    }
  }
  const concepts = new Map<string, string[]>();
  const phraseConcepts = new Set<string>();
  // Phrases are looked up on the full token stream ("sac a dos" keeps its stop-word "a"), but a
  // window made only of stop-words never brings a concept.
  for (let i = 0; i < all.length; i++) {
    for (let n = 1; n <= 3 && i + n <= all.length; n++) {
      const window = all.slice(i, i + n);
      const found = lexicon.phrase(window);
      if (!found) continue;
      const content = window.filter((t) => tokens.includes(t));
      if (content.length === 0) continue;
      for (const concept of found) {
        if (n > 1) phraseConcepts.add(concept);
        const sources = concepts.get(concept) ?? [];
        for (const t of content) if (!sources.includes(t)) sources.push(t);
        concepts.set(concept, sources);
      }
    }
  }
  // Words that only make sense together count once: "gift box" is one thing named, not two.
  let units = tokens.length;
  for (const sources of concepts.values()) if (sources.length > 1) units -= sources.length - 1;
  return { allTokens: all, tokens, numbers, concepts, phraseConcepts, units: Math.max(units, tokens.length ? 1 : 0) };
}
