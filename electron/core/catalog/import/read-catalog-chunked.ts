import { type CsvRecord, detectDelimiter, parseRecords } from './csv';
import { NATIVE_COLUMNS, NATIVE_EXTRA_COLUMNS, NATIVE_MAPPING, guessMapping, makeMappedReader } from './mapped';
import { type ReadCatalogResult, splitUnreadable } from './read-catalog';
import { isShopifyHeader, readShopify } from './shopify';
import type { ColumnMapping, ImportRowError, ReadOptions } from './types';
import { type Tick, makeTimeSlicer } from './time-slice';
import { isWooHeader, readWooCommerce } from './woocommerce';

export type { Tick };

const SLICE = 16 * 1024;

/** Offsets where records end (just after a line break outside quotes), about every `size` characters. */
function recordBoundaries(text: string, size = SLICE): number[] {
  const cuts: number[] = [];
  let quoted = false;
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (c === 10 && !quoted && i + 1 - last >= size) {
      cuts.push(i + 1);
      last = i + 1;
    }
  }
  if (last < text.length) cuts.push(text.length);
  return cuts;
}

const lineBreaks = (text: string): number => {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
};

/** Every record of the file, a slice per event-loop turn, with the line numbers of the whole file. */
async function parseRecordsChunked(input: string, tick: Tick): Promise<{ delimiter: string; records: CsvRecord[] }> {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const delimiter = detectDelimiter(text);
  const records: CsvRecord[] = [];
  const slicer = makeTimeSlicer(tick);
  let start = 0;
  let linesBefore = 0;
  for (const end of recordBoundaries(text)) {
    const slice = text.slice(start, end);
    for (const r of parseRecords(slice, delimiter)) records.push({ line: r.line + linesBefore, cells: r.cells });
    linesBefore += lineBreaks(slice);
    start = end;
    await slicer.maybePause();
  }
  return { delimiter, records };
}

/**
 * `readCatalog` for large files without holding the event loop: the same formats and results,
 * parsed a slice at a time and mapped a few thousand rows at a time. A record with U+FFFD (text
 * that was decoded with the wrong encoding) is a bad row, never a silently garbled product.
 */
export async function readCatalogChunked(
  csv: string,
  options: ReadOptions & { mapping?: ColumnMapping },
  tick: Tick,
): Promise<ReadCatalogResult> {
  const { records: all } = await parseRecordsChunked(csv, tick);
  const [head, ...data] = all;
  const header = (head?.cells ?? []).map((h) => h.trim());
  const { records, unreadable } = splitUnreadable(data);
  const base = { headers: header, totalRows: data.length };
  const withUnreadable = <T extends { errors: ImportRowError[] }>(r: T): T => ({
    ...r,
    errors: [...unreadable, ...r.errors].sort((a, b) => a.line - b.line),
  });
  if (!(options.mapping && Object.keys(options.mapping).length > 0)) {
    if (isShopifyHeader(header)) return withUnreadable({ ...base, ...readShopify(header, records, options) });
    if (isWooHeader(header)) return withUnreadable({ ...base, ...readWooCommerce(header, records, options) });
  }
  const lower = header.map((h) => h.toLowerCase());
  const known: readonly string[] = [...NATIVE_COLUMNS, ...NATIVE_EXTRA_COLUMNS];
  const explicit = options.mapping && Object.keys(options.mapping).length > 0 ? options.mapping : null;
  const native = !explicit && ['sku', 'name', 'price'].every((h) => lower.includes(h)) && lower.every((h) => known.includes(h));
  const mapping = explicit ?? (native ? NATIVE_MAPPING : guessMapping(header));
  const format: 'native' | 'mapped' = native ? 'native' : 'mapped';
  const reader = makeMappedReader(header, mapping, options);
  if (reader.missing.length)
    return withUnreadable({ ...base, format, mapping: reader.mapping, missing: reader.missing, rows: [], errors: [] });
  const slicer = makeTimeSlicer(tick);
  for (const record of records) {
    reader.add(record);
    await slicer.maybePause();
  }
  return withUnreadable({ ...base, format, ...reader.finish() });
}
