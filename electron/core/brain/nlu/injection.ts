import { fold } from './normalise';

/**
 * Customers who try to instruct the bot: override its rules, claim the owner's authority, or
 * fish for its prompt or settings. They get a polite in-policy answer; nothing they claim is
 * believed and nothing of the configuration is revealed.
 */
const PATTERNS: RegExp[] = [
  /\b(ignore|forget|disregard|override|bypass)\b.{0,30}\b(rules?|instructions?|prompt|previous|above|policy|system)/,
  /\b(ignore|oublie|oubliez|ignorez?|ignora|esquece|esqueca|dimentica)\b.{0,30}\b(regles?|instructions?|consignes?|regras|instrucoes|regole|istruzioni|prompt)/,
  /\b(system|developer|hidden|initial)\s*(prompt|message|instructions?)\b/,
  /\b(print|show|reveal|repeat|display|tell me|give me|send me|affiche|montre|donne|mostra|mostre|me mostra)\b.{0,25}\b(prompt|instructions?|settings|config(uration)?|rules|regles|parametres|api key|cle api|system)/,
  /\b(you are now|tu es maintenant|agora voce e|ora sei|act as|pretend (to be|you)|jailbreak|dan mode|developer mode|mode developpeur)\b/,
  /\b(the owner|the boss|the manager|your boss|le patron|le proprietaire|le gerant|ton patron|o dono|o chefe|il titolare|il capo|mol lhanout|moul lhanout|patron)\b.{0,40}\b(said|says|told|allowed|agreed|a dit|m a dit|a accepte|disse|falou|ha detto|9ali|qali|galli|9alli)\b/,
  /\b(said|told me|a dit|disse|ha detto)\b.{0,30}\b\d{2,3}\s*(%|pour ?cent|percent|por cento|per cento)/,
  /(تجاهل|انس|إنس).{0,20}(التعليمات|القواعد|الأوامر)/,
  /(مول الحانوت|صاحب المحل|المالك|الباترون).{0,30}(قال|قالي|وافق|سمح)/,
  /(اعرض|اطبع|وريني|ورّيني).{0,20}(التعليمات|البرومبت|الإعدادات|الاعدادات)/,
  /\bapi[ _-]?key\b|\bprompt\b/,
];

export function isInjectionAttempt(text: string): boolean {
  const f = fold(text).replace(/['’]/g, ' ');
  return PATTERNS.some((p) => p.test(f));
}

/**
 * A customer claiming special standing: "I am the owner", "je travaille pour la boutique",
 * "sou o dono", "sono il titolare", "ana moul lhanout", "أنا صاحب المحل", or a promise made
 * elsewhere ("vous m'avez promis", "you promised me", "wa3dtouni"). Nothing of it is believed; the
 * seller is told.
 */
const AUTHORITY: RegExp[] = [
  /\b(i am|i m|im|je suis|c est|sou|eu sou|sono|io sono|ana|rani)\s+(the |le |la |o |a |il |l )?(owner|boss|manager|patron|patronne|proprietaire|gerant|gerante|dono|dona|chefe|gerente|titolare|proprietario|capo|responsabile|moul lhanout|mol lhanout|moul l7anout|mol l7anout|moul el hanout|mol chi|moula)\b/,
  /\b(i|je|eu|io|ana)?\s*(work|works|working|travaille|bosse|trabalho|lavoro|nkhdem|nekhdem|nkhedem|nkhadem)\s+(for|at|in|with|pour|chez|a|dans|avec|na|no|para|com|per|nel|nella|presso|con|m3a|m3akom|m3ak|f|fi)\b.{0,20}\b(shop|store|boutique|magasin|loja|negozio|hanout|7anout|you|vous|voces|vcs|voi|vous|m3akom|lmagasin|l boutique)\b/,
  /\b(i|je|eu|io|ana)?\s*(work|travaille|trabalho|lavoro|nkhdem|nekhdem)\s+(here|ici|aqui|qui|hna|hnaya)\b/,
  /\b(you promised|vous m avez promis|tu m as promis|on m a promis|voces prometeram|vcs prometeram|me prometeram|mi avete promesso|mi hanno promesso|wa3dtouni|w3adtouni|wa3dtni)\b/,
  /(أنا|انا)\s*(صاحب|مول|مالك|مدير)\s*(المحل|الحانوت|المتجر|الماغازة)?/,
  /(أنا|انا)?\s*(نخدم|نعمل|نخدم)\s*(معاكم|معاك|في المحل|فالمحل|عندكم)/,
  /(وعدتوني|وعدوني|وعدتني)/,
  /\b(nkhdem|nekhdem|nkhedem|nkhadem|n5dem)\s+(m3akom|m3ak|3andkom|3ndkom|3andek|fel hanout|f lhanout)\b/,
];

export const isAuthorityClaim = (text: string): boolean => {
  const f = fold(text).replace(/['’]/g, ' ');
  return AUTHORITY.some((p) => p.test(f));
};

/** Legal threats go to the seller at once, whatever else the message says. */
const LEGAL =
  /\b(avocat|tribunal|justice|plainte|police|gendarmerie|lawyer|sue|court|legal action|advogado|procon|processo|justica|avvocato|denuncia|carabinieri)\b|محامي|محكمه|المحكمه|الشرطه|البوليس|شكوى|العداله|la justice|\b(n|ne)?chki\b|nchtki|nechtki|chkaya/;

export const isLegalThreat = (text: string): boolean => LEGAL.test(fold(text));

const PHOTO =
  /\b(photos?|foto|fotos|picture|pictures|pics?|image|images|immagine|immagini|sowar|swer|sora|tsawer|taswira|tswira|tsawar|sawer|sawerli|sawarli|wrini|werini)\b|صوره|صور|تصويره|تصاور|صورولي|وريني/;

/** Does the customer ask to see the product? */
export const wantsPhoto = (text: string): boolean => PHOTO.test(fold(text));

/**
 * Insults and threats, in every language the shop's customers write (Darija in both scripts,
 * Arabic, French, English, Portuguese, Italian). They go to the seller; the bot stays polite.
 * Whole words only: "kelb" is an insult, a colour or a product word never is.
 */
const ABUSE = new RegExp(
  [
    '\\b(connard|connasse|salope|salaud|pute|putain de|encule|enculé|fdp|ntm|nique ta|ta gueule|ferme ta gueule|imbecile|abruti|batard)\\b',
    '\\b(fuck you|fucking|motherfucker|bitch|asshole|son of a bitch|piece of shit|shut up|you idiot|stupid bot)\\b',
    '\\b(filho da puta|vai se foder|vai tomar no cu|caralho|porra|otario|arrombado|babaca|desgracado)\\b',
    '\\b(vaffanculo|stronzo|coglione|figlio di puttana|testa di cazzo|cretino|bastardo)\\b',
    '\\b(wled el kelb|weld el kelb|ould el kelb|ya kelb|kelb|kalb|zamel|zaml|9a7ba|qahba|9ahba|nik mok|nikmok|n9tlek|nqtlek|n9atlek|nqatlek|yl3an|yal3an|hmar ya|ya hmar|mkalakh|m9wed|mqawed)\\b',
    '(ولد الكلب|يا كلب|زامل|قحبه|نيك|يلعن|نقتلك|نذبحك|سأقتلك|يا حمار|مقود|منيوك)',
    '\\b(je vais te tuer|je vais vous tuer|je te retrouve|i will kill|i ll kill|i will find you|vou te matar|vou te pegar|ti ammazzo|ti trovo)\\b',
  ].join('|'),
);

export const isAbuse = (text: string): boolean => ABUSE.test(fold(text));
