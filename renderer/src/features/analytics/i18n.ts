import { defineStrings } from '../../i18n/define';

export const strings = defineStrings({
  en: { title: "Analytics", body: "Not yet available. Conversations, orders and what the bot sold will be summarised here." },
  fr: { title: "Statistiques", body: "Pas encore disponible. Les conversations, les commandes et ce que le bot a vendu seront résumés ici." },
  ar: { title: "الإحصائيات", body: "غير متاح بعد. سيتم هنا تلخيص المحادثات والطلبات وما باعه البوت." },
  pt: { title: "Análises", body: "Ainda não disponível. Conversas, pedidos e o que o bot vendeu serão resumidos aqui." },
  it: { title: "Statistiche", body: "Non ancora disponibile. Qui verranno riassunti conversazioni, ordini e ciò che il bot ha venduto." },
});
