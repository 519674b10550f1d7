import type { CustomerLanguage } from '../../../shared/domain/schemas';
import { encodeEscalations, escalation } from '../../../shared/domain/notices';

/**
 * Until Souqbot understands photos and voice notes, it says it received one and hands the
 * conversation to the seller, in the customer's language.
 */
const ACK: Record<CustomerLanguage, string> = {
  'ar-dz': 'وصلني الميساج نتاعك 👍 راني نعيط لصاحب المحل باش يشوفو ويردّ عليك في أقرب وقت.',
  'dz-latn': 'Wsalni le message ta3ek 👍 rani n3ayet l moul l7anout bach ychoufou w yrad 3lik f a9rab wa9t.',
  ar: 'وصلتني رسالتك 👍 سأحوّلها إلى صاحب المتجر ليطّلع عليها ويردّ عليك قريبًا.',
  fr: 'Bien reçu 👍 Je transmets au vendeur, il regarde et vous répond très vite.',
  en: 'Got it, thank you 👍 I am passing it to the shop owner, who will look at it and reply shortly.',
  pt: 'Recebido, obrigado 👍 Vou passar para o vendedor, que vai ver e responder em breve.',
  it: 'Ricevuto, grazie 👍 Lo passo al negoziante, che lo guarda e ti risponde a breve.',
};

export const MEDIA_KINDS = new Set(['image', 'audio', 'video', 'document', 'sticker']);

export function mediaAcknowledgement(language: CustomerLanguage): string {
  return ACK[language];
}

/** The escalation reason for a media-only turn (the seller's UI words it). */
export function describeMedia(kinds: readonly string[]): string {
  const kind = kinds.find((k) => MEDIA_KINDS.has(k)) ?? 'media';
  return encodeEscalations([escalation(kind === 'audio' ? 'voice_note_received' : kind === 'image' ? 'photo_received' : 'media_received')]);
}
