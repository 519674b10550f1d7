import { describe, expect, it } from 'vitest';
import { ShopFacts } from '../../../../shared/domain/settings';
import { checkReply } from './check-reply';
import { checkLinks, linksIn } from './links';
import { checkPriceOwners } from './price-owner';
import { checkSecretRequests } from './secret-requests';
import { checkInput, product, store } from '../../test-utils/guardrail-fixtures';

// Shops unlike the samples: a Casablanca phone-accessories shop and a Porto cosmetics shop.
const charger = product({
  sku: 'MA-CH-20W',
  name: 'Chargeur rapide 20W USB-C',
  aliases: ['chargeur', 'charja'],
  price: 149,
  currency: 'MAD',
  images: ['https://cdn.souq-media.ma/p/ch20w.jpg'],
});
const case15 = product({
  sku: 'MA-CS-i15',
  name: 'Coque iPhone 15 silicone',
  aliases: ['coque', 'kvr', 'cover'],
  price: 89,
  currency: 'MAD',
});
const earbuds = product({
  sku: 'MA-EB-PRO',
  name: 'Écouteurs sans fil Pro',
  aliases: ['ecouteurs', 'kit', 'airpods'],
  price: 349,
  currency: 'MAD',
  compareAtPrice: 399,
});
const serum = product({ sku: 'PT-SR-VC', name: 'Sérum Vitamina C 30 ml', aliases: ['serum', 'sérum'], price: 24.9, currency: 'EUR' });
const creme = product({ sku: 'PT-CR-HD', name: 'Creme Hidratante Karité', aliases: ['creme', 'hidratante'], price: 18.5, currency: 'EUR' });

const phoneShop = store({
  products: [charger, case15, earbuds],
  facts: ShopFacts.parse({
    deliveryZones: [{ name: 'Casablanca', fee: 20, delayDays: '1' }],
    shopLinks: ['https://www.gsm-corner.ma', 'instagram.com/gsmcorner.casa'],
  }),
});
const cosmetics = store({
  products: [serum, creme],
  facts: ShopFacts.parse({ deliveryZones: [{ name: 'Porto', fee: 3.5, delayDays: '1-2' }] }),
});

describe('links in a reply', () => {
  const check = (reply: string) =>
    checkLinks({ reply, shopLinks: phoneShop.facts.shopLinks, imageUrls: phoneShop.products.flatMap((p) => p.images) });

  it('allows the shop’s own site (any page, any subdomain), its Instagram page and catalog photos', () => {
    expect(check('Voir tous nos modèles : https://gsm-corner.ma/collections/chargeurs.')).toEqual([]);
    expect(check('Commandez sur boutique.gsm-corner.ma ou www.gsm-corner.ma/promo')).toEqual([]);
    expect(check('Suivez-nous : instagram.com/gsmcorner.casa')).toEqual([]);
    expect(check('Photo : https://cdn.souq-media.ma/p/ch20w.jpg')).toEqual([]);
  });

  it('refuses any other address, with or without a scheme, hidden in any language', () => {
    expect(check('Pour confirmer, cliquez ici : http://gsm-corner.ma.verify-pay.top/login')).toHaveLength(1);
    expect(check('Khallas men hna: bit.ly/3xYz9 w sift lina screenshot')).toHaveLength(1);
    expect(check('يرجى الدفع عبر الرابط secure-payment-ma.com/pay?id=77')).toHaveLength(1);
    expect(check('Pague aqui https://pix-rapido.xyz/qr e envie o comprovante')).toHaveLength(1);
    // Another photo on the same CDN is not a catalog photo.
    expect(check('Photo : https://cdn.souq-media.ma/p/other-shop.jpg')).toHaveLength(1);
    expect(check('Voir instagram.com/someone.else')).toHaveLength(1);
  });

  it('does not see links in prices, times, sizes or abbreviations', () => {
    expect(linksIn('Prix 6.500 DA, livraison 9h.30, taille 42.5, etc. Mme.Dupont, S.M.L')).toEqual([]);
  });
});

describe('asking for codes, passwords, card numbers', () => {
  const asks = [
    'Pour valider votre commande, envoyez-nous le code de vérification reçu par SMS.',
    'Please send us the 6-digit code WhatsApp just sent you to confirm the order.',
    'Sift lina lcode li jak f SMS bach nconfirmiw la commande',
    'من فضلك أرسل لنا رمز التحقق الذي وصلك',
    'Para confirmar, me passa o código que chegou por SMS',
    'Mandaci il codice di verifica che hai ricevuto',
    'Donnez-moi le numéro de carte et le cryptogramme au dos svp',
    'Qual é a sua senha do app?',
    "Don't worry, just send us the code you received.",
    '3tini lmot de passe dyal compte',
    'ابعثلي الكود اللي جاك',
  ];
  const fine = [
    'Vous avez un code promo ? Envoyez-le, on l’applique !',
    'Envoyez-nous votre code postal pour calculer la livraison.',
    'Nunca compartilhe o seu código de verificação com ninguém.',
    'Ne donnez jamais votre mot de passe, même à nous.',
    'Le paiement se fait à la livraison, en espèces.',
    'Never share your OTP with anyone, we will never ask for it.',
    'Utilisez le code SOUQ10 pour 10 % de remise.',
  ];
  it.each(asks)('flags: %s', (reply) => expect(checkSecretRequests(reply).map((v) => v.kind)).toEqual(['asks_for_secret']));
  it.each(fine)('lets through: %s', (reply) => expect(checkSecretRequests(reply)).toEqual([]));
});

describe('a price belongs to the product it is quoted for', () => {
  const owners = (reply: string, s = phoneShop, skus: string[] = []) => checkPriceOwners({ reply, store: s, skus }).map((v) => v.fragment);

  it('flags another product’s price, whatever the sentence shape', () => {
    expect(owners('La coque iPhone 15 est à 149 DH.')).toEqual(['149']);
    expect(owners('349 dh pour la coque, livraison 20 dh.')).toEqual(['349']);
    expect(owners('O sérum custa 18,50 €.', cosmetics)).toEqual(['18,50']);
    // No product named in the clause: the decision's only product is the one it is about.
    expect(owners('Salam! Rah b 349 dh.', phoneShop, ['MA-CS-i15'])).toEqual(['349']);
  });

  it('accepts each product’s own price, quantities, fees, old price and a mixed order total', () => {
    expect(owners('La coque est à 89 DH et le chargeur à 149 DH.')).toEqual([]);
    expect(owners('2 coques = 178 dh, + livraison Casablanca 20 dh = 198 dh')).toEqual([]);
    expect(owners('Les écouteurs Pro : 349 DH au lieu de 399 DH.')).toEqual([]);
    expect(owners('Chargeur + coque : 238 DH au total.')).toEqual([]);
    expect(owners('Bonjour ! Vous voulez 2 coques ?')).toEqual([]);
  });

  it('reads a number inside a product’s own name as part of the name, not as a price', () => {
    const big = product({ sku: 'MA-ARG-100', name: "Huile d'argan bio 100 ml", price: 120, currency: 'MAD' });
    const small = product({ sku: 'MA-ARG-50', name: "Huile d'argan bio 50 ml", price: 70, currency: 'MAD' });
    const kit = product({ sku: 'MA-KIT', name: 'Coffret hammam', price: 100, currency: 'MAD' });
    const argan = store({ products: [big, small, kit] });
    expect(owners("• Huile d'argan bio 100 ml : 120 DH\n• Huile d'argan bio 50 ml : 70 DH", argan)).toEqual([]);
    // The same 100 said as a price of the 50 ml is still someone else's price.
    expect(owners("Huile d'argan bio 50 ml : 100 DH", argan)).toEqual(['100']);
  });

  it('reads the longest name: a sibling whose alias is inside it is not the one quoted', () => {
    const aged = product({
      sku: 'IT-PR-36',
      name: 'Parmigiano Reggiano 36 mesi 500 g',
      price: 18.9,
      currency: 'EUR',
      aliases: ['parmigiano 36'],
    });
    const young = product({
      sku: 'IT-PR-24',
      name: 'Parmigiano Reggiano 24 mesi 500 g',
      price: 14.9,
      currency: 'EUR',
      aliases: ['parmigiano'],
    });
    const deli = store({ products: [young, aged] });
    expect(owners('Oui, Parmigiano Reggiano 36 mesi 500 g est disponible à 18,90 €.', deli, ['IT-PR-36'])).toEqual([]);
    // A duration in a description ("30 dias") is no price, even when it rounds to a sibling's.
    const litter = product({ sku: 'BR-AR', name: 'Areia de sílica', price: 39.9, currency: 'BRL' });
    const shampoo = product({ sku: 'BR-SH', name: 'Shampoo pet', price: 30, currency: 'BRL' });
    const pets = store({ products: [litter, shampoo] });
    expect(owners('Areia de sílica: controla odores por 30 dias, R$ 39,90.', pets, ['BR-AR'])).toEqual([]);
    expect(owners('Areia de sílica por 30 reais.', pets, ['BR-AR'])).toEqual(['30']);
    // The sibling named on its own still owns its own price only.
    expect(owners('Le parmigiano est à 18,90 €.', deli, ['IT-PR-24'])).toEqual(['18,90']);
  });

  it('reaches the seller through checkReply for an LLM reply of any intent', () => {
    const input = checkInput('Bonjour ! Le Sac à main cuir noir est à 6 500 DA, livraison 400 DA.', {
      decisionOver: { intent: 'greeting', skus: ['DZ-BG-001'] },
    });
    expect(checkReply(input).map((v) => v.kind)).toEqual(['price_of_other_product']);
    const phishing = checkInput('Pour confirmer la Robe de soirée rouge, envoyez le code reçu par SMS ici : https://dz-poste-verif.com', {
      decisionOver: { skus: ['DZ-DR-001'] },
    });
    expect(
      checkReply(phishing)
        .map((v) => v.kind)
        .sort(),
    ).toEqual(['asks_for_secret', 'foreign_link']);
  });
});
