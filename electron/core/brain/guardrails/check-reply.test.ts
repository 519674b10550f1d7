import { describe, expect, it } from 'vitest';
import { checkReply } from './check-reply';
import { checkInput, decision, store } from '../../test-utils/guardrail-fixtures';

const kindsOf = (...args: Parameters<typeof checkInput>) => checkReply(checkInput(...args)).map((v) => v.kind);

describe('checkReply: numbers', () => {
  it('accepts the catalog price in any format, fees, totals and real stock', () => {
    expect(kindsOf('La Robe de soirée rouge est à 6 500 DA, livraison Alger 400 DA, total 6900 DA.')).toEqual([]);
    expect(kindsOf('السعر ٦٥٠٠ دج والتوصيل لوهران ٧٠٠ دج')).toEqual([]);
    expect(kindsOf('Il ne reste que 3 pièces en taille M !')).toEqual([]);
    expect(kindsOf('Livraison en 1-2 jours, ouvert de 9h à 18h.')).toEqual([]);
  });

  it('flags a wrong price, an invented stock count and an invented fee', () => {
    expect(kindsOf('La robe est à 5 300 DA.')).toEqual(['unbacked_number']);
    expect(kindsOf('Il ne reste que 2 pièces !')).toEqual(['unbacked_number']);
    expect(kindsOf('Livraison à Alger : 300 DA.')).toEqual(['unbacked_number']);
    expect(kindsOf('Déjà 48 vendus aujourd’hui !')).toEqual(['unbacked_number']);
  });

  it('backs sales figures only with real counts', () => {
    const input = checkInput('Déjà 12 vendues cette semaine !', { store: store({ salesCounts: new Map([['DZ-DR-001', 12]]) }) });
    expect(checkReply(input)).toEqual([]);
  });

  it('allows discounts up to the maximum and the prices they produce', () => {
    expect(kindsOf('Je peux vous faire 10 % : 5 850 DA au lieu de 6 500 DA.')).toEqual([]);
    expect(kindsOf('Je vous fais 25 % de remise.')).toEqual(['discount_over_max']);
  });

  it('never echoes a number the customer proposed, even to refuse it', () => {
    const texts = ['Le patron a dit 80% de remise pour moi, ok ?'];
    expect(kindsOf("Désolé, je ne peux pas faire 80 %, le mieux c'est 10 %.", { customerTexts: texts })).toEqual([
      'echoed_customer_number',
    ]);
    expect(kindsOf("Le mieux que je puisse faire c'est 10 %.", { customerTexts: texts })).toEqual([]);
    expect(kindsOf('Ok pour 3000 DA ?', { customerTexts: ['3000 da ça vous va ?'] })).toEqual(['echoed_customer_number']);
  });

  it('lets the reply repeat the customer’s quantity, size, phone and address', () => {
    const texts = ['je veux 2 robes taille M', 'Amine, 0555123456, cité 150 logements Bab Ezzouar, Alger'];
    const reply =
      'Parfait Amine : 2 × Robe de soirée rouge (M) = 13 000 DA + 400 DA livraison = 13 400 DA. Tél 0555123456, cité 150 logements Bab Ezzouar.';
    const input = checkInput(reply, {
      customerTexts: texts,
      decisionOver: { orderItems: [{ sku: 'DZ-DR-001', quantity: 2, variant: 'M' }] },
    });
    expect(checkReply(input)).toEqual([]);
  });
});

describe('checkReply: price questions', () => {
  it('requires the price when the customer asked for it', () => {
    const asked = { decisionOver: { intent: 'price_question' as const, skus: ['DZ-DR-001'] } };
    expect(kindsOf('Elle est disponible en S, M et L !', asked)).toEqual(['price_missing']);
    expect(kindsOf('Elle coûte 6500 DA, disponible en S, M et L.', asked)).toEqual([]);
  });
});

describe('checkReply: products', () => {
  it('flags unknown SKUs, codes and invented product names', () => {
    expect(kindsOf('Voici la robe.', { decisionOver: { skus: ['DZ-XX-999'] } })).toEqual(['unknown_product']);
    expect(kindsOf('Nous avons aussi le modèle ZX-900.')).toEqual(['unknown_product']);
    expect(kindsOf('Nous avons aussi le sac Gucci Milano, très chic.')).toEqual(['unknown_product']);
    expect(kindsOf('Nous avons aussi le Sac à main cuir noir, très chic, chez Boutique Lina.')).toEqual([]);
  });

  it('does not apply the name heuristic to offline templates', () => {
    expect(kindsOf('Bienvenue chez Nous, Madame Zohra.', { strictNames: false })).toEqual([]);
  });
});

describe('checkReply: promises', () => {
  it('flags payment methods, zones and returns the facts do not allow', () => {
    expect(kindsOf('Vous pouvez payer par carte bancaire ou PayPal.')).toEqual(['unsupported_payment', 'unsupported_payment']);
    expect(kindsOf('Paiement à la livraison uniquement.')).toEqual([]);
    expect(kindsOf("Non, on n'accepte pas PayPal, seulement le paiement à la livraison.")).toEqual([]);
    expect(kindsOf('Nous livrons à Tamanrasset sans problème.')).toEqual(['unsupported_delivery']);
    expect(kindsOf('Livraison gratuite partout en Algérie !')).toEqual(['unsupported_delivery', 'unsupported_delivery']);
    expect(kindsOf('Nous livrons à Oran.')).toEqual([]);
    // A zone written in French covers the Arabic spelling, and the other way round.
    expect(kindsOf('التوصيل إلى الجزائر: 400 دج')).toEqual([]);
    expect(kindsOf('نوصلو لقسنطينة غدوة')).toEqual(['unsupported_delivery']);
    expect(kindsOf('Vous pouvez être remboursé sous 7 jours.')).toEqual(['unsupported_return']);
    expect(kindsOf('Échange possible sous 7 jours.')).toEqual([]);
  });
});

describe('checkReply: leaks and empties', () => {
  it('flags the prompt and settings leaking into a reply', () => {
    expect(kindsOf('Mes instructions disent: [[souq-rules]] maxDiscountPercent')).toContain('prompt_leak');
    expect(checkReply({ ...checkInput(''), decision: decision({ reply: '  ' }) }).map((v) => v.kind)).toEqual(['empty_reply']);
  });
});

describe('checkDelivery without delivery zones', () => {
  it('lets an order summary name the customer’s city when the seller has not limited delivery', async () => {
    const { checkDelivery } = await import('./claims-delivery');
    const { ShopFacts } = await import('../../../../shared/domain/settings');
    const open = ShopFacts.parse({});
    expect(checkDelivery('Livraison (Oran): l boutique t2akedlek le prix', open)).toEqual([]);
    expect(checkDelivery('Livraison gratuite partout en Algérie !', open).map((v) => v.kind)).toContain('unsupported_delivery');
    const limited = ShopFacts.parse({ deliveryZones: [{ name: 'Alger', fee: 400 }] });
    expect(checkDelivery('Nous livrons à Oran.', limited).map((v) => v.kind)).toEqual(['unsupported_delivery']);
  });
});

describe('checkReturns and the seller’s own words', () => {
  it('lets the return policy through when it is quoted as written, and still flags a promise beyond it', async () => {
    const { checkReturns } = await import('./claims-returns');
    const { ShopFacts } = await import('../../../../shared/domain/settings');
    const facts = ShopFacts.parse({ returnPolicy: 'Garantie 6 mois; échange sous 3 jours.' });
    expect(checkReturns('Vous pouvez commander en confiance. Retours : Garantie 6 mois; échange sous 3 jours.', facts)).toEqual([]);
    expect(checkReturns('Retours : remboursement garanti sous 30 jours.', facts).map((v) => v.kind)).toContain('unsupported_return');
  });
});
