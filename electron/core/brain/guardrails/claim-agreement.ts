import type { Violation } from '../../../../shared/domain/guardrails';
import { type Backing, isBacked } from './backing';
import { extractNumbers } from './numbers';
import { fold } from './text';
import type { Product } from '../../../../shared/domain/catalog';
import { isMeasure, ownNumbers } from '../nlu/claims';

/**
 * Words that make a figure a sales or stock claim: "vous avez vendu 1000", "venderam 5000",
 * "bi3tou 800", "500 clientes", "50 en stock", "باعو 300".
 */
const SALES_WORDS =
  /(?:vend(?:u|us|ue|ues|ez|ons|eu|eram|emos|ido|idos|idas|uto|uti|ute|ita|ite|iamo|ete)|sold|sells?|selling|bi3(?:t|tou|tu|tiw|na)|ba3(?:ou|u|tou|tu)|acheté|achete|achet(?:é|e)s|compr(?:aram|ou|ato|ati|ado)|clients?|clientes?|clienti|customers?|commandes?|orders?|pedidos?|ordini|باعو|بعتو|بيعت|زبون|زبائن|كليان)/;
const STOCK_WORDS = /(?:stock|estoque|magazzino|scorte|en reserve|in stock|restam|reste|rimast|ba9i|b9aw|b9at|باقي|بقاو|بقات|السطوك|ستوك)/;

/** "Oui", "c'est vrai", "yes", "exactly", "sim, é verdade", "sì, è vero", "ih s7i7", "صحيح": agreeing with what was said. */
const AGREEMENT =
  /^(?:oui|ouais|yes|yeah|yep|indeed|exact|exactement|exactly|correct|right|true|that s right|c est vrai|c est exact|tout a fait|absolument|bien sur|sim|e verdade|isso mesmo|exato|exatamente|certo|claro|si|e vero|esatto|esattamente|giusto|certo|ih|iyeh|wah|eh|s7i7|sa7|sahih|sah|صحيح|نعم|ايه|إيه|واه|اه|آه|بالضبط|اكيد|أكيد)(?:$|[\s,.!])/;

/** "vous avez vendu 1000 montres ?", "bi3tou 800 had simana": the customer asserts a sales figure. */
export function assertsSalesFigure(text: string, product?: Pick<Product, 'name' | 'altNames' | 'variants'>): boolean {
  if (!SALES_WORDS.test(fold(text))) return false;
  // "do you sell a 20000 mAh power bank?": a measure or a number of the product's name is no sales figure.
  const own = product ? ownNumbers(product) : new Set<number>();
  return extractNumbers(text).some(
    (n) =>
      n.kind !== 'money' &&
      n.kind !== 'percent' &&
      n.kind !== 'phone' &&
      !isMeasure(text, n) &&
      n.values.some((v) => v >= 4 && !own.has(v)),
  );
}

/** The figures in the customer's message that it asserts as sales or stock, and that the store does not back. */
function unbackedFigures(text: string, backing: Backing, salesCounts: ReadonlySet<string>): number[] {
  const folded = fold(text);
  const sales = SALES_WORDS.test(folded);
  const stock = STOCK_WORDS.test(folded);
  if (!sales && !stock) return [];
  return (
    extractNumbers(text)
      .filter((n) => n.kind !== 'money' && n.kind !== 'percent' && n.kind !== 'phone')
      .flatMap((n) => n.values)
      // A number of a product's own name ("Huile d'argan 100 ml en stock ?", "T-shirt 2026") is no figure asserted.
      .filter(
        (v) =>
          v >= 4 && !isBacked(backing.names, [v]) && !(sales && salesCounts.has(String(v))) && !(stock && isBacked(backing.stock, [v])),
      )
  );
}

/**
 * A sales or stock figure the customer asserts ("vous avez vendu 1000 montres, c'est vrai ?")
 * that the store does not back: no sentence of the reply may agree with it, in any language.
 * (Repeating the figure itself is the numbers check's `echoed_customer_number`.)
 */
export function checkClaimAgreement(
  reply: string,
  customerText: string | undefined,
  backing: Backing,
  salesCounts: ReadonlyMap<string, number>,
): Violation[] {
  if (!customerText) return [];
  const figures = unbackedFigures(customerText, backing, new Set([...salesCounts.values()].map(String)));
  if (figures.length === 0) return [];
  const sentences = reply.split(/(?<=[.!?؟\n])\s*/).map((s) => fold(s).replace(/['’]/g, ' ').trim());
  const agreeing = sentences.find((s) => AGREEMENT.test(s));
  if (agreeing === undefined) return [];
  return [
    {
      kind: 'echoed_customer_number',
      detail: `The reply agrees with a sales or stock figure the customer asserted (${figures.join(', ')}) and the store does not back.`,
      fragment: agreeing.slice(0, 80),
    },
  ];
}
