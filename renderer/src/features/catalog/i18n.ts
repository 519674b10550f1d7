import { defineStrings } from '../../i18n/define';

export const strings = defineStrings({
  en: { title: "Catalog", body: "Import and edit your products here: names, prices, stock, variants." },
  fr: { title: "Catalogue", body: "Importez et modifiez vos produits ici : noms, prix, stock, variantes." },
  ar: { title: "الكتالوج", body: "استورد منتجاتك وعدّلها هنا: الأسماء، الأسعار، المخزون، المقاسات والألوان." },
  pt: { title: "Catálogo", body: "Importe e edite seus produtos aqui: nomes, preços, estoque, variações." },
});
