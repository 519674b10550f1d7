import { describe, expect, it } from 'vitest';
import { decodeCatalogBytes } from './catalog-file';

const latin1 = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));

describe('decodeCatalogBytes', () => {
  it('reads UTF-8 (with or without BOM) as UTF-8, Arabic included', () => {
    const text = 'sku,name\nA,Robe brodée\nB,فستان\n';
    const bytes = new TextEncoder().encode(text);
    expect(decodeCatalogBytes(bytes)).toEqual({ ok: true, text, encoding: 'utf-8' });
    expect(decodeCatalogBytes(Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes]))).toEqual({ ok: true, text, encoding: 'utf-8' });
  });
  it('reads a Windows-1252 / Latin-1 export with its accents and euro sign, never U+FFFD', () => {
    // "Désignation;Prix\nThé à la menthe;12,50 €" as Excel writes it on a French Windows.
    const bytes = Uint8Array.from([...latin1('D\xe9signation;Prix\nTh\xe9 \xe0 la menthe;12,50 '), 0x80]);
    const decoded = decodeCatalogBytes(bytes);
    expect(decoded).toEqual({ ok: true, text: 'Désignation;Prix\nThé à la menthe;12,50 €', encoding: 'windows-1252' });
  });
  it('reads an Arabic Windows (Windows-1256) export as Arabic', () => {
    // "sku,الاسم\nA1,فستان أحمر" in Windows-1256.
    const bytes = Uint8Array.from([
      ...latin1('sku,'),
      0xc7,
      0xe1,
      0xc7,
      0xd3,
      0xe3,
      0x0a,
      ...latin1('A1,'),
      0xdd,
      0xd3,
      0xca,
      0xc7,
      0xe4,
      0x20,
      0xc3,
      0xcd,
      0xe3,
      0xd1,
    ]);
    expect(decodeCatalogBytes(bytes)).toEqual({ ok: true, text: 'sku,الاسم\nA1,فستان أحمر', encoding: 'windows-1256' });
  });
  it('reads UTF-16 with a byte-order mark (Excel "Unicode text")', () => {
    const text = 'sku\tname\nA\tRobe';
    const le = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    [...text].forEach((c, i) => le.set([c.charCodeAt(0), 0], 2 + i * 2));
    expect(decodeCatalogBytes(le)).toEqual({ ok: true, text, encoding: 'utf-16le' });
  });
  it('refuses spreadsheets, images and other binary files as not text', () => {
    expect(decodeCatalogBytes(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toEqual({
      ok: false,
      reason: 'not_text',
      kind: 'spreadsheet',
    });
    expect(decodeCatalogBytes(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1]))).toMatchObject({ ok: false, kind: 'spreadsheet' });
    expect(decodeCatalogBytes(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]))).toMatchObject({ ok: false, kind: 'binary' });
    expect(decodeCatalogBytes(Uint8Array.from([0x61, 0x00, 0x62, 0x00]))).toMatchObject({ ok: false, kind: 'binary' });
    const noisy = Uint8Array.from({ length: 400 }, (_, i) => (i % 7 === 0 ? 0x01 : 0x41));
    expect(decodeCatalogBytes(noisy)).toMatchObject({ ok: false, kind: 'binary' });
  });
});
