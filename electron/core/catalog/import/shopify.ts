import { importNotice } from '../../../../shared/domain/notices';
import type { ProductVariant } from '../../../../shared/domain/catalog';
import type { CsvRecord } from './csv';
import { assumption } from './group-variants';
import type { ImportRowError, MappedRow, MappingResult, ReadOptions } from './types';
import { htmlToText, lastSegment, parseList, parsePrice, parseStock } from './values';

/** A Shopify product export has these headers (one row per variant, grouped by Handle). */
export const isShopifyHeader = (header: readonly string[]): boolean =>
  ['Handle', 'Title', 'Variant Price'].every((h) => header.includes(h));

/**
 * Shopify: rows sharing a Handle are one product; the first row carries title, body, type and tags,
 * every row a variant (Option1/2/3 values, Variant SKU, price, compare-at price, inventory) and maybe
 * an image. The product takes the lowest variant price and the summed stock (unlimited if any
 * variant is not tracked); its SKU is the only variant's SKU, or the handle when there are several.
 */
export function readShopify(header: readonly string[], records: readonly CsvRecord[], options: ReadOptions): MappingResult {
  const col = (name: string) => header.indexOf(name);
  const c = {
    handle: col('Handle'),
    title: col('Title'),
    body: col('Body (HTML)'),
    category: col('Product Category'),
    type: col('Type'),
    tags: col('Tags'),
    options: [1, 2, 3].map((n) => col(`Option${n} Value`)),
    optionNames: [1, 2, 3].map((n) => col(`Option${n} Name`)),
    sku: col('Variant SKU'),
    tracker: col('Variant Inventory Tracker'),
    qty: col('Variant Inventory Qty'),
    price: col('Variant Price'),
    compare: col('Variant Compare At Price'),
    image: col('Image Src'),
    variantImage: col('Variant Image'),
    status: col('Status'),
  };
  const groups = new Map<string, CsvRecord[]>();
  const errors: ImportRowError[] = [];
  for (const r of records) {
    const handle = (r.cells[c.handle] ?? '').trim();
    if (!handle) {
      errors.push({ line: r.line, reason: 'no Handle', sku: null, notice: importNotice('no_handle') });
      continue;
    }
    groups.set(handle, [...(groups.get(handle) ?? []), r]);
  }

  const rows: MappedRow[] = [];
  const grouped: number[] = [];
  for (const [handle, group] of groups) {
    const first = group[0] as CsvRecord;
    const at = (r: CsvRecord, i: number) => (i >= 0 ? (r.cells[i] ?? '').trim() : '');
    const title = at(first, c.title);
    if (!title) {
      errors.push({
        line: first.line,
        reason: `product "${handle}" has no Title`,
        sku: null,
        notice: importNotice('no_title', { product: handle }),
      });
      continue;
    }
    const variants: (ProductVariant & { line: number; compare: number | null })[] = [];
    // Option names are given on the product's first row only ("Taille", "Couleur").
    const optionNames = c.optionNames.map((i) => at(first, i));
    const images: string[] = [];
    for (const r of group) {
      for (const img of [at(r, c.image), at(r, c.variantImage)]) if (img && !images.includes(img)) images.push(img);
      const priceCell = at(r, c.price);
      if (!priceCell && !at(r, c.sku) && c.options.every((i) => !at(r, i))) continue; // an image-only row
      const price = parsePrice(priceCell);
      if (!price.ok || price.value === null) {
        errors.push({
          line: r.line,
          reason: price.ok ? 'no Variant Price' : price.reason,
          sku: at(r, c.sku) || null,
          notice: price.ok ? importNotice('no_price') : price.notice,
        });
        continue;
      }
      const tracked = c.tracker < 0 || at(r, c.tracker) !== '';
      const stock = tracked ? parseStock(at(r, c.qty)) : ({ ok: true, value: null } as const);
      if (!stock.ok) {
        errors.push({ line: r.line, reason: stock.reason, sku: at(r, c.sku) || null, notice: stock.notice });
        continue;
      }
      const compare = parsePrice(at(r, c.compare));
      const name = c.options
        .map((i) => at(r, i))
        .filter((v) => v && v !== 'Default Title')
        .join(' / ');
      const options = c.options.flatMap((i, n) =>
        at(r, i) && at(r, i) !== 'Default Title' ? [{ name: optionNames[n] ?? '', value: at(r, i) }] : [],
      );
      const compareAt = compare.ok ? compare.value : null;
      variants.push({
        name,
        sku: at(r, c.sku) || null,
        price: price.value,
        stock: stock.value,
        options,
        compareAtPrice: compareAt,
        line: r.line,
        compare: compareAt,
      });
    }
    if (variants.length === 0) {
      if (!errors.some((e) => group.some((r) => r.line === e.line)))
        errors.push({
          line: first.line,
          reason: `product "${handle}" has no priced variant`,
          sku: null,
          notice: importNotice('no_priced_variant', { product: handle }),
        });
      continue;
    }
    const single = variants.length === 1 && variants[0]?.name === '';
    grouped.push(...variants.slice(1).map((v) => v.line));
    const cheapest = variants.reduce((a, b) => ((b.price ?? 0) < (a.price ?? 0) ? b : a));
    const stock = variants.some((v) => v.stock === null) ? null : variants.reduce((sum, v) => sum + (v.stock ?? 0), 0);
    rows.push({
      line: first.line,
      product: {
        sku: (single ? variants[0]?.sku : null) ?? handle,
        name: title,
        altNames: [],
        aliases: parseList(at(first, c.tags), /,/),
        category: at(first, c.type) || lastSegment(at(first, c.category)),
        price: cheapest.price ?? 0,
        compareAtPrice: cheapest.compare,
        currency: options.defaultCurrency,
        stock,
        variants: single ? [] : variants.map(({ line: _l, compare: _c, ...v }) => v),
        images,
        description: htmlToText(at(first, c.body)),
        upsellSkus: [],
      },
    });
  }
  rows.sort((a, b) => a.line - b.line);
  return { format: 'shopify', mapping: {}, missing: [], rows, errors, assumptions: assumption('variants_grouped', grouped) };
}
