import { z } from 'zod';
import { Product } from '../domain/catalog';
import { Id } from '../domain/schemas';
import { call } from './define';

/** A picked file, base64 (the browser reads it; ~15 MB of image at most). */
const ImageUpload = z.string().min(8).max(21_000_000);

/** Catalog photos kept in the data folder (issue 16): the product editor's image picker and preview. */
export const catalogImageCalls = {
  'catalog/set-product-image': call(
    "Make a picked image the product's first photo: resized, size-capped and stored in the data folder (the bot sends it).",
    z.object({ shopId: Id, productId: Id, imageBase64: ImageUpload }).strict(),
    Product,
  ),
  'catalog/get-product-image': call(
    "A thumbnail (JPEG data URL) of the product's stored photo, or null while it has none stored (not yet downloaded, no image).",
    z.object({ shopId: Id, productId: Id }).strict(),
    z.object({ dataUrl: z.string().nullable() }),
  ),
} as const;
