import { z } from 'zod';
import { Id } from './schemas';

/** A variant (size, colour, …). Shopify/WooCommerce variants may carry their own SKU, price and stock. */
export const ProductVariant = z.object({
  name: z.string(),
  sku: z.string().nullable(),
  /** null = the product's price */
  price: z.number().nonnegative().nullable(),
  /** null = unlimited / not tracked */
  stock: z.number().int().nullable(),
});
export type ProductVariant = z.infer<typeof ProductVariant>;

export const Product = z.object({
  id: Id,
  shopId: Id,
  sku: z.string(),
  /** Primary name, as the catalog gives it. */
  name: z.string(),
  /** The same product's names in other languages (e.g. the Arabic name). */
  altNames: z.array(z.string()),
  /** Customer words for it: Darija, Arabizi, nicknames. Weighted in retrieval. */
  aliases: z.array(z.string()),
  category: z.string(),
  price: z.number().nonnegative(),
  /** Price before a sale, when the catalog has one. */
  compareAtPrice: z.number().nonnegative().nullable(),
  currency: z.string(),
  /** null = unlimited (digital products, untracked stock). */
  stock: z.number().int().nullable(),
  variants: z.array(ProductVariant),
  images: z.array(z.string()),
  description: z.string(),
  /** SKUs the seller links for upsell / cross-sell. */
  upsellSkus: z.array(z.string()),
});
export type Product = z.infer<typeof Product>;
