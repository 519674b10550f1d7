import { z } from 'zod';

/**
 * Everything core tells the seller in words travels as a code with parameters; the renderer
 * words it in the seller's language (renderer/src/features/notices/). Each family below lists
 * its codes with the parameter names its wording may use, so a test can walk every code core
 * can emit and check every locale has a string with only those placeholders.
 */
const codes = <const T extends Record<string, readonly string[]>>(table: T): T => table;

/** Why a conversation was passed to the seller. */
export const ESCALATION_CODES = codes({
  /** The bot's reply failed the honesty checks twice; a holding reply went out instead. */
  safe_reply: [],
  /** The bot was not sure its reply was right. */
  low_confidence: [],
  refund_complaint: [],
  legal: [],
  threat: [],
  human_request: [],
  /** The offline brain did not understand the message. */
  not_understood: [],
  /** A photo was asked for and the catalog has none. */
  photo_missing: ['product'],
  /** Delivery asked to a place outside the shop's zones. */
  delivery_zone_unknown: ['place'],
  /** Delivery asked and the shop facts have no delivery zones. */
  no_delivery_zones: [],
  /** The customer sent only media (photo, voice note, video, document, sticker). */
  media_received: [],
  voice_note_received: [],
  photo_received: [],
  /** The bot (an AI model) asked for the seller in its own words: `note` is shown quoted. */
  bot_note: ['note'],
  /** The bot asked for the seller without saying why. */
  bot_asked: [],
  /** A turn kept failing (several tries) and was set aside for the seller. */
  turn_parked: [],
  /** The customer claimed authority (the owner, staff, a promise made elsewhere): the bot gave nothing beyond the rules. */
  authority_claim: [],
});

/** What a WhatsApp number's card says about its state, and what to do next. */
export const WHATSAPP_CODES = codes({
  /** WhatsApp's servers could not be reached (no internet, firewall). */
  no_network: [],
  /** The QR code or pairing code ran out before the phone confirmed. */
  link_expired: [],
  /** The phone declined the link, or WhatsApp refused the pairing code for this number. */
  phone_refused: [],
  /** WhatsApp restricted (banned) the number. */
  banned: [],
  /** The number was unlinked from the phone's Linked devices. */
  logged_out_phone: [],
  /** The saved session is no longer valid. */
  session_invalid: [],
  /** Another WhatsApp Web session took the number over. */
  replaced_elsewhere: [],
  /** The connection dropped; Souqbot retries on its own. */
  retrying: ['seconds', 'attempt'],
  /** The seller disconnected the number. */
  disconnected_by_seller: [],
  /** Older text kept from before codes existed, shown as is. */
  legacy: ['text'],
});

/** Why the configured AI model (LLM endpoint) is not answering. */
export const LLM_CODES = codes({
  timeout: ['host', 'seconds'],
  unreachable: ['host'],
  bad_key: ['host'],
  not_found: ['host'],
  rate_limited: ['host'],
  server_error: ['host'],
  bad_reply: ['host'],
  bad_address: [],
  other: ['host'],
  // "Test connection" on the Sales settings page: its results are words of this family too.
  /** The model answered the test. */
  test_connected: ['model', 'ms'],
  /** No endpoint address is set. */
  test_no_address: [],
  /** No model name is set. */
  test_no_model: [],
  /** The endpoint needs an API key and none is saved. */
  test_needs_key: [],
  /** Another address is tested: the saved key only goes to the saved address, so the key must be typed. */
  test_needs_key_typed: [],
});

/** Why an import row was refused (parameters come from the file). */
export const IMPORT_CODES = codes({
  no_handle: [],
  no_title: ['product'],
  no_price: [],
  no_priced_variant: ['product'],
  parent_missing: ['parent'],
  bad_price: ['value'],
  /** "1,200.50.3": the dots and commas do not read one way only. */
  ambiguous_price: ['value'],
  negative_price: ['value'],
  bad_stock: ['value'],
  no_name: [],
  no_sku_or_id: [],
  duplicate_sku: ['sku', 'first'],
  duplicate_variant: ['variant', 'sku'],
  unsupported_type: ['type'],
  /** The row holds characters the file's encoding could not give (U+FFFD): a garbled name is never imported. */
  unreadable: [],
});

const keysOf = <T extends Record<string, unknown>>(o: T) => Object.keys(o) as [Extract<keyof T, string>, ...Extract<keyof T, string>[]];
export const EscalationCode = z.enum(keysOf(ESCALATION_CODES));
export type EscalationCode = z.infer<typeof EscalationCode>;
export const WhatsAppCode = z.enum(keysOf(WHATSAPP_CODES));
export type WhatsAppCode = z.infer<typeof WhatsAppCode>;
export const ImportCode = z.enum(keysOf(IMPORT_CODES));
export type ImportCode = z.infer<typeof ImportCode>;

export const NoticeParams = z.record(z.string(), z.union([z.string(), z.number()]));
export type NoticeParams = z.infer<typeof NoticeParams>;

export const EscalationNotice = z.object({ code: EscalationCode, params: NoticeParams });
export type EscalationNotice = z.infer<typeof EscalationNotice>;
export const WhatsAppNotice = z.object({ code: WhatsAppCode, params: NoticeParams });
export type WhatsAppNotice = z.infer<typeof WhatsAppNotice>;
export const ImportNotice = z.object({ code: ImportCode, params: NoticeParams });
export type ImportNotice = z.infer<typeof ImportNotice>;

/** A notice whose params are exactly the ones its code declares (checked by the type). */
type ParamsOf<T extends Record<string, readonly string[]>, C extends keyof T> = { [P in T[C][number]]: string | number };
/** A code's params as a rest tuple: nothing for a code that declares none. */
type ArgsOf<T extends Record<string, readonly string[]>, C extends keyof T> = keyof ParamsOf<T, C> extends never ? [] : [ParamsOf<T, C>];

/** One family's notice builder (`escalation('price_question', { … })`): the one place a notice is put together. */
function noticeBuilder<T extends Record<string, readonly string[]>>() {
  return <C extends Extract<keyof T, string>>(
    code: C,
    ...params: ArgsOf<T, C>
  ): { code: Extract<keyof T, string>; params: NoticeParams } => ({
    code,
    params: params[0] ?? {},
  });
}

export const escalation = noticeBuilder<typeof ESCALATION_CODES>();
export const whatsappNotice = noticeBuilder<typeof WHATSAPP_CODES>();
export const importNotice = noticeBuilder<typeof IMPORT_CODES>();

/**
 * Escalation reasons are stored in one text column and carried by the brain's `escalateReason`
 * string (the LLM fills it with free text), so they are encoded as a JSON list of notices.
 * Anything that is not such a list (an LLM's words, a row from before codes) is a `bot_note`.
 */
export function encodeEscalations(notices: readonly EscalationNotice[]): string {
  return JSON.stringify(notices);
}

export function decodeEscalations(text: string | null | undefined): EscalationNotice[] {
  if (!text?.trim()) return [];
  if (text.startsWith('[')) {
    try {
      const parsed = z.array(EscalationNotice).safeParse(JSON.parse(text));
      if (parsed.success) return parsed.data;
    } catch {
      // Not JSON after all: free text that starts with a bracket.
    }
  }
  return [escalation('bot_note', { note: text })];
}

/** Merges reasons (each code once, first parameters win), for a decision escalated several ways. */
export function mergeEscalations(...texts: (string | null | undefined)[]): string {
  const seen = new Map<string, EscalationNotice>();
  for (const n of texts.flatMap(decodeEscalations)) if (!seen.has(n.code)) seen.set(n.code, n);
  return encodeEscalations([...seen.values()]);
}

/** The same for a WhatsApp card's state, stored in `wa_accounts.status_detail`. */
export function encodeWhatsAppNotice(notice: WhatsAppNotice | null): string | null {
  return notice ? JSON.stringify(notice) : null;
}

export function decodeWhatsAppNotice(text: string | null | undefined): WhatsAppNotice | null {
  if (!text?.trim()) return null;
  try {
    const parsed = WhatsAppNotice.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    // An English sentence from before codes.
  }
  return whatsappNotice('legacy', { text });
}

/**
 * Why a knowledge document was refused. Core sends `document.<code>` as the contract error's message (its code is
 * `invalid_input`); the page words it (renderer/src/features/notices/error-words.ts).
 */
export const DOCUMENT_CODES = codes({
  empty: [],
  too_large: [],
  unsupported_type: [],
  /** A PDF or Word file whose text could not be read (scanned, damaged, protected). */
  unreadable: [],
});
/** The contract error message that carries a document refusal. */
export const documentRefusal = (code: keyof typeof DOCUMENT_CODES): string => `document.${code}`;

/**
 * What core's notifier (a desktop notification in Electron, a log line headless) says. The Electron shell
 * and the browser word it in the seller's language (shared/desktop/notifier-strings.ts); most of these are
 * also told by an event the desk model words itself, so only some show as notifications of their own.
 */
export const NOTIFIER_CODES = codes({
  /** The disk is full: Souqbot keeps what arrives in memory and resumes by itself. */
  disk_full: [],
  /** A turn kept failing and was set aside for the seller. */
  turn_parked: ['conversationId'],
  /** A customer wrote in a conversation the seller took over. */
  takeover_message: ['conversationId'],
  /** A reply waits for the seller's approval. */
  draft_waiting: ['conversationId'],
  /** A conversation was passed to the seller (the reason travels with the escalation event). */
  escalated: ['conversationId'],
  /** A message could not be sent (the channel's own error stays in the log). */
  send_failed: ['conversationId'],
  /** A confirmed order: who (may be empty), how much, where (may be empty), what. */
  order_created: ['id', 'customer', 'total', 'currency', 'place', 'items'],
  /** A number stopped for good (banned, unlinked, session invalid): the Connect page says what to do. */
  wa_needs_attention: ['accountId'],
  /** A number failed to reconnect several times in a row; Souqbot keeps trying every minute. */
  wa_keeps_disconnecting: ['accountId'],
  /** Several messages could not be decrypted; placeholders were stored. */
  wa_unreadable: ['accountId'],
});

export const NotifierCode = z.enum(keysOf(NOTIFIER_CODES));
export type NotifierCode = z.infer<typeof NotifierCode>;
export const NotifierNotice = z.object({ code: NotifierCode, params: NoticeParams });
export type NotifierNotice = z.infer<typeof NotifierNotice>;
export const notifierNotice = noticeBuilder<typeof NOTIFIER_CODES>();

export const LlmCode = z.enum(keysOf(LLM_CODES));
export type LlmCode = z.infer<typeof LlmCode>;
export const LlmNotice = z.object({ code: LlmCode, params: NoticeParams });
export type LlmNotice = z.infer<typeof LlmNotice>;
export const llmNotice = noticeBuilder<typeof LLM_CODES>();
