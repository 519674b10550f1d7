/** sharp (libvips) loads on first use: core's start stays light (lazy-imports.test.ts). */
const loadSharp = async () => (await import('sharp')).default;

/** What a stored catalog image may be at most: long side in pixels and bytes on disk. */
export const CATALOG_IMAGE_SIDE = 1280;
export const CATALOG_IMAGE_MAX_BYTES = 600 * 1024;
/** How big a stored image may be: long side in pixels, bytes on disk. */
export interface ImageLimits {
  side: number;
  maxBytes: number;
}
const CATALOG_IMAGE_LIMITS: ImageLimits = { side: CATALOG_IMAGE_SIDE, maxBytes: CATALOG_IMAGE_MAX_BYTES };
/**
 * A photo the seller sends from the reply bar: about what WhatsApp itself sends (1600 px), at most
 * 1 MB, so a 12-megapixel phone photo neither fills the data folder nor waits on a slow upload.
 */
export const REPLY_PHOTO_LIMITS: ImageLimits = { side: 1600, maxBytes: 1024 * 1024 };
/** What we accept to read at all (a download or a file the seller picks). */
export const SOURCE_IMAGE_MAX_BYTES = 15 * 1024 * 1024;

export class NotAnImageError extends Error {
  constructor(detail: string) {
    super(`not an image sharp can read: ${detail}`);
    this.name = 'NotAnImageError';
  }
}

export interface NormalizedImage {
  jpeg: Buffer;
  width: number;
  height: number;
}

/**
 * Any image sharp reads → an upright JPEG no larger than `limits.side` on its long side and
 * `limits.maxBytes` on disk (quality, then size, steps down until it fits): what WhatsApp sends well
 * and the data folder can hold for thousands of products.
 */
export async function normalizeCatalogImage(input: Buffer, limits: ImageLimits = CATALOG_IMAGE_LIMITS): Promise<NormalizedImage> {
  if (input.length > SOURCE_IMAGE_MAX_BYTES) throw new NotAnImageError(`larger than ${SOURCE_IMAGE_MAX_BYTES} bytes`);
  const sharp = await loadSharp();
  let last: NormalizedImage | null = null;
  try {
    for (const side of [limits.side, Math.round(limits.side * 0.7), Math.round(limits.side * 0.5)])
      for (const quality of [82, 70, 58, 46]) {
        const { data, info } = await sharp(input, { failOn: 'error', limitInputPixels: 64_000_000 })
          .rotate() // EXIF orientation, then dropped with the rest of the metadata
          .flatten({ background: '#ffffff' })
          .resize({ width: side, height: side, fit: 'inside', withoutEnlargement: true })
          .jpeg({ quality, mozjpeg: true })
          .toBuffer({ resolveWithObject: true });
        last = { jpeg: data, width: info.width, height: info.height };
        if (data.length <= limits.maxBytes) return last;
      }
  } catch (err) {
    throw new NotAnImageError(err instanceof Error ? err.message : String(err));
  }
  // Half the side at quality 46 is far under the cap for any real photo; keep the smallest we made.
  if (!last) throw new NotAnImageError('no output');
  return last;
}

/** A small JPEG for the product editor (data URL), from a stored image. */
export async function thumbnailDataUrl(file: string, side = 240): Promise<string> {
  const sharp = await loadSharp();
  const jpeg = await sharp(file).resize({ width: side, height: side, fit: 'inside' }).jpeg({ quality: 70 }).toBuffer();
  return `data:image/jpeg;base64,${jpeg.toString('base64')}`;
}
