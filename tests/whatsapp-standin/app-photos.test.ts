import { createDecipheriv, createHash } from 'node:crypto';
import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { getMediaKeys } from '@whiskeysockets/baileys';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startMediaHost, startStandin, type MediaHost, type Standin } from '../../electron/core/channels/whatsapp/test-utils/standin';
import { productPhoto } from '../../electron/core/media/test-utils/synthetic-photos';
import { call } from '../../electron/core/test-utils/temp-core';
import { trustStandin } from './harness';
import { createShop, linkThroughApp, startApp, until, type AppUnderTest } from './app-harness';

const SELLER = '213550000030';
const CUSTOMER = '213660000030';

/**
 * A product photo through the Baileys adapter for real: our app (shop's own brain, catalog image in
 * the data folder) on a real socket; Baileys encrypts the image and uploads it over HTTPS to a
 * loopback media host trusted through the socket's `fetchAgent` (a test certificate), the stand-in's
 * media_conn names that host, and the customer's phone gets an imageMessage whose blob decrypts to
 * the stored file.
 */
describe('stand-in with our app: a product photo goes out as a WhatsApp image', () => {
  let standin: Standin;
  let media: MediaHost;
  let app: AppUnderTest;

  beforeEach(async () => {
    media = await startMediaHost();
    standin = await startStandin();
    trustStandin(standin);
    standin.world.mediaHost = media.host;
    app = await startApp(standin, undefined, { fetchAgent: new https.Agent({ ca: media.ca }) }, { brain: undefined });
  });
  afterEach(async () => {
    await app.cleanup();
    await standin.close();
    await media.close();
  });

  it('uploads the stored photo over HTTPS and the customer receives it with name and price; the closer shows a product’s photo once', async () => {
    const shop = await createShop(app);
    await linkThroughApp(app, standin, shop.id, SELLER);
    const product = await call<{ id: number }>(app.core, 'catalog/create-product', {
      shopId: shop.id,
      name: 'Sac cabas cuir',
      price: 6500,
      stock: 3,
    });
    const withImage = await call<{ images: string[] }>(app.core, 'catalog/set-product-image', {
      shopId: shop.id,
      productId: product.id,
      imageBase64: (await productPhoto(3)).toString('base64'),
    });
    const stored = path.join(app.dataDir, 'catalog-images', String(shop.id), withImage.images[0]!.replace('souq-image:', ''));

    const customer = standin.customer(CUSTOMER);
    await standin.relay.customerSends(customer, SELLER, { conversation: 'Envoyez-moi une photo du sac cabas cuir svp' }, 'Amina');
    await until(() => customer.chat(SELLER).some((b) => !b.fromMe && !!b.message?.imageMessage), 'the photo at the customer', 15_000);
    const image = customer.chat(SELLER).find((b) => !b.fromMe && b.message?.imageMessage)!.message!.imageMessage!;
    expect(image.caption).toMatch(/Sac cabas cuir/);
    expect(image.caption).toMatch(/6[\s.,  ]?500/);
    expect(image.mimetype).toBe('image/jpeg');

    // The blob went to our HTTPS host, and it is the stored file, encrypted with the message's key.
    expect(media.uploads).toHaveLength(1);
    const upload = media.uploads[0]!;
    expect(upload.path).toMatch(/^\/mms\/image\//);
    expect(image.directPath).toBe(upload.path.split('?')[0]);
    const { iv, cipherKey } = await getMediaKeys(image.mediaKey!, 'image');
    const decipher = createDecipheriv('aes-256-cbc', cipherKey, iv);
    const plain = Buffer.concat([decipher.update(upload.body.subarray(0, -10)), decipher.final()]);
    expect(plain.equals(fs.readFileSync(stored))).toBe(true);
    expect(Buffer.from(image.fileSha256!).equals(createHash('sha256').update(plain).digest())).toBe(true);

    // The sales closer presenting another product shows its photo too (name and price in the
    // caption), and only the first time that product comes up in the chat.
    const scarf = await call<{ id: number }>(app.core, 'catalog/create-product', {
      shopId: shop.id,
      name: 'Foulard soie',
      price: 2500,
      stock: 5,
    });
    await call(app.core, 'catalog/set-product-image', {
      shopId: shop.id,
      productId: scarf.id,
      imageBase64: (await productPhoto(8)).toString('base64'),
    });
    const images = () => customer.chat(SELLER).filter((b) => !b.fromMe && b.message?.imageMessage);
    await standin.relay.customerSends(customer, SELLER, { conversation: 'Et le foulard soie, c’est combien ?' }, 'Amina');
    await until(() => images().length === 2, 'the closer’s photo at the customer', 15_000);
    const shown = images()[1]!.message!.imageMessage!;
    expect(shown.caption).toMatch(/^Foulard soie – 2[\s.,  ]?500/);
    expect(media.uploads).toHaveLength(2);
    const bubbles = customer.chat(SELLER).length;
    await standin.relay.customerSends(customer, SELLER, { conversation: 'Le foulard soie est disponible en stock ?' }, 'Amina');
    await until(() => customer.chat(SELLER).length > bubbles + 1, 'the second answer about the scarf', 15_000);
    const last = customer.chat(SELLER).at(-1)!;
    expect(last.fromMe).toBe(false);
    expect(last.message?.imageMessage).toBeFalsy();
    expect(last.message?.conversation ?? last.message?.extendedTextMessage?.text).toMatch(/Foulard soie/i);
    expect(media.uploads).toHaveLength(2);
    expect(standin.relay.errors).toEqual([]);
  }, 90_000);
});
