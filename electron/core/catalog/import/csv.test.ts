import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsv, parseRecords, writeCsv } from './csv';

describe('parseCsv', () => {
  it('reads quotes, escaped quotes, embedded commas and newlines, and counts lines from 1', () => {
    const text = 'sku,name,description\nA,"Robe, rouge","Line one\nline ""two"""\nB,Sac,plain\n';
    const { header, records } = parseCsv(text);
    expect(header).toEqual(['sku', 'name', 'description']);
    expect(records).toEqual([
      { line: 2, cells: ['A', 'Robe, rouge', 'Line one\nline "two"'] },
      { line: 4, cells: ['B', 'Sac', 'plain'] },
    ]);
  });
  it('strips a BOM and accepts CRLF', () => {
    const { header, records } = parseCsv('\uFEFFsku,name\r\nA,Robe\r\nB,Sac');
    expect(header).toEqual(['sku', 'name']);
    expect(records.map((r) => r.cells)).toEqual([
      ['A', 'Robe'],
      ['B', 'Sac'],
    ]);
    expect(records.map((r) => r.line)).toEqual([2, 3]);
  });
  it('detects the semicolon of European Excel exports, ignoring commas inside quotes and decimals', () => {
    expect(detectDelimiter('sku;name;price\nA;"Robe, rouge";12,50')).toBe(';');
    expect(detectDelimiter('"a;b",c,d\n')).toBe(',');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    const { records } = parseCsv('sku;name;price\nA;"Robe, rouge";12,50\n');
    expect(records[0]?.cells).toEqual(['A', 'Robe, rouge', '12,50']);
  });
  it('skips blank lines but keeps records of empty cells', () => {
    const records = parseRecords('a,b\n\n,\nc,d\n\n', ',');
    expect(records.map((r) => [r.line, r.cells])).toEqual([
      [1, ['a', 'b']],
      [3, ['', '']],
      [4, ['c', 'd']],
    ]);
  });
});

describe('writeCsv', () => {
  it('quotes only where needed and round-trips through the parser', () => {
    const rows = [
      ['sku', 'name', 'note'],
      ['A', 'Robe, "rouge"', 'two\nlines'],
      ['B', 'فستان', ' padded '],
    ];
    const text = writeCsv(rows);
    expect(text.split('\r\n')[0]).toBe('sku,name,note');
    expect(parseRecords(text, ',').map((r) => r.cells)).toEqual(rows);
  });
});
