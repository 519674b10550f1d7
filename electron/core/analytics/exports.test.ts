import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../catalog/import/csv';
import { csvCell, csvDocument } from '../csv/csv';
import { type Store, openDatabase } from '../database';
import { readOnlyView } from '../store';
import { type Analytics, makeAnalytics } from './service';
import { FIXTURE_ZONE, seedAnalyticsFixture } from '../test-utils/analytics-fixture';

let store: Store;
let analytics: Analytics;
const period = { shopId: 1, from: '2026-03-28', to: '2026-03-30', timeZone: FIXTURE_ZONE, currency: 'EUR' };

/** Parses an export back as a spreadsheet would: BOM first, then the header and rows. */
function readBack(csv: string) {
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  const parsed = parseCsv(csv.slice(1));
  expect(parsed.delimiter).toBe(',');
  return {
    header: parsed.header,
    rows: parsed.records.map((r) => Object.fromEntries(parsed.header.map((h, i) => [h, r.cells[i] ?? ''])) as Record<string, string>),
  };
}

beforeAll(async () => {
  store = await openDatabase({ file: ':memory:' });
  store.sqlite.exec("INSERT INTO shops (name, currency, created_at) VALUES ('Paris', 'EUR', 'now'), ('Other', 'DZD', 'now')");
  seedAnalyticsFixture(store.sqlite, 1, 2);
  // A customer who writes a spreadsheet formula, quotes, a comma and a line break.
  store.sqlite
    .prepare(
      "INSERT INTO messages (shop_id, account_id, conversation_id, direction, author, text, status, created_at) VALUES (1, 1, 1, 'in', 'customer', ?, 'received', '2026-03-28T12:00:00.000Z')",
    )
    .run('=HYPERLINK("http://x.example","clic"), et "merci"\nligne 2');
  store.sqlite.prepare("UPDATE orders SET customer_name = '@SUM(A1:A9)', address = '+213 rue, \"Didouche\"' WHERE id = 1").run();
  analytics = makeAnalytics({ read: readOnlyView(store.sqlite) });
});
afterAll(async () => {
  await store.close();
});

describe('analytics exports, parsed back', () => {
  it('orders: one row per line, local times, who took it, formulas defused', () => {
    const out = analytics.export('orders', period);
    expect(out.filename).toBe('souqbot-orders-2026-03-28-to-2026-03-30.csv');
    const { rows } = readBack(out.csv);
    expect(out.rows).toBe(4);
    expect(rows.map((r) => [r.order_id, r.placed_at, r.status, r.taken_by, r.sku, r.total])).toEqual([
      ['5', '2026-03-28 00:15:00', 'shipped', 'seller', 'SAC-1', '1000'],
      ['1', '2026-03-28 11:05:10', 'delivered', 'bot', 'SAC-1', '4500'],
      ['2', '2026-03-29 04:00:00', 'cancelled', 'seller', 'ROBE-R', '9999'],
      ['3', '2026-03-30 10:20:00', 'new', 'seller', 'SHOE-1', '3000'],
    ]);
    const first = rows.find((r) => r.order_id === '1')!;
    expect(first.customer_name).toBe("'@SUM(A1:A9)");
    expect(first.address).toBe('\'+213 rue, "Didouche"');
  });

  it('conversations: one row per message with Arabic intact and a formula kept as text', () => {
    const out = analytics.export('conversations', period);
    const { rows } = readBack(out.csv);
    expect(out.rows).toBe(22); // 21 fixture messages of the period (in and out) + the planted one
    expect(rows.some((r) => r.text === 'أريد استرجاع المال' && r.number === 'Second number' && r.sent_at === '2026-03-30 00:30:00')).toBe(
      true,
    );
    const planted = rows.find((r) => (r.text ?? '').includes('HYPERLINK'))!;
    expect(planted.text).toBe('\'=HYPERLINK("http://x.example","clic"), et "merci"\nligne 2');
    expect(rows.every((r) => !/^[=+@]/.test(r.text ?? '') && !/^[=+@]/.test(r.contact_name ?? ''))).toBe(true);
  });

  it("contacts: every contact of the shop with the period's activity", () => {
    const { rows } = readBack(analytics.export('contacts', period).csv);
    expect(rows.map((r) => [r.contact, r.messages_in_period])).toEqual([
      ['213550000001@s.whatsapp.net', '4'],
      ['33600000002@s.whatsapp.net', '2'],
      ['213550000003@s.whatsapp.net', '2'],
      ['447700000004@s.whatsapp.net', '3'],
      ['213550000005@s.whatsapp.net', '0'],
    ]);
  });

  it('metrics: every table of the page as table, row, figure, value', () => {
    const { header, rows } = readBack(analytics.export('metrics', period).csv);
    expect(header).toEqual(['table', 'row', 'figure', 'value']);
    const value = (table: string, row: string, figure: string) =>
      rows.find((r) => r.table === table && r.row === row && r.figure === figure)?.value;
    expect(value('kpis', '2026-03-28..2026-03-30', 'revenue')).toBe('8500');
    expect(value('kpis_previous', '2026-03-25..2026-03-27', 'revenue')).toBe('2000');
    expect(value('funnel', '', 'askedPrice')).toBe('3');
    expect(value('per_day', '2026-03-29', 'messagesIn')).toBe('2');
    expect(value('first_response_seconds', 'seller', 'medianSeconds')).toBe('600');
    expect(value('unanswered_questions', 'do you deliver to oran', 'count')).toBe('2');
  });

  it('refuses a period that ends before it starts, or is too long', () => {
    expect(() => analytics.export('orders', { ...period, to: '2026-03-01' })).toThrow(/before it starts/);
    expect(() => analytics.export('orders', { ...period, from: '2020-01-01' })).toThrow(/at most/);
  });
});

describe('shared CSV escaper', () => {
  it('defuses formulas but keeps numbers, and quotes what needs it', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('-5')).toBe('-5');
    expect(csvCell(-5.5)).toBe('-5.5');
    expect(csvCell('-x')).toBe("'-x");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell(null)).toBe('');
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvDocument(['a'], [['x']])).toBe('a\r\nx\r\n');
    expect(csvDocument(['a'], [], { bom: true })).toBe('\ufeffa\r\n');
  });
});
