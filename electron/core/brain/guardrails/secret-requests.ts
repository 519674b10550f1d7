import type { Violation } from '../../../../shared/domain/guardrails';
import { clauses, fold, lexicon } from './text';

/**
 * "Never ask for codes, OTPs, passwords or card numbers." The classic WhatsApp takeover is a
 * message asking the customer to forward the 6-digit code they just received; a shop never needs
 * one, nor a password, a PIN or a card's number or CVV (cash on delivery, a payment link of the
 * shop's own). A clause that asks for one (a request word and a secret, not a warning: "never share
 * your code" is advice) fails. Pure; every language the shops' customers write.
 */

/** Always secret: asking for these is never shop business. */
const SECRETS = lexicon([
  'otp', 'password', 'passcode', 'pin', 'pin code', 'cvv', 'cvc', 'cvv2', 'security code', 'verification code', 'confirmation code', 'sms code', 'whatsapp code', 'one-time code', 'card number', 'credit card number', 'card details', '6-digit code', '6 digit code',
  'mot de passe', 'code pin', 'code secret', 'code de verification', 'code de confirmation', 'code recu', 'code sms', 'code whatsapp', 'code a 6 chiffres', 'numero de carte', 'numero de la carte', 'cryptogramme', 'coordonnees bancaires',
  'senha', 'codigo de verificacao', 'codigo de confirmacao', 'codigo sms', 'codigo do whatsapp', 'numero do cartao', 'dados do cartao', 'codigo de seguranca',
  'codice di verifica', 'codice otp', 'codice sms', 'numero della carta', 'codice di sicurezza',
  'كلمة السر', 'كلمة المرور', 'الرقم السري', 'رمز التحقق', 'رمز التاكيد', 'كود التحقق', 'كود التفعيل', 'رقم البطاقه', 'رمز الامان', 'الكود السري',
  'lmot de passe', 'lcode secret', 'code li jak', 'lcode li jak', 'lcode li wsalek', 'code li wslek', 'numero dyal lcarte', 'raqm lcarte',
]);

/** A code of unstated kind counts when it came by SMS/WhatsApp or is asked for on its own. */
const BARE_CODE = lexicon(['code', 'lcode', 'codigo', 'codice', 'كود', 'الكود', 'رمز', 'الرمز', 'كودك', 'رمزك']);
/** Codes a shop may legitimately mention or ask about. */
const HARMLESS_CODE = lexicon([
  'code promo', 'promo code', 'discount code', 'coupon', 'code postal', 'postal code', 'zip code', 'codigo postal', 'cep', 'codice postale', 'cap', 'codigo promocional', 'codice sconto', 'code de reduction', 'الرمز البريدي', 'كود الخصم', 'code couleur', 'color code', 'code article', 'code produit',
]);

/** Words that ask the customer to hand something over. */
const REQUESTS = lexicon([
  'send', 'give', 'share', 'tell', 'type', 'enter', 'forward', 'reply with', 'provide', 'confirm', "what's your", 'what is your',
  'envoie', 'envoyez', 'envoyer', 'donne', 'donnez', 'donner', 'communique', 'communiquez', 'partage', 'partagez', 'transmettez', 'transmets', 'tapez', 'tape', 'saisissez', 'indiquez', 'ecrivez', 'renvoyez', 'confirmez', 'quel est votre', 'quel est ton',
  'envia', 'envie', 'manda', 'mande', 'informe', 'diga', 'digite', 'passa', 'passe', 'compartilhe', 'me fala', 'qual e o seu', 'qual e a sua',
  'invia', 'inviaci', 'inviami', 'manda', 'mandaci', 'dimmi', 'dacci', 'scrivi', 'comunica', 'condividi',
  'ارسل', 'أرسل', 'ارسلي', 'ابعث', 'ابعثلي', 'ابعتلي', 'عطيني', 'اعطيني', 'اعطنا', 'ارسله', 'صيفط', 'صيفطلي', 'سيفطلي', 'قولي', 'اكتب', 'ادخل', 'شارك', 'ابعثيلي', 'زودنا', 'ما هو',
  'sift', 'sifet', 'sifetli', 'siftli', 'sayfet', 'seyfet', 'b3at', 'ab3at', 'ab3athli', '3tini', 'a3tini', '3tina', 'golli', '9olli', 'goulili', 'ktebli', 'dkhel', 'mdli', 'medli',
]);

/**
 * A warning ("never share your code", "ne donnez jamais votre mot de passe") names a secret and a
 * request word too. Only these count as one: a plain negation elsewhere in the clause ("don't
 * worry, just send the code") must not excuse the request.
 */
const WARNINGS = lexicon([
  'never', "don't share", 'do not share', "don't send", 'do not send', "don't give", 'do not give', "don't tell",
  'jamais', 'ne partagez', 'ne donnez', 'ne communiquez', "n'envoyez", 'ne transmettez', 'ne partage', 'ne donne',
  'nunca', 'nao compartilhe', 'nao envie', 'nao passe', 'nao informe', 'nao forneca',
  'non condividere', 'non inviare', 'non dare', 'non comunicare',
  'ابدا', 'لا تشارك', 'لا ترسل', 'لا تعطي', 'لا تعط', 'لا تبعث', 'ما تعطيش', 'ما تبعثش', 'ماتعطيش', 'ماتصيفطش',
  'ma tsiftch', 'matsiftch', 'ma t3tich', 'mat3tich', '3omrek', '3mrek',
]);

export function checkSecretRequests(reply: string): Violation[] {
  for (const clause of clauses(reply)) {
    const folded = fold(clause);
    if (!REQUESTS.has(folded) || WARNINGS.has(folded)) continue;
    const secret = SECRETS.find(folded) ?? (HARMLESS_CODE.has(folded) ? null : BARE_CODE.find(folded));
    if (secret) return [{ kind: 'asks_for_secret', detail: 'The reply asks the customer for a code, password or card number.', fragment: clause.slice(0, 120) }];
  }
  return [];
}
