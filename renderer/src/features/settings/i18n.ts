import { defineStrings } from '../../i18n/define';

export const strings = defineStrings({
  en: { title: "Settings", body: "Shop details, the AI provider and your data." },
  fr: { title: "Paramètres", body: "Détails de la boutique, fournisseur d’IA et vos données." },
  ar: { title: "الإعدادات", body: "تفاصيل المتجر، مزوّد الذكاء الاصطناعي وبياناتك." },
  pt: { title: "Configurações", body: "Dados da loja, provedor de IA e seus dados." },
});
