import { afterEach, describe, expect, it } from 'vitest';
import { type OpenShop, type ShopSpec, openShop } from '../shop-harness';

/** Held out (issue 9): a plural "-s" is not the size letter S, in any language of the shop's customers. */
const HELMETS: ShopSpec = {
  name: 'Cycles Rhône Pièces',
  currency: 'EUR',
  country: 'FR',
  products: [
    { sku: 'FR-CS-05', name: 'Casque vélo urbain', price: 59, variants: ['S', 'M', 'L'], aliases: ['casque', 'capacete', 'casco'] },
    { sku: 'FR-GT-06', name: 'Gants de vélo', price: 19, variants: ['S', 'M', 'L', 'XL'], aliases: ['gants', 'luvas', 'guanti'] },
  ],
};

let shop: OpenShop | undefined;
afterEach(async () => {
  await shop?.close();
  shop = undefined;
});

describe('a plural is not a size letter', () => {
  it.each([
    ['je veux 2 casques', 'FR-CS-05'],
    ['quero 2 capacetes', 'FR-CS-05'],
    ['vorrei 2 caschi', 'FR-CS-05'],
    ['bghit 2 gants', 'FR-GT-06'],
    ['I want 2 gloves, the gants', 'FR-GT-06'],
  ])('«%s» asks the size instead of taking S', async (text, sku) => {
    shop = await openShop(HELMETS);
    const customer = await shop.customer();
    const turn = await customer.say(text);
    expect(turn.skus[0], turn.reply).toBe(sku);
    // The sizes are offered (all of them), none was chosen for the customer.
    expect(turn.reply, turn.reply).toMatch(/\bS\b[^\n]*\bM\b[^\n]*\bL\b/);
  });
});
