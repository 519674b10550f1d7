import { fold, stripArabicArticle, tokens } from '../../text';

/**
 * "Stop writing to me", in any language the shop's customers use, recognised by a small grammar
 * over word stems rather than a list of sentences: a stop verb with something about messaging
 * ("arrêtez les messages", "parem de mandar"), a negated messaging verb aimed at the customer or
 * repeated ("don't text me", "ma tb3atlich", "لا ترسل لي"), or a message that is only a stop
 * word ("STOP", "baraka", "توقف"). Folded text (see nlu/normalise): no accents, Arabic letter
 * variants unified. A false positive costs one follow-up not sent; a false negative writes to
 * someone who asked us not to, so the grammar leans towards stopping.
 */

/** Verbs and words meaning "stop / enough / unsubscribe". */
const STOP = [
  'stop',
  'unsubscrib',
  'arret',
  'cess',
  'desabonn',
  'desinscri',
  'pare',
  'parem',
  'parar',
  'chega',
  'smett',
  'smetti',
  'basta',
  'disiscriv',
  'baraka',
  'barka',
  'bezzi',
  '7bes',
  'habes',
  'hbes',
  'توقف',
  'كفى',
  'كفايه',
  'بركا',
  'باركا',
  'بزاف عليا',
  'حبس',
  'حبسو',
  'يكفي',
  'الغاء',
].map(fold);
/** Messaging verbs (stems; Darija and Arabic take object suffixes: tb3atli, تراسلني). */
const CONTACT_VERB = [
  'text',
  'messag',
  'writ',
  'contact',
  'send',
  'spam',
  'email',
  'ecri',
  'envoi',
  'envoy',
  'relanc',
  'harcel',
  'mand',
  'envi',
  'escrev',
  'contat',
  'scriv',
  'invia',
  'inviat',
  'contatt',
  'b3at',
  'tb3at',
  'teb3at',
  'ab3at',
  'sift',
  'tsift',
  'sayft',
  'ktb',
  'tekteb',
  'tektebli',
  'راسل',
  'تراسل',
  'ترسل',
  'ارسل',
  'تبعت',
  'بعت',
  'تصيفط',
  'صيفط',
  'تكتب',
  'تكتبلي',
  'تتصل',
  'رسل',
].map(fold);
/** Nouns for what the customer receives. */
const CONTACT_NOUN = [
  'message',
  'messages',
  'msg',
  'msgs',
  'sms',
  'pub',
  'publicite',
  'promo',
  'promos',
  'spam',
  'notification',
  'mensagem',
  'mensagens',
  'messaggi',
  'messaggio',
  'rasa2il',
  'mesajat',
  'رسائل',
  'رساله',
  'رسايل',
  'مسجات',
  'مساجات',
  'ميساجات',
  'اعلانات',
  'اشتراك',
].map(fold);
/** Negations (a Darija "ma" may be glued to the verb: matb3atlich, ماتبعتليش). */
const NEGATION = [
  'dont',
  'don',
  'not',
  'never',
  'ne',
  'n',
  'jamais',
  'pas',
  'nao',
  'nunca',
  'non',
  'mai',
  'ma',
  'mat',
  'ما',
  'لا',
  'مات',
  'متبعت',
  'بلا',
  'bla',
  'mach',
  'machi',
  'مش',
].map(fold);
/** "(to) me": a separate word, or a Darija / Arabic object suffix. */
const ME = ['me', 'm', 'moi', 'mi', 'mim', 'lia', 'liya', 'ليا', 'لي', 'li'];
/** Past forms: "you didn't send me the photo" is a complaint, not an opt-out. */
const PAST =
  /^(envoye|envoyee|envoyes|ecrit|ecrite|contacte|sent|texted|written|wrote|mandou|enviou|escreveu|mandato|inviato|scritto|b3atti|ba3t)$/;
const ME_SUFFIX_LATIN = /(li|lia|liya|lich|liche|lichi|lch|ni|nich|lik)$/;
const ME_SUFFIX_ARABIC = /(ني|لي|ليش|نيش|ليا)$/;
/** "any more / again": a negated verb with it is a request to stop, not a remark. */
const MORE = ['more', 'anymore', 'again', 'plus', 'mais', 'piu', 'tani', 'tanik', '3awed', 'ثاني', 'تاني', 'عاود', 'مره'].map(fold);
/** Two-word "no more": "plus de pub", "chega de mensagens". */
const NO_MORE = ['plus de', 'pas de', 'no more', 'nao mais', 'chega de', 'niente piu', 'basta con'];

const isNoun = (w: string): boolean => CONTACT_NOUN.includes(w) || CONTACT_NOUN.includes(stripArabicArticle(w));
const startsWithAny = (token: string, stems: readonly string[]): boolean => stems.some((s) => token.startsWith(s));
/** A Darija / Arabic negation glued to the verb: "matb3atlich", "ماتبعتليش". */
const unglued = (token: string): string => token.replace(/^(ma|ما)(?=.{3,})/, '');

function isContactVerb(token: string): boolean {
  return startsWithAny(token, CONTACT_VERB) || (unglued(token) !== token && startsWithAny(unglued(token), CONTACT_VERB));
}

function hasMeMarker(words: string[]): boolean {
  return words.some((w) => ME.includes(w) || (isContactVerb(w) && (ME_SUFFIX_LATIN.test(w) || ME_SUFFIX_ARABIC.test(w))));
}

/** Words that may surround a stop word without changing it ("stop please", "STOP merci"). */
const POLITE = new Set([
  'please',
  'pls',
  'plz',
  'merci',
  'svp',
  'stp',
  'thanks',
  'obrigado',
  'obrigada',
  'grazie',
  'per',
  'favore',
  'favor',
  'por',
  'sahit',
  'saha',
  'شكرا',
  'من',
  'فضلك',
  'now',
  'maintenant',
  'agora',
  'ora',
  'daba',
  'دابا',
  'ok',
  'the',
  'it',
  'all',
  'tout',
  'svp',
]);

export function isOptOut(text: string): boolean {
  const words = tokens(fold(text));
  if (words.length === 0) return false;
  const stopAt = words.findIndex((w) => startsWithAny(w, STOP) && !/^(stopp?ed|parede|pareil|parent)/.test(w));
  const contactWord = words.some((w) => isContactVerb(w) || isNoun(w));
  // 1. A stop word with something about messaging, or (almost) alone.
  if (stopAt >= 0 && (contactWord || words.every((w, i) => i === stopAt || POLITE.has(w) || startsWithAny(w, STOP)))) return true;
  // 2. A negated messaging verb aimed at the customer or meant for the future.
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (!isContactVerb(w) || PAST.test(w)) continue;
    const glued = unglued(w) !== w && !startsWithAny(w, CONTACT_VERB);
    const negated = glued || words.slice(Math.max(0, i - 3), i).some((n) => NEGATION.includes(n));
    if (negated && (hasMeMarker(words) || words.some((m) => MORE.includes(m)))) return true;
  }
  // 3. "no more messages", "plus de pub", "mais mensagens não".
  const noun = words.some(isNoun);
  const joined = ` ${words.join(' ')} `;
  const noMore =
    NO_MORE.some((b) => joined.includes(` ${b} `)) ||
    (words.some((w) => NEGATION.includes(w) || w === 'no') && words.some((m) => MORE.includes(m)));
  return noun && noMore;
}
