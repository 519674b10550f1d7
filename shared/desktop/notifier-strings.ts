import type { NotifierCode, NotifierNotice } from '../domain/notices';
import { type DeskLocale, deskStrings, fill } from './desk-strings';

/**
 * The words of core's notifier codes (shared/domain/notices.ts NOTIFIER_CODES), a title and a body each, in every UI
 * locale. The record type makes a missing code a type error; the localisation-coverage test
 * (renderer/src/features/notices/coverage.test.ts) also checks that no string is empty or names a parameter its code
 * does not have.
 */
export type NotifierWords = Record<NotifierCode, { title: string; body: string }>;

export const notifierStrings: Record<DeskLocale, NotifierWords> = {
  en: {
    disk_full: {
      title: 'The bot is paused: the disk is full',
      body: 'Free some space on this computer. Souqbot keeps the messages that arrive and starts again by itself.',
    },
    turn_parked: {
      title: 'A customer needs you',
      body: 'The bot could not answer after several tries. Open the conversation to answer yourself.',
    },
    takeover_message: {
      title: 'A customer wrote to you',
      body: 'They wrote in a conversation you took over: the bot does not answer there.',
    },
    draft_waiting: { title: 'A reply is waiting for you', body: 'Approve, edit or reject it in the inbox.' },
    escalated: { title: 'A customer needs you', body: 'Open the inbox to see why and answer.' },
    send_failed: { title: 'A message could not be sent', body: 'Open the conversation to try again.' },
    order_created: { title: 'New order #{id} from {customer}', body: '{total}{place} — {items}' },
    wa_needs_attention: { title: 'A WhatsApp number needs you', body: 'Open Connect to see what happened and what to do.' },
    wa_keeps_disconnecting: {
      title: 'WhatsApp keeps disconnecting',
      body: 'Souqbot cannot reach WhatsApp and keeps trying every minute. Check this computer’s internet connection.',
    },
    wa_unreadable: {
      title: 'Some WhatsApp messages could not be read',
      body: 'Read them on the phone. If this keeps happening, link the number again.',
    },
  },
  fr: {
    disk_full: {
      title: 'Le bot est en pause : le disque est plein',
      body: 'Libérez de la place sur cet ordinateur. Souqbot garde les messages qui arrivent et reprend tout seul.',
    },
    turn_parked: {
      title: 'Un client a besoin de vous',
      body: "Le bot n'a pas pu répondre après plusieurs essais. Ouvrez la conversation pour répondre vous-même.",
    },
    takeover_message: {
      title: 'Un client vous a écrit',
      body: 'Il a écrit dans une conversation que vous avez reprise : le bot n’y répond pas.',
    },
    draft_waiting: { title: 'Une réponse vous attend', body: 'Approuvez-la, modifiez-la ou refusez-la dans la boîte de réception.' },
    escalated: { title: 'Un client a besoin de vous', body: 'Ouvrez la boîte de réception pour voir pourquoi et répondre.' },
    send_failed: { title: "Un message n'a pas pu être envoyé", body: 'Ouvrez la conversation pour réessayer.' },
    order_created: { title: 'Nouvelle commande n° {id} de {customer}', body: '{total}{place} — {items}' },
    wa_needs_attention: {
      title: 'Un numéro WhatsApp a besoin de vous',
      body: 'Ouvrez Connexion pour voir ce qui s’est passé et quoi faire.',
    },
    wa_keeps_disconnecting: {
      title: 'WhatsApp se déconnecte sans cesse',
      body: 'Souqbot ne joint pas WhatsApp et réessaie chaque minute. Vérifiez la connexion internet de cet ordinateur.',
    },
    wa_unreadable: {
      title: "Des messages WhatsApp n'ont pas pu être lus",
      body: 'Lisez-les sur le téléphone. Si cela se répète, liez le numéro à nouveau.',
    },
  },
  ar: {
    disk_full: {
      title: 'البوت متوقف: القرص ممتلئ',
      body: 'حرّر بعض المساحة على هذا الجهاز. يحتفظ Souqbot بالرسائل التي تصل ويعود للعمل وحده.',
    },
    turn_parked: { title: 'زبون يحتاجك', body: 'لم يتمكن البوت من الرد بعد عدة محاولات. افتح المحادثة ورُدّ بنفسك.' },
    takeover_message: { title: 'زبون كتب لك', body: 'كتب في محادثة توليتَها بنفسك: البوت لا يرد فيها.' },
    draft_waiting: { title: 'رد ينتظر موافقتك', body: 'وافق عليه أو عدّله أو ارفضه في صندوق الرسائل.' },
    escalated: { title: 'زبون يحتاجك', body: 'افتح صندوق الرسائل لترى السبب وترد.' },
    send_failed: { title: 'تعذر إرسال رسالة', body: 'افتح المحادثة للمحاولة من جديد.' },
    order_created: { title: 'طلب جديد رقم {id} من {customer}', body: '{total}{place} — {items}' },
    wa_needs_attention: { title: 'رقم واتساب يحتاجك', body: 'افتح صفحة الربط لترى ما حدث وما يجب فعله.' },
    wa_keeps_disconnecting: {
      title: 'واتساب ينقطع باستمرار',
      body: 'لا يصل Souqbot إلى واتساب ويعيد المحاولة كل دقيقة. تحقق من اتصال هذا الجهاز بالإنترنت.',
    },
    wa_unreadable: {
      title: 'تعذرت قراءة بعض رسائل واتساب',
      body: 'اقرأها على الهاتف. إن تكرر هذا، اربط الرقم من جديد.',
    },
  },
  pt: {
    disk_full: {
      title: 'O bot está pausado: o disco está cheio',
      body: 'Libere espaço neste computador. O Souqbot guarda as mensagens que chegam e volta sozinho.',
    },
    turn_parked: {
      title: 'Um cliente precisa de você',
      body: 'O bot não conseguiu responder depois de várias tentativas. Abra a conversa para responder você mesmo.',
    },
    takeover_message: {
      title: 'Um cliente escreveu para você',
      body: 'Ele escreveu numa conversa que você assumiu: o bot não responde nela.',
    },
    draft_waiting: { title: 'Uma resposta espera por você', body: 'Aprove, edite ou rejeite na caixa de entrada.' },
    escalated: { title: 'Um cliente precisa de você', body: 'Abra a caixa de entrada para ver o motivo e responder.' },
    send_failed: { title: 'Uma mensagem não pôde ser enviada', body: 'Abra a conversa para tentar de novo.' },
    order_created: { title: 'Novo pedido nº {id} de {customer}', body: '{total}{place} — {items}' },
    wa_needs_attention: { title: 'Um número de WhatsApp precisa de você', body: 'Abra Conectar para ver o que aconteceu e o que fazer.' },
    wa_keeps_disconnecting: {
      title: 'O WhatsApp desconecta sem parar',
      body: 'O Souqbot não alcança o WhatsApp e tenta de novo a cada minuto. Verifique a internet deste computador.',
    },
    wa_unreadable: {
      title: 'Algumas mensagens do WhatsApp não puderam ser lidas',
      body: 'Leia-as no telefone. Se isso se repetir, vincule o número de novo.',
    },
  },
  it: {
    disk_full: {
      title: 'Il bot è in pausa: il disco è pieno',
      body: 'Libera spazio su questo computer. Souqbot conserva i messaggi che arrivano e riparte da solo.',
    },
    turn_parked: {
      title: 'Un cliente ha bisogno di te',
      body: 'Il bot non è riuscito a rispondere dopo vari tentativi. Apri la conversazione e rispondi tu.',
    },
    takeover_message: {
      title: 'Un cliente ti ha scritto',
      body: 'Ha scritto in una conversazione che hai preso in mano: lì il bot non risponde.',
    },
    draft_waiting: { title: 'Una risposta ti aspetta', body: 'Approvala, modificala o rifiutala nella posta in arrivo.' },
    escalated: { title: 'Un cliente ha bisogno di te', body: 'Apri la posta in arrivo per vedere il motivo e rispondere.' },
    send_failed: { title: 'Un messaggio non è stato inviato', body: 'Apri la conversazione per riprovare.' },
    order_created: { title: 'Nuovo ordine n. {id} da {customer}', body: '{total}{place} — {items}' },
    wa_needs_attention: { title: 'Un numero WhatsApp ha bisogno di te', body: 'Apri Collega per vedere cosa è successo e cosa fare.' },
    wa_keeps_disconnecting: {
      title: 'WhatsApp continua a disconnettersi',
      body: 'Souqbot non raggiunge WhatsApp e riprova ogni minuto. Controlla la connessione internet di questo computer.',
    },
    wa_unreadable: {
      title: 'Alcuni messaggi WhatsApp non si possono leggere',
      body: 'Leggili sul telefono. Se succede ancora, collega di nuovo il numero.',
    },
  },
};

/** Text from outside (a customer's name, a product) isolated so Latin punctuation stays put inside Arabic (FSI…PDI). */
const isolate = (text: string) => `\u2068${text}\u2069`;

/** Money in the locale's format, Western digits in Arabic; an unknown currency code falls back to "total CODE". */
function money(locale: DeskLocale, total: number, currency: string): string {
  try {
    return new Intl.NumberFormat(locale === 'ar' ? 'ar-DZ-u-nu-latn' : locale, { style: 'currency', currency }).format(total);
  } catch {
    return `${total} ${currency}`;
  }
}

/** A notifier code in the seller's language: the title and body of a desktop notification or a log line. */
export function wordNotifier(locale: DeskLocale, notice: NotifierNotice): { title: string; body: string } {
  const words = notifierStrings[locale][notice.code];
  const p = notice.params;
  const text = (key: string) => (typeof p[key] === 'string' ? p[key] : '');
  const values: Record<string, string | number> = Object.fromEntries(
    Object.entries(p).map(([k, v]) => [k, typeof v === 'string' ? isolate(v) : v]),
  );
  if (notice.code === 'order_created') {
    values.customer = text('customer') ? isolate(text('customer')) : deskStrings[locale].aCustomer;
    values.total = isolate(money(locale, typeof p.total === 'number' ? p.total : Number(p.total), text('currency')));
    values.place = text('place') ? ` (${isolate(text('place'))})` : '';
  }
  return { title: fill(words.title, values), body: fill(words.body, values) };
}
