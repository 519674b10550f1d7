import { defineStrings } from '../../i18n/define';

export const strings = defineStrings({
  en: { title: "Learning", body: "Not yet available. Souqbot will learn from conversations that ended in an order and suggest answers for you to approve." },
  fr: { title: "Apprentissage", body: "Pas encore disponible. Souqbot apprendra des conversations qui ont abouti à une commande et vous proposera des réponses à valider." },
  ar: { title: "التعلّم", body: "غير متاح بعد. سيتعلم سوق بوت من المحادثات التي انتهت بطلب، ويقترح عليك إجابات لتوافق عليها." },
  pt: { title: "Aprendizado", body: "Ainda não disponível. O Souqbot vai aprender com as conversas que terminaram em pedido e sugerir respostas para você aprovar." },
  it: { title: "Apprendimento", body: "Non ancora disponibile. Souqbot imparerà dalle conversazioni finite con un ordine e ti proporrà risposte da approvare." },
});
