import type { Violation } from '../../../../shared/domain/guardrails';
import type { Product } from '../../../../shared/domain/catalog';
import { WILAYAS } from './places';
import { fold } from './text';

/**
 * "Every product it names must exist." Three checks, from certain to heuristic:
 * the SKUs the decision carries must be in the catalog; code-like tokens ("DZ-DR-009", "X200") must
 * be known SKUs or words of the catalog; and, for the LLM (which can invent), capitalised names in
 * the middle of a Latin-script sentence must be words the catalog, the shop facts or the customer used.
 */
export interface NameCheckInput {
  reply: string;
  /** SKUs the decision claims (skus + order items). */
  claimedSkus: string[];
  /** SKUs known to exist (looked up by the router). */
  knownSkus: ReadonlySet<string>;
  /** Folded words the reply may use as names. */
  vocabulary: ReadonlySet<string>;
  /** Check capitalised names (the LLM); templates only ever name catalog rows, so offline skips it. */
  strictNames: boolean;
}

const COMMON_NAMES = [
  'i',
  "i'm",
  'im',
  "i'll",
  "i've",
  'whatsapp',
  'souqbot',
  'ok',
  'okay',
  'oui',
  'yes',
  'sim',
  'non',
  'no',
  'nao',
  'merci',
  'bonjour',
  'bonsoir',
  'hello',
  'hi',
  'salut',
  'ola',
  'obrigado',
  'obrigada',
  'grazie',
  'ciao',
  'buongiorno',
  'salam',
  'assalam',
  'alaykoum',
  'alaikum',
  'allah',
  'inshallah',
  'incha',
  'hamdoullah',
  'hamdoulah',
  'sahit',
  'saha',
  'bslama',
  'mr',
  'mrs',
  'ms',
  'mme',
  'mlle',
  'monsieur',
  'madame',
  'sr',
  'sra',
  'senhor',
  'senhora',
  'dona',
  'signore',
  'signora',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'lundi',
  'mardi',
  'mercredi',
  'jeudi',
  'vendredi',
  'samedi',
  'dimanche',
  'segunda',
  'terca',
  'quarta',
  'quinta',
  'sexta',
  'sabado',
  'domingo',
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'janvier',
  'fevrier',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'aout',
  'septembre',
  'octobre',
  'novembre',
  'decembre',
  'janeiro',
  'fevereiro',
  'marco',
  'abril',
  'maio',
  'junho',
  'julho',
  'agosto',
  'setembro',
  'outubro',
  'novembro',
  'dezembro',
  'dz',
  'da',
  'dzd',
  'brl',
  'eur',
  'usd',
  'dinar',
  'dinars',
  'euro',
  'euros',
  'real',
  'reais',
  'algerie',
  'algeria',
  'algerian',
  'brasil',
  'brazil',
  'france',
  'english',
  'francais',
  'french',
  'arabe',
  'arabic',
  'portugues',
  'portuguese',
  'darija',
  'pix',
  'paypal',
  'visa',
  'mastercard',
  'ccp',
  'baridimob',
  'edahabia',
  'cib',
  'instagram',
  'facebook',
  'tiktok',
  'google',
  'youtube',
  'telegram',
  'gmail',
  'pdf',
  'cod',
  'cash',
  'sku',
  'total',
  'sous-total',
  'subtotal',
];

/** The folded words of store rows and texts a reply may name. */
export function vocabularyOf(products: Product[], texts: string[]): Set<string> {
  const words = new Set<string>(COMMON_NAMES);
  // Places are not products: a wrong delivery promise is the delivery check's business.
  for (const place of WILAYAS) for (const word of place.split(' ')) words.add(word);
  const add = (text: string) => {
    for (const word of fold(text).split(/[^\p{L}\p{N}'-]+/u)) if (word) words.add(word.replace(/^['-]+|['-]+$/g, ''));
  };
  for (const p of products) {
    words.add(fold(p.sku));
    for (const text of [p.name, ...p.altNames, ...p.aliases, p.category, p.description, ...p.variants.map((v) => v.name)]) add(text);
  }
  for (const text of texts) add(text);
  return words;
}

const CODE = /(?<![\p{L}\p{N}])[A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)+|(?<![\p{L}\p{N}])[A-Za-z]*[A-Z][A-Za-z]*\d{2,}[A-Za-z0-9]*/gu;

function unknownCodes(reply: string, input: NameCheckInput): string[] {
  const known = new Set([...input.knownSkus].map(fold));
  const out: string[] = [];
  for (const [token] of reply.matchAll(CODE)) {
    if (!/\d/.test(token)) continue;
    const folded = fold(token);
    if (!known.has(folded) && !input.vocabulary.has(folded)) out.push(token);
  }
  return out;
}

// A capitalised word not at a sentence start: "… the Gucci Milano bag …".
const CAPITALISED_RUN = /(?<=[\p{L}\p{N},;)'"*»]\s+|\s[-–]\s)(\p{Lu}[\p{Ll}'’]+(?:[ -]\p{Lu}[\p{Ll}'’]+)*)(?![\p{L}\p{N}])/gu;

function unknownNames(reply: string, vocabulary: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const [phrase] of reply.matchAll(CAPITALISED_RUN)) {
    const unknown = phrase
      .split(/[ -]/)
      .filter((w) => w.length >= 3 && !vocabulary.has(fold(w).replace(/['’].*$/, '')) && !vocabulary.has(fold(w)));
    if (unknown.length) out.push(phrase);
  }
  return out;
}

export function checkProductNames(input: NameCheckInput): Violation[] {
  const violations: Violation[] = [];
  for (const sku of new Set(input.claimedSkus)) {
    if (!input.knownSkus.has(sku))
      violations.push({ kind: 'unknown_product', detail: `The reply refers to SKU ${sku}, which is not in the catalog.`, fragment: sku });
  }
  for (const code of unknownCodes(input.reply, input)) {
    violations.push({ kind: 'unknown_product', detail: `The reply names "${code}", which is not in the catalog.`, fragment: code });
  }
  if (input.strictNames) {
    for (const name of unknownNames(input.reply, input.vocabulary)) {
      violations.push({
        kind: 'unknown_product',
        detail: `The reply names "${name}", which is not in the catalog or the shop facts.`,
        fragment: name,
      });
    }
  }
  return violations;
}
