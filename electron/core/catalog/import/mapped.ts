import { type ImportNotice, importNotice } from '../../../../shared/domain/notices';
import type { ProductField } from '../../../../shared/contract/catalog';
import type { CsvRecord } from './csv';
import type { ProductVariant, VariantOption } from '../../../../shared/domain/catalog';
import type { ProductInput } from '../products-repo';
import { unescapeFormula } from '../../csv';
import { groupVariantRows, type ParsedRow } from './group-variants';
import type { ColumnMapping, ImportRowError, MappingResult, ReadOptions } from './types';
import { parseList, parsePrice, parseStock, skuFromName } from './values';

/** Header spellings per field, for guessing the mapping of a file we do not know (en/fr/pt/it/ar). */
const SYNONYMS: Readonly<Record<ProductField, readonly string[]>> = {
  sku: [
    'sku',
    'ref',
    'reference',
    'code',
    'codigo',
    'code produit',
    'product code',
    'item code',
    'variant sku',
    'barcode',
    'id produit',
    'rif',
    'codice',
  ],
  name: [
    'name',
    'nom',
    'titre',
    'title',
    'produit',
    'product',
    'product name',
    'nom du produit',
    'nome',
    'nome do produto',
    'designation',
    'libelle',
    'article',
    'اسم',
    'الاسم',
    'المنتج',
    'اسم المنتج',
  ],
  altNames: ['name_ar', 'name ar', 'nom arabe', 'arabic name', 'alt names', 'alt_names', 'الاسم بالعربية', 'other names'],
  category: ['category', 'categorie', 'categoria', 'categories', 'type', 'famille', 'rayon', 'collection', 'الفئة', 'الصنف', 'القسم'],
  price: [
    'price',
    'prix',
    'preco',
    'prezzo',
    'prix de vente',
    'regular price',
    'variant price',
    'tarif',
    'valor',
    'السعر',
    'الثمن',
    'prix ttc',
    'unit price',
  ],
  compareAtPrice: ['compare at price', 'compare_at_price', 'old price', 'ancien prix', 'prix barre', 'preco antigo', 'prezzo pieno'],
  currency: ['currency', 'devise', 'moeda', 'valuta', 'العملة'],
  stock: ['stock', 'quantite', 'qty', 'quantity', 'estoque', 'inventory', 'quantita', 'qte', 'الكمية', 'المخزون'],
  variants: ['variants', 'variantes', 'variant', 'tailles', 'sizes', 'options', 'taille', 'size', 'tamanhos', 'taglie', 'المقاسات'],
  aliases: ['aliases', 'alias', 'tags', 'mots cles', 'keywords', 'palavras chave', 'etiquetas', 'etichette'],
  description: ['description', 'descricao', 'descrizione', 'details', 'short description', 'الوصف'],
  images: ['images', 'image', 'image url', 'image src', 'photo', 'photos', 'imagem', 'immagine', 'picture', 'الصورة'],
  upsellSkus: ['upsell', 'upsell_skus', 'upsell skus', 'upsells', 'cross-sell', 'cross sell', 'related'],
  variant: ['variant name', 'variante', 'declinaison', 'option', 'variant_name'],
  variantSku: ['variant_sku', 'sku variante', 'ref variante', 'reference declinaison'],
  variantPrice: ['variant_price', 'prix variante', 'prix declinaison'],
  variantStock: ['variant_stock', 'stock variante', 'stock declinaison', 'variant inventory qty'],
  variantOptions: ['variant_options', 'options variante'],
};

const canonicalHeader = (h: string): string =>
  h
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[_\-.]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Our best guess of which column fills which field; each header is used at most once. Exact
 * names are matched for every field before any partial one, so "variant_name" goes to the
 * variant's name (its exact synonym), not to the size list whose synonym "variant" it contains.
 */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const used = new Set<string>();
  const canon = headers.map((h) => ({ raw: h, key: canonicalHeader(h) }));
  const fields = Object.keys(SYNONYMS) as ProductField[];
  const names = (field: ProductField) => SYNONYMS[field].map(canonicalHeader);
  const passes: ((key: string, field: ProductField) => boolean)[] = [
    (key, field) => names(field).includes(key),
    (key, field) => names(field).some((n) => n.length > 3 && key.includes(n)),
  ];
  for (const matches of passes) {
    for (const field of fields) {
      if (mapping[field] !== undefined) continue;
      const hit = canon.find((h) => !used.has(h.raw) && matches(h.key, field));
      if (hit) {
        mapping[field] = hit.raw;
        used.add(hit.raw);
      }
    }
  }
  return mapping;
}

/** Native layout: sku,name,name_ar,category,price,currency,stock,variants,aliases,description (+ optional extras). */
export const NATIVE_COLUMNS = [
  'sku',
  'name',
  'name_ar',
  'category',
  'price',
  'currency',
  'stock',
  'variants',
  'aliases',
  'description',
] as const;
export const NATIVE_EXTRA_COLUMNS = [
  'compare_at_price',
  'images',
  'upsell_skus',
  'variant',
  'variant_sku',
  'variant_price',
  'variant_stock',
  'variant_options',
] as const;
export const NATIVE_MAPPING: ColumnMapping = {
  sku: 'sku',
  name: 'name',
  altNames: 'name_ar',
  category: 'category',
  price: 'price',
  currency: 'currency',
  stock: 'stock',
  variants: 'variants',
  aliases: 'aliases',
  description: 'description',
  compareAtPrice: 'compare_at_price',
  images: 'images',
  upsellSkus: 'upsell_skus',
  variant: 'variant',
  variantSku: 'variant_sku',
  variantPrice: 'variant_price',
  variantStock: 'variant_stock',
  variantOptions: 'variant_options',
};

/**
 * Reads products through a column mapping (our native layout is one such mapping). Each bad record
 * becomes an error with its line; the good ones are kept. Records that name a variant and share a
 * product SKU (or, without a SKU column, a name) are one product with those variants; a SKU seen
 * twice without a variant keeps the first row and reports the second.
 */
export function readMapped(
  header: readonly string[],
  records: readonly CsvRecord[],
  mapping: ColumnMapping,
  options: ReadOptions,
  format: 'native' | 'mapped',
): MappingResult {
  const reader = makeMappedReader(header, mapping, options);
  if (reader.missing.length) return { format, mapping: reader.mapping, missing: reader.missing, rows: [], errors: [] };
  for (const record of records) reader.add(record);
  return { format, ...reader.finish() };
}

/**
 * The mapped reader, one record at a time (the chunked import feeds it between event-loop turns):
 * `add` parses a record, `finish` groups variant rows and reports.
 */
export function makeMappedReader(header: readonly string[], mapping: ColumnMapping, options: ReadOptions) {
  const lower = header.map((h) => h.trim().toLowerCase());
  const index = (field: ProductField): number => {
    const col = mapping[field];
    return col === undefined ? -1 : lower.indexOf(col.trim().toLowerCase());
  };
  const cols = Object.fromEntries((Object.keys(SYNONYMS) as ProductField[]).map((f) => [f, index(f)])) as Record<ProductField, number>;
  const effective: ColumnMapping = {};
  for (const f of Object.keys(cols) as ProductField[]) if (cols[f] >= 0 && mapping[f]) effective[f] = mapping[f];
  const missing = (['name', 'price'] as const).filter((f) => cols[f] < 0);
  const errors: ImportRowError[] = [];
  const parsed: ParsedRow[] = [];
  return {
    mapping: effective,
    missing,
    add(record: CsvRecord): void {
      const cell = (f: ProductField): string => (cols[f] >= 0 ? unescapeFormula((record.cells[cols[f]] ?? '').trim()) : '');
      const row = parseRow(record.line, cell, options);
      if ('reason' in row) errors.push({ line: record.line, reason: row.reason, sku: row.sku, notice: row.notice });
      else parsed.push(row);
    },
    finish(): Omit<MappingResult, 'format'> {
      const grouped = groupVariantRows(parsed);
      return {
        mapping: effective,
        missing: [],
        rows: grouped.rows,
        errors: [...errors, ...grouped.errors].sort((a, b) => a.line - b.line),
        assumptions: grouped.assumptions,
      };
    },
  };
}

/** One record read into a product (and the variant it names, if any), or why it cannot be. */
function parseRow(
  line: number,
  cell: (f: ProductField) => string,
  options: ReadOptions,
): ParsedRow | { reason: string; sku: string | null; notice: ImportNotice } {
  const name = cell('name');
  const sku = cell('sku') || (name ? skuFromName(name) : '');
  const fail = (reason: string, notice: ImportNotice) => ({ reason, sku: sku || null, notice });
  if (!name) return fail('no product name', importNotice('no_name'));
  const price = parsePrice(cell('price'));
  if (!price.ok) return fail(price.reason, price.notice);
  const variantName = cell('variant');
  const variantPriceCell = parsePrice(cell('variantPrice'));
  if (!variantPriceCell.ok) return fail(`variant ${variantPriceCell.reason}`, variantPriceCell.notice);
  if (price.value === null && variantPriceCell.value === null) return fail('no price', importNotice('no_price'));
  const stock = parseStock(cell('stock'));
  if (!stock.ok) return fail(stock.reason, stock.notice);
  const variantStockCell = parseStock(cell('variantStock'));
  if (!variantStockCell.ok) return fail(`variant ${variantStockCell.reason}`, variantStockCell.notice);
  const compare = parsePrice(cell('compareAtPrice'));
  if (!compare.ok) return fail(`compare-at ${compare.reason}`, compare.notice);
  const product: ProductInput = {
    sku,
    name,
    altNames: parseList(cell('altNames'), /[;|]/),
    aliases: parseList(cell('aliases'), /[;|,]/),
    category: cell('category'),
    price: price.value ?? variantPriceCell.value ?? 0,
    compareAtPrice: compare.value,
    currency: (cell('currency') || options.defaultCurrency).toUpperCase(),
    stock: stock.value,
    variants: variantName ? [] : parseList(cell('variants'), /[|;,]/).map((v) => ({ name: v, sku: null, price: null, stock: null })),
    images: parseList(cell('images'), /[|;\s]+/),
    description: cell('description'),
    upsellSkus: parseList(cell('upsellSkus'), /[;|,]/),
  };
  const blankStock = cell('stock') === '' && (!variantName || cell('variantStock') === '');
  if (!variantName) return { line, product, variant: null, blankStock };
  const variant: ProductVariant = {
    name: variantName,
    sku: cell('variantSku') || null,
    price: variantPriceCell.value,
    stock: variantStockCell.value,
    options: parseOptions(cell('variantOptions')),
  };
  return { line, product, variant, blankStock };
}

/** "Taille=M|Couleur=Bordeaux" → [{ name: 'Taille', value: 'M' }, …]; a bare value gets no name. */
function parseOptions(raw: string): VariantOption[] {
  return parseList(raw, /\|/).map((part) => {
    const eq = part.indexOf('=');
    return eq < 0 ? { name: '', value: part } : { name: part.slice(0, eq).trim(), value: part.slice(eq + 1).trim() };
  });
}
