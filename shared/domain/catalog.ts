import { z } from 'zod';
import { Id } from './schemas';

/** One option value a variant is: { name: 'Taille', value: 'M' }, { name: 'Couleur', value: 'Bordeaux' }. */
export const VariantOption = z.object({ name: z.string().max(120), value: z.string().max(200) });
export type VariantOption = z.infer<typeof VariantOption>;

/**
 * A variant (size, colour, …), first-class: its own SKU, price and stock, as Shopify and
 * WooCommerce exports carry them per row. `name` is what a customer and an order line say
 * ("M / Bordeaux"; `order_items.variant` stores it), `options` the values it is made of.
 */
export const ProductVariant = z.object({
  name: z.string(),
  sku: z.string().nullable(),
  /** null = the product's price */
  price: z.number().nonnegative().nullable(),
  /**
   * The variant's own stock. null = not tracked per variant: the variant draws on the product's
   * stock (a plain "S|M|L" list), or is unlimited when the product's stock is null too.
   */
  stock: z.number().int().nullable(),
  /** Option values (absent or [] when only a name is known, e.g. an old "S|M|L" list). */
  options: z.array(VariantOption).optional(),
  /** Price before a sale for this variant (Shopify "Variant Compare At Price"), when known. */
  compareAtPrice: z.number().nonnegative().nullable().optional(),
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
  /**
   * When the seller archived it (ISO time), else absent/null. An archived product is hidden from
   * the bot and the catalog list but kept, because orders name it.
   */
  archivedAt: z.string().nullable().optional(),
});
export type Product = z.infer<typeof Product>;
