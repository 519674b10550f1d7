import type { CustomerLanguage } from '../../../../shared/domain/schemas';

/**
 * The last resort when both brains' replies failed the guardrails: no number, no name, no promise,
 * in the customer's language, and the conversation goes to the seller.
 */
const SAFE_REPLIES: Record<CustomerLanguage, string> = {
  'ar-dz': 'شكرا على رسالتك! راني نتأكد مع المحل ونرجعلك في أقرب وقت.',
  'dz-latn': 'Sahit 3la msg ta3ek! Rani nverifi m3a lmagasin w nwelilek f a9rab wa9t.',
  ar: 'شكرا على رسالتك! سأتأكد من المتجر وأعود إليك في أقرب وقت.',
  fr: 'Merci pour votre message ! Je vérifie auprès de la boutique et je reviens vers vous très vite.',
  en: "Thanks for your message! I'm checking with the shop and will get back to you shortly.",
  pt: 'Obrigado pela sua mensagem! Vou confirmar com a loja e já volto a falar com você.',
  it: 'Grazie per il messaggio! Verifico con il negozio e ti rispondo al più presto.',
};

export function safeReply(language: CustomerLanguage): string {
  return SAFE_REPLIES[language];
}
