import { defineStrings } from '../../i18n/define';

export const strings = defineStrings({
  en: { title: "Knowledge", body: "Answers the bot may give about your shop: delivery, returns, payment, opening hours." },
  fr: { title: "Connaissances", body: "Les réponses que le bot peut donner sur votre boutique : livraison, retours, paiement, horaires." },
  ar: { title: "المعرفة", body: "الإجابات التي يمكن للبوت تقديمها عن متجرك: التوصيل، الإرجاع، الدفع، أوقات العمل." },
  pt: { title: "Conhecimento", body: "Respostas que o bot pode dar sobre sua loja: entrega, devoluções, pagamento, horários." },
});
