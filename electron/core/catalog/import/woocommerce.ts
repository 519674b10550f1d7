import { type ImportNotice, importNotice } from '../../../../shared/domain/notices';
import type { ProductVariant } from '../../../../shared/domain/catalog';
import type { CsvRecord } from './csv';
import { assumption } from './group-variants';
import type { ImportRowError, MappedRow, MappingResult, ReadOptions } from './types';
import { htmlToText, lastSegment, parseList, parsePrice, parseStock } from './values';

/** A WooCommerce product export has these headers. */
export const isWooHeader = (header: readonly string[]): boolean =>
  ['Type', 'SKU', 'Name', 'Regular price'].every((h) => header.includes(h));

interface WooRow {
  record: CsvRecord;
  id: string;
  type: string;
  sku: string;
  name: string;
  parent: string;
}

/**
 * WooCommerce: `simple` rows are products; a `variable` row is a product whose `variation` rows
 * point at it through Parent (`id:101` or the parent's SKU). A sale price becomes the price and the
 * regular price the compare-at price. Blank Stock is unlimited unless "In stock?" says 0.
 */
export function readWooCommerce(header: readonly string[], records: readonly CsvRecord[], options: ReadOptions): MappingResult {
  const col = (name: string) => header.indexOf(name);
  const c = {
    id: col('ID'),
    type: col('Type'),
    sku: col('SKU'),
    name: col('Name'),
    short: col('Short description'),
    description: col('Description'),
    inStock: col('In stock?'),
    stock: col('Stock'),
    sale: col('Sale price'),
    regular: col('Regular price'),
    categories: col('Categories'),
    tags: col('Tags'),
    images: col('Images'),
    parent: col('Parent'),
    attrName: col('Attribute 1 name'),
    attrValue: col('Attribute 1 value(s)'),
    attr2Name: col('Attribute 2 name'),
    attr2Value: col('Attribute 2 value(s)'),
  };
  const at = (r: CsvRecord, i: number) => (i >= 0 ? (r.cells[i] ?? '').trim() : '');
  const errors: ImportRowError[] = [];
  const woo: WooRow[] = records.map((record) => ({
    record,
    id: at(record, c.id),
    type: at(record, c.type).toLowerCase(),
    sku: at(record, c.sku),
    name: at(record, c.name),
    parent: at(record, c.parent),
  }));

  type Prices = { error: string; notice: ImportNotice } | { price: number | null; compare: number | null };
  const prices = (r: CsvRecord): Prices => {
    const regular = parsePrice(at(r, c.regular));
    const sale = parsePrice(at(r, c.sale));
    if (!regular.ok) return { error: regular.reason, notice: regular.notice };
    if (!sale.ok) return { error: `sale ${sale.reason}`, notice: sale.notice };
    if (sale.value !== null) return { price: sale.value, compare: regular.value };
    if (regular.value === null) return { price: null, compare: null };
    return { price: regular.value, compare: null };
  };
  const stockOf = (r: CsvRecord) => {
    const s = parseStock(at(r, c.stock));
    if (!s.ok) return s;
    if (s.value === null && at(r, c.inStock) === '0') return { ok: true as const, value: 0 };
    return s;
  };

  const variationsOf = new Map<WooRow, WooRow[]>();
  const parents = woo.filter((w) => w.type.includes('variable'));
  for (const w of woo.filter((x) => x.type.includes('variation'))) {
    const ref = w.parent.replace(/^id:/i, '');
    const parent = parents.find((p) => (w.parent.toLowerCase().startsWith('id:') ? p.id === ref : p.sku === ref || p.id === ref));
    if (!parent) {
      errors.push({
        line: w.record.line,
        reason: `variation's parent "${w.parent}" is not in the file`,
        sku: w.sku || null,
        notice: importNotice('parent_missing', { parent: w.parent }),
      });
      continue;
    }
    variationsOf.set(parent, [...(variationsOf.get(parent) ?? []), w]);
  }

  const rows: MappedRow[] = [];
  for (const w of woo) {
    if (w.type.includes('variation')) continue;
    const fail = (reason: string, notice: ImportNotice) => errors.push({ line: w.record.line, reason, sku: w.sku || null, notice });
    if (!w.type.includes('simple') && !w.type.includes('variable')) {
      fail(
        `product type "${w.type || 'blank'}" is not imported (simple and variable are)`,
        importNotice('unsupported_type', { type: w.type || '—' }),
      );
      continue;
    }
    if (!w.name) {
      fail('no Name', importNotice('no_name'));
      continue;
    }
    const base = {
      sku: w.sku || (w.id ? `WOO-${w.id}` : ''),
      name: w.name,
      altNames: [],
      aliases: parseList(at(w.record, c.tags), /,/),
      category: lastSegment(at(w.record, c.categories).split(',')[0] ?? ''),
      currency: options.defaultCurrency,
      images: parseList(at(w.record, c.images), /,\s*/),
      description: htmlToText(at(w.record, c.description) || at(w.record, c.short)),
      upsellSkus: [],
    };
    if (!base.sku) {
      fail('no SKU and no ID', importNotice('no_sku_or_id'));
      continue;
    }
    if (w.type.includes('simple')) {
      const p = prices(w.record);
      const stock = stockOf(w.record);
      if ('error' in p) fail(p.error, p.notice);
      else if (p.price === null) fail('no price', importNotice('no_price'));
      else if (!stock.ok) fail(stock.reason, stock.notice);
      else
        rows.push({
          line: w.record.line,
          product: { ...base, price: p.price, compareAtPrice: p.compare, stock: stock.value, variants: [] },
        });
      continue;
    }
    const variants: (ProductVariant & { compare: number | null })[] = [];
    for (const v of variationsOf.get(w) ?? []) {
      const p = prices(v.record);
      const stock = stockOf(v.record);
      const vfail = (reason: string, notice: ImportNotice) => errors.push({ line: v.record.line, reason, sku: v.sku || null, notice });
      if ('error' in p) vfail(p.error, p.notice);
      else if (p.price === null) vfail('no price', importNotice('no_price'));
      else if (!stock.ok) vfail(stock.reason, stock.notice);
      else {
        const name = [at(v.record, c.attrValue), at(v.record, c.attr2Value)].filter(Boolean).join(' / ') || v.name;
        const options = [
          [c.attrName, c.attrValue],
          [c.attr2Name, c.attr2Value],
        ].flatMap(([n, val]) => (at(v.record, val ?? -1) ? [{ name: at(v.record, n ?? -1), value: at(v.record, val ?? -1) }] : []));
        variants.push({
          name,
          sku: v.sku || null,
          price: p.price,
          stock: stock.value,
          options,
          compareAtPrice: p.compare,
          compare: p.compare,
        });
      }
    }
    const own = prices(w.record);
    if (variants.length === 0 && ('error' in own || own.price === null)) {
      fail('variable product without any priced variation', importNotice('no_priced_variant', { product: w.name }));
      continue;
    }
    const cheapest = variants.length ? variants.reduce((a, b) => ((b.price ?? 0) < (a.price ?? 0) ? b : a)) : null;
    const stock = variants.length
      ? variants.some((v) => v.stock === null)
        ? null
        : variants.reduce((s, v) => s + (v.stock ?? 0), 0)
      : null;
    rows.push({
      line: w.record.line,
      product: {
        ...base,
        price: cheapest?.price ?? ('price' in own ? (own.price ?? 0) : 0),
        compareAtPrice: cheapest ? cheapest.compare : null,
        stock,
        variants: variants.map(({ compare: _c, ...v }) => v),
      },
    });
  }
  const grouped = [...variationsOf.values()].flatMap((list) => list.map((v) => v.record.line));
  const blank = woo
    .filter((w) => !w.type.includes('variable') && at(w.record, c.stock) === '' && at(w.record, c.inStock) !== '0')
    .map((w) => w.record.line);
  return {
    format: 'woocommerce',
    mapping: {},
    missing: [],
    rows,
    errors: errors.sort((a, b) => a.line - b.line),
    assumptions: [...assumption('variants_grouped', grouped), ...assumption('stock_blank_unlimited', blank)],
  };
}
