import fs from 'node:fs';
import type { CustomerLanguage } from '../../../shared/domain/schemas';
import type { Logger } from '../ports';
import type { CatalogImages } from './images/catalog-images';
import { type VisionEndpoint, describeImage } from './vision/describe';

/**
 * The customer's words the brain reads for a photo it recognised: the question a customer asks
 * when they name a product ("do you have X? how much?"), so the answer is the one a named product
 * gets — price, stock, variants — in the customer's language.
 */
const ASK: Record<CustomerLanguage, (name: string) => string> = {
  'ar-dz': (n) => `عندكم ${n}؟ بشحال؟`,
  'dz-latn': (n) => `3andkom ${n}? b ch7al?`,
  ar: (n) => `هل لديكم ${n}؟ بكم؟`,
  fr: (n) => `Vous avez ${n} ? C'est combien ?`,
  en: (n) => `Do you have ${n}? How much is it?`,
  pt: (n) => `Vocês têm ${n}? Quanto custa?`,
  it: (n) => `Avete ${n}? Quanto costa?`,
};

const askAbout = (language: CustomerLanguage, name: string): string => ASK[language](name);

export interface MediaTurnMessage {
  kind: string;
  /** The message row's meta JSON (channels store `mediaPath` there). */
  meta: string | null;
}

export interface MediaUnderstandingDeps {
  /** Recognises a customer's photo among the shop's stored catalog photos (offline). */
  images: Pick<CatalogImages, 'identify'>;
  /** The shop's vision model, when one is configured (null: offline only). */
  visionOf?: (shopId: number) => Promise<VisionEndpoint | null>;
  /** Core's logger. */
  logger: Logger;
  /** The fetch the vision model is called with; default the global one. */
  fetch?: typeof fetch;
}

const mediaPathOf = (meta: string | null): string | null => {
  if (!meta) return null;
  try {
    const v = (JSON.parse(meta) as { mediaPath?: unknown }).mediaPath;
    return typeof v === 'string' && v ? v : null;
  } catch {
    return null;
  }
};

/**
 * For a turn made only of media: the text the brain should read instead of the acknowledgement,
 * or null (today's acknowledgement and hand-over). A photo the offline matcher recognises reads as
 * the customer naming the product; an unrecognised one is described by the vision model when the
 * shop has one. Never throws: a broken image or endpoint is the old behaviour.
 */
export function makeMediaUnderstanding(deps: MediaUnderstandingDeps) {
  return async (shopId: number, messages: readonly MediaTurnMessage[], language: CustomerLanguage): Promise<string | null> => {
    const photos = messages.filter((m) => m.kind === 'image').flatMap((m) => mediaPathOf(m.meta) ?? []);
    for (const file of photos) {
      try {
        if (!fs.existsSync(file)) continue;
        const found = await deps.images.identify(shopId, file);
        if (found) {
          deps.logger.info({ shopId, productId: found.product.id, distance: found.match.distance }, 'photo matched a catalog product');
          return askAbout(language, found.product.name);
        }
      } catch (err) {
        deps.logger.warn({ shopId, err: err instanceof Error ? err.message : String(err) }, 'photo could not be matched');
      }
    }
    const vision = photos.length > 0 && deps.visionOf ? await deps.visionOf(shopId) : null;
    if (!vision) return null;
    for (const file of photos) {
      const words = await describeImage(vision, file, language, deps.fetch ? { fetch: deps.fetch } : {}).catch(() => null);
      if (words) return askAbout(language, words);
    }
    return null;
  };
}
