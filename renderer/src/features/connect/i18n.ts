import { defineStrings } from '../../i18n/define';

export const strings = defineStrings({
  en: { title: "Link WhatsApp", body: "Linking your WhatsApp number by QR code or pairing code arrives here. Until then, try the bot from the test phone in the Inbox." },
  fr: { title: "Relier WhatsApp", body: "La liaison de votre numéro WhatsApp par QR code ou code d’appairage arrive ici. En attendant, essayez le bot avec le téléphone de test dans Messages." },
  ar: { title: "ربط واتساب", body: "ربط رقم واتساب الخاص بك عبر رمز QR أو رمز الاقتران سيكون هنا. إلى ذلك الحين، جرّب البوت من هاتف التجربة في الرسائل." },
  pt: { title: "Conectar o WhatsApp", body: "A conexão do seu número de WhatsApp por QR code ou código de pareamento chega aqui. Até lá, teste o bot pelo telefone de teste em Mensagens." },
});
