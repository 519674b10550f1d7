import type { BrainDecision } from '../../../shared/domain/brain';
import type { CustomerLanguage } from '../../../shared/domain/schemas';
import { encodeEscalations, escalation } from '../../../shared/domain/notices';
import { applyEscalationPolicy } from './guardrails/escalation';
import { readCustomerSignals } from './guardrails/sensitive';
import { detectLanguage } from './nlu/language';
import type { Brain, BrainInput, TurnAttachment, TurnMessage } from './types';

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

const MEDIA_KINDS = new Set(['image', 'audio', 'video', 'document', 'sticker']);

/** A turn made only of photos, voice notes, videos, documents or stickers, without a word. */
export function isMediaOnlyTurn(input: BrainInput): boolean {
  const attachments = input.attachments ?? [];
  return (
    attachments.length > 0 &&
    attachments.length === input.inboundMessageIds.length &&
    attachments.every((a) => MEDIA_KINDS.has(a.kind)) &&
    !input.text.trim()
  );
}

/** The language of a media-only turn: the customer's last words, else French. */
function mediaLanguage(history: readonly TurnMessage[]): CustomerLanguage {
  const lastWords = [...history].reverse().find((m) => m.direction === 'in' && m.text.trim());
  return lastWords ? detectLanguage(lastWords.text).language : 'fr';
}

/** The escalation reason for a media-only turn (the seller's UI words it). */
function describeMedia(kinds: readonly string[]): string {
  const kind = kinds.find((k) => MEDIA_KINDS.has(k)) ?? 'media';
  return encodeEscalations([escalation(kind === 'audio' ? 'voice_note_received' : kind === 'image' ? 'photo_received' : 'media_received')]);
}

/** The acknowledgement for a media turn nothing could read: in the customer's language, handed to the seller. */
function acknowledgement(kinds: readonly string[], language: CustomerLanguage): BrainDecision {
  const decision: BrainDecision = {
    reply: ACK[language],
    language,
    intent: 'other',
    sentiment: 'neutral',
    confidence: 1,
    salesAction: 'none',
    orderAction: 'none',
    orderItems: [],
    escalate: true,
    escalateReason: describeMedia(kinds),
    citations: [],
    skus: [],
    media: [],
  };
  // The wording names no product, price or number, so the reply guardrails have nothing to check;
  // the escalation policy still applies as on every turn.
  return applyEscalationPolicy(decision, readCustomerSignals(''));
}

export interface MediaTurnDeps {
  /**
   * What a media-only turn says, as customer words (a recognised product photo), or null when
   * nothing could be read. Must not throw (media/understand.ts).
   */
  understand?(shopId: number, attachments: readonly TurnAttachment[], language: CustomerLanguage): Promise<string | null>;
}

/**
 * A media-only turn is a turn: a photo the shop's catalog recognises reaches `brain` as the
 * customer naming that product; anything else gets the acknowledgement and goes to the seller.
 * Every other turn goes to `brain` unchanged.
 */
export function withMediaTurns(brain: Brain, deps: MediaTurnDeps = {}): Brain {
  return {
    async decide(input) {
      if (!isMediaOnlyTurn(input)) return brain.decide(input);
      const attachments = input.attachments ?? [];
      const language = mediaLanguage(input.history);
      const understood = deps.understand ? await deps.understand(input.shopId, attachments, language) : null;
      if (understood !== null) return brain.decide({ ...input, text: understood });
      return acknowledgement(
        attachments.map((a) => a.kind),
        language,
      );
    },
  };
}
