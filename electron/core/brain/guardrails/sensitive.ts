import { fold, lexicon } from './text';

/**
 * Fear of being scammed ("is this legit?", "arnaque?", "golpe?") is a trust objection the brains
 * answer with real order counts and the return policy, so those words are not here.
 *
 * What in a customer's message needs the seller, whatever the brain says: refunds and complaints,
 * legal talk, threats, an explicit request for a human. Also attempts to instruct the bot, which
 * are logged and answered in policy (never obeyed). Lexicons cover ar, ar-dz, dz-latn, fr, en, pt, it.
 */
export type SensitiveTopic = 'refund_complaint' | 'legal' | 'threat' | 'human_request';

const TOPICS: ReadonlyArray<{ topic: SensitiveTopic; words: string[] }> = [
  {
    topic: 'refund_complaint',
    words: [
      'refund', 'money back', 'complaint', 'broken', 'damaged', 'defective', 'never arrived', "didn't receive", 'not received', 'wrong item',
      'rembourse', 'remboursement', 'rembourser', 'plainte', 'reclamation', 'pas recu', 'jamais recu', 'casse', 'cassee', 'defectueux', 'abime', 'abimee', 
      'reembolso', 'reclamacao', 'nao recebi', 'quebrado', 'quebrada', 'defeito', 'estragado', 'enganado',
      'rimborso', 'reclamo', 'rotto',
      'استرجاع المال', 'استرداد', 'شكوي', 'شكايه', 'مكسور', 'ما وصلنيش', 'ماوصلنيش', 'ما وصلني', 'مضروب', 'سرقه', 'سراق', 'رجعولي دراهمي',
      'rembourssi', 'ma wsalnich', 'ma wslnich', 'mawsalnich', 'chkaya', 'serraq', 'sera9', 'ser9a', 'madrob', 'medroub', 'raj3oli drahmi', 'rj3oli drahmi',
    ],
  },
  {
    topic: 'legal',
    words: [
      'lawyer', 'attorney', 'sue', 'lawsuit', 'legal action', 'police', 'consumer protection',
      'avocat', 'tribunal', 'justice', 'porter plainte', 'gendarmerie', 'poursuite', 'poursuivre',
      'advogado', 'processo', 'procon', 'justica', 'delegacia', 'policia',
      'avvocato', 'denuncia',
      'محامي', 'محكمه', 'شرطه', 'بوليس', 'العداله', 'الدرك', 'نشكيكم', 'نشتكي', 'قضيه',
      'bolis', 'lboulis', 'l7akem', 'mahkama', 'avocat', 'ncheki', 'nchki',
    ],
  },
  {
    topic: 'threat',
    words: [
      'kill you', "i'll find you", 'burn your', 'destroy you', 'threat',
      'tuer', 'vous allez le regretter', 'bruler', 'menace',
      'matar', 'ameaca', 'destruir',
      'ammazzare', 'minaccia',
      'نقتلك', 'نقتلكم', 'نحرقك', 'نحرق', 'ندمرك', 'تهديد', 
      'n9tlek', 'nqtlek', 'nahr9ek', 
    ],
  },
  {
    topic: 'human_request',
    words: [
      'human', 'real person', 'talk to someone', 'speak to someone', 'an agent', 'customer service', 'speak to the owner', 'talk to the owner', 'the manager', 
      'humain', 'vraie personne', 'parler au responsable', 'le responsable', 'le gerant', 'un conseiller', 'parler a quelqu', 'service client',
      'atendente', 'pessoa real', 'humano', 'falar com alguem', 'falar com o dono', 'falar com uma pessoa',
      'operatore', 'persona vera', 'parlare con qualcuno',
      'موظف', 'شخص حقيقي', 'بشر', 'صاحب المحل', 'المسؤول', 'نحكي مع', 'نهدر مع', 'نتكلم مع', 
      'nhder m3a', 'nehder m3a', 'nahder m3a', 'nhdr m3a', 'nt7adeth m3a', 'moul lhanout', 'mol l7anout', 
    ],
  },
];

const INJECTION = lexicon([
  'ignore your', 'ignore all', 'ignore previous', 'ignore the rules', 'ignore tes', 'ignore les', 'ignore vos', 'oublie tes', 'oublie les', 'oubliez',
  'ignore as', 'esqueca', 'ignora le', 'ignora tutte', 'تجاهل', 'انسي القواعد', 'انسي التعليمات',
  'system prompt', 'your prompt', 'ton prompt', 'votre prompt', 'seu prompt', 'your instructions', 'tes instructions', 'vos instructions', 'suas instrucoes', 'تعليماتك', 'البرومبت',
  'developer mode', 'jailbreak', 'you are now', 'tu es maintenant', 'voce agora e', 'act as', 'pretend',
  'the owner said', 'owner told me', 'the boss said', 'le patron a dit', 'le proprietaire a dit', 'le gerant a dit', 'o dono disse', 'o dono falou', 'صاحب المحل قال', 'المالك قال', 'المدير قال', 'moul lhanout gali', 'patron gali', 'patron qali',
  'print your', 'reveal your', 'show me your', 'montre moi ton', 'montre-moi', 'affiche ton', 'mostre seu', 'اطبع', 'اعطيني التعليمات',
]);

const TOPIC_LEXICONS = TOPICS.map(({ topic, words }) => ({ topic, words: lexicon(words) }));

export interface CustomerSignals {
  topics: SensitiveTopic[];
  injection: boolean;
}

/** Reads a customer's text for what must reach the seller and for attempts to steer the bot. */
export function readCustomerSignals(text: string): CustomerSignals {
  const folded = fold(text);
  const topics = TOPIC_LEXICONS.filter(({ words }) => words.has(folded)).map(({ topic }) => topic);
  return { topics, injection: INJECTION.has(folded) };
}
