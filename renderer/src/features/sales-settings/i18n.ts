import { defineStrings } from '../../i18n/define';

export const strings = defineStrings({
  en: { title: "Sales settings", body: "How the bot sells: intensity, maximum discount, follow-ups." },
  fr: { title: "Réglages de vente", body: "Comment le bot vend : intensité, remise maximale, relances." },
  ar: { title: "إعدادات البيع", body: "كيف يبيع البوت: الحدة، أقصى تخفيض، المتابعات." },
  pt: { title: "Configurações de venda", body: "Como o bot vende: intensidade, desconto máximo, acompanhamentos." },
});
