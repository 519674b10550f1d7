import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { CustomerLanguage } from '../shared/domain/schemas';
import { Intent } from '../shared/domain/brain';

export const DATA_DIR = path.join(import.meta.dirname, 'data');

const Conversation = z.object({
  id: z.string(),
  shop: z.string(),
  language: CustomerLanguage,
  turns: z.array(z.string().min(1)).min(1),
  expect: z.object({
    items: z.array(z.object({ sku: z.string(), quantity: z.number().int().positive(), variant: z.string().optional() })).min(1),
    city: z.string().optional(),
  }),
});
export type Conversation = z.infer<typeof Conversation>;

const Single = z.object({
  shop: z.string(),
  text: z.string().min(1),
  language: CustomerLanguage,
  intent: Intent,
  sku: z.string().nullable(),
  /** A figure the customer asserts that the store does not back: no reply may repeat it. */
  claim: z.string().optional(),
});
export type Single = z.infer<typeof Single>;

const readLines = <T>(file: string, schema: z.ZodType<T>): T[] =>
  fs
    .readFileSync(path.join(DATA_DIR, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      const parsed = schema.safeParse(JSON.parse(l));
      if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.issues[0]?.message}`);
      return parsed.data;
    });

export const loadConversations = (): Conversation[] => readLines('conversations.jsonl', Conversation);
export const loadSingles = (): Single[] => readLines('messages.jsonl', Single);

export interface ShopFiles {
  id: string;
  catalog: string;
  settings: string;
  currency: string;
}

/** Each folder under data/shops is a shop: catalog.csv (Souqbot's layout) and settings.json. */
export function loadShops(): ShopFiles[] {
  const root = path.join(DATA_DIR, 'shops');
  return fs
    .readdirSync(root)
    .sort()
    .map((id) => {
      const catalog = path.join(root, id, 'catalog.csv');
      const currency =
        fs
          .readFileSync(catalog, 'utf8')
          .split('\n')[1]
          ?.split(',')
          .find((c) => /^[A-Z]{3}$/.test(c)) ?? 'DZD';
      return { id, catalog, settings: path.join(root, id, 'settings.json'), currency };
    });
}

/** One CSV line's cells, quotes respected ("Olio 0,75 l" is one cell). */
export function csvCells(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted && ch === '"' && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

/**
 * Catalog rows whose cell count differs from the header's: an unquoted comma in a name
 * ("sílica 1,8 kg") shifts every later column, and the import drops the row, so a conversation
 * about that product could never end in an order.
 */
export function malformedRows(csv: string): number[] {
  const lines = csv.split('\n').filter((l) => l.trim());
  const width = csvCells(lines[0] ?? '').length;
  return lines.flatMap((l, i) => (csvCells(l).length === width ? [] : [i + 1]));
}
