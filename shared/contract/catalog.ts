import { ImportNotice } from '../domain/notices';
import { z } from 'zod';
import { Product, VariantOption } from '../domain/catalog';
import { Id } from '../domain/schemas';
import { call, event } from './define';

/** Our product fields a CSV column can fill (the mapping step's left-hand side). */
export const ProductField = z.enum([
  'sku',
  'name',
  'altNames',
  'category',
  'price',
  'compareAtPrice',
  'currency',
  'stock',
  'variants',
  'aliases',
  'description',
  'images',
  'upsellSkus',
  /** One row per variant: rows sharing a product SKU (or name) and naming a variant are one product. */
  'variant',
  'variantSku',
  'variantPrice',
  'variantStock',
  /** "Taille=M|Couleur=Bordeaux" */
  'variantOptions',
]);
export type ProductField = z.infer<typeof ProductField>;

/** Our field → the header of their column. */
export const ColumnMapping = z.partialRecord(ProductField, z.string().max(200));
export type ColumnMapping = z.infer<typeof ColumnMapping>;

/** How a file was read: our own layout, a platform export, or through a column mapping. */
export const ImportFormat = z.enum(['native', 'shopify', 'woocommerce', 'mapped']);
export type ImportFormat = z.infer<typeof ImportFormat>;

/** A row that could not be imported: its 1-based line in the file and why, in plain words. */
export const ImportRowError = z.object({
  line: z.number().int().positive(),
  /** In English, for the command line and logs. */
  reason: z.string(),
  sku: z.string().nullable(),
  /** The same as a code the app words in the seller's language. */
  notice: ImportNotice,
});
export type ImportRowError = z.infer<typeof ImportRowError>;

/**
 * Something the import assumed rather than read, counted, with the first lines it applies to:
 * `stock_blank_unlimited` — an empty stock cell is taken as "not counted" (never sold out);
 * `variants_grouped` — rows naming a variant of the same product became that product's variants
 * (why a file of N rows gives fewer products).
 */
export const ImportAssumption = z.object({
  code: z.enum(['stock_blank_unlimited', 'variants_grouped']),
  count: z.number().int().positive(),
  lines: z.array(z.number().int().positive()),
});
export type ImportAssumption = z.infer<typeof ImportAssumption>;

export const ProductDraft = Product.omit({ id: true, shopId: true, archivedAt: true });
export type ProductDraft = z.infer<typeof ProductDraft>;

/** Up to 5 MB of CSV text per call: ~50,000 products. */
const CsvText = z.string().min(1, 'The file is empty').max(5_000_000, 'The file is larger than 5 MB; split it');

const ImportInput = z
  .object({ shopId: Id, csv: CsvText, mapping: ColumnMapping.optional(), fileName: z.string().max(300).optional() })
  .strict();

export const ImportPreview = z.object({
  format: ImportFormat,
  /** The file's headers, for the mapping step. */
  headers: z.array(z.string()),
  /** The mapping used (or guessed, for an unknown layout): the UI shows it for correction. */
  mapping: ColumnMapping,
  /** Required fields no column fills; while non-empty nothing can be imported. */
  missing: z.array(ProductField),
  /** The first mapped products, as they would be stored. */
  rows: z.array(z.object({ line: z.number().int(), product: ProductDraft, exists: z.boolean() })),
  totalRows: z.number().int().nonnegative(),
  /** Products the file gives (fewer than totalRows when variant rows are grouped; see assumptions). */
  productCount: z.number().int().nonnegative(),
  errors: z.array(ImportRowError),
  assumptions: z.array(ImportAssumption),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportSummary = z.object({
  format: ImportFormat,
  created: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  errors: z.array(ImportRowError),
  /** Data rows read from the file, and what was assumed; created + updated = the preview's productCount. */
  totalRows: z.number().int().nonnegative(),
  assumptions: z.array(ImportAssumption),
});
export type ImportSummary = z.infer<typeof ImportSummary>;

const Text = (max: number) => z.string().trim().max(max);
const Names = (max: number, count: number) => z.array(Text(max).min(1)).max(count);

/** A variant as the seller edits it (name required; SKU, price, stock optional: null = the product's). */
export const VariantInput = z
  .object({
    name: Text(120).min(1),
    sku: Text(120).nullable(),
    price: z.number().nonnegative().nullable(),
    stock: z.number().int().nonnegative().nullable(),
    options: z.array(VariantOption).max(5).optional(),
    compareAtPrice: z.number().nonnegative().nullable().optional(),
  })
  .strict();

/** Every field a seller can edit on a product (the SKU is set at creation). */
export const ProductFieldsInput = z
  .object({
    name: Text(300).min(1),
    /** The same product's names in other languages. */
    altNames: Names(300, 20),
    aliases: Names(120, 100),
    category: Text(120),
    description: z.string().max(10_000),
    price: z.number().nonnegative(),
    compareAtPrice: z.number().nonnegative().nullable(),
    /** null = not counted (unlimited). */
    stock: z.number().int().nonnegative().nullable(),
    variants: z.array(VariantInput).max(300),
    /** Photo URLs or file paths. */
    images: Names(2000, 30),
    upsellSkus: Names(120, 50),
  })
  .strict();
export type ProductFieldsInput = z.infer<typeof ProductFieldsInput>;

const PagedQuery = z
  .object({
    shopId: Id,
    /** Free text in any language: searched like a customer's message. */
    query: z.string().trim().max(200).optional(),
    category: z.string().max(120).optional(),
    offset: z.number().int().nonnegative().default(0),
    limit: z.number().int().positive().max(500).default(50),
    /** The archived products instead of the active ones. */
    archived: z.boolean().optional(),
  })
  .strict();

export const catalogCalls = {
  'catalog/list': call(
    "A page of the shop's products, by name, or the best matches of a search text.",
    PagedQuery,
    z.object({ items: z.array(Product), total: z.number().int().nonnegative() }),
  ),
  'catalog/get': call('One product by id.', z.object({ shopId: Id, productId: Id }).strict(), Product),
  'catalog/list-categories': call(
    "The shop's categories with their product counts.",
    z.object({ shopId: Id }).strict(),
    z.array(z.object({ category: z.string(), count: z.number().int() })),
  ),
  'catalog/preview-import': call(
    'Read a CSV without writing anything: format, mapping, first rows, bad rows.',
    ImportInput.extend({ limit: z.number().int().positive().max(200).default(20) }).strict(),
    ImportPreview,
  ),
  'catalog/commit-import': call(
    'Import a CSV: upsert every good row by SKU in one transaction; bad rows are reported.',
    ImportInput,
    ImportSummary,
  ),
  'catalog/export-csv': call(
    "The shop's catalog as CSV in Souqbot's own layout (re-importable).",
    z.object({ shopId: Id }).strict(),
    z.object({ csv: z.string(), count: z.number().int() }),
  ),
  'catalog/update-product': call(
    'Edit any field of a product but its SKU. A new price moves the variants that shared the old one; stock counted per variant is edited on the variants.',
    ProductFieldsInput.partial().extend({ shopId: Id, productId: Id }).strict(),
    Product,
  ),
  'catalog/create-product': call(
    'Add a product by hand; without a SKU one is made from the name. A SKU already in the shop is a conflict.',
    ProductFieldsInput.partial()
      .required({ name: true, price: true })
      .extend({ shopId: Id, sku: Text(120).optional() })
      .strict(),
    Product,
  ),
  'catalog/duplicate-product': call(
    'A copy of a product under a new SKU (variants get new SKUs too), to edit into a similar one.',
    z.object({ shopId: Id, productId: Id }).strict(),
    Product,
  ),
  'catalog/archive-product': call(
    'Archive a product (hidden from the bot and the list, kept for its orders) or bring it back.',
    z.object({ shopId: Id, productId: Id, archived: z.boolean() }).strict(),
    Product,
  ),
  'catalog/bulk-update': call(
    'Change the price (set, or by a percentage) and/or the stock of several products at once; variants follow.',
    z
      .object({
        shopId: Id,
        productIds: z.array(Id).min(1).max(5000),
        price: z
          .union([z.object({ set: z.number().nonnegative() }).strict(), z.object({ percent: z.number().min(-90).max(1000) }).strict()])
          .optional(),
        /** Every product (every variant that counts its own stock) gets this stock; null = not counted. */
        stock: z.number().int().nonnegative().nullable().optional(),
      })
      .strict(),
    z.object({ updated: z.number().int().nonnegative() }),
  ),
  'catalog/delete-product': call(
    'Delete a product; one that orders name is archived instead (never hard-deleted). The removed product comes back for an undo.',
    z.object({ shopId: Id, productId: Id }).strict(),
    z.object({ deleted: z.boolean(), archived: z.boolean(), product: Product.nullable() }),
  ),
  'catalog/restore-product': call(
    'Undo a delete: the product as delete-product returned it comes back under its SKU.',
    z.object({ shopId: Id, product: Product }).strict(),
    Product,
  ),
} as const;

export const catalogEvents = {
  /** Progress of a catalog import (rows written so far out of the file's good rows). */
  'catalog/import-progress': event(
    'Progress of a catalog import (rows written so far out of the good rows).',
    z.object({ shopId: Id, done: z.number().int().nonnegative(), total: z.number().int().nonnegative() }),
  ),
  /** Products of a shop were imported, edited or deleted. */
  'catalog/changed': event('Products of a shop were imported, edited or deleted.', z.object({ shopId: Id })),
} as const;
