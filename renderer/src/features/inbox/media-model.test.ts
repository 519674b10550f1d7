import { describe, expect, it } from 'vitest';
import { checkPhoto, languageName, toBase64 } from './media-model';

describe('inbox media helpers', () => {
  it('names the heard language in the seller interface language, whatever form the endpoint used', () => {
    expect(languageName('french', 'fr')).toBe('français');
    expect(languageName('fr', 'en')).toBe('French');
    expect(languageName('arabic', 'ar')).toBe('العربية');
    expect(languageName('Klingon', 'en')).toBe('Klingon');
    expect(languageName(null, 'en')).toBeNull();
    expect(languageName('  ', 'en')).toBeNull();
  });

  it('accepts only the photo types WhatsApp shows, up to 8 MB', () => {
    expect(checkPhoto({ type: 'image/png', size: 10 })).toEqual({ ok: true, mime: 'image/png' });
    expect(checkPhoto({ type: 'image/svg+xml', size: 10 })).toEqual({ ok: false, problem: 'type' });
    expect(checkPhoto({ type: 'image/jpeg', size: 9 * 1024 * 1024 })).toEqual({ ok: false, problem: 'size' });
  });

  it('encodes large files without overflowing the stack, byte for byte', () => {
    const bytes = new Uint8Array(300_000).map((_, i) => i % 251);
    const back = Uint8Array.from(atob(toBase64(bytes)), (c) => c.charCodeAt(0));
    expect(back).toEqual(bytes);
  });
});
