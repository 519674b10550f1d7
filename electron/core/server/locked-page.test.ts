import { describe, expect, it } from 'vitest';
import { lockedPage, lockedPageLocale } from './locked-page';

describe('the page without the access token', () => {
  it('speaks the language the seller chose, else the browser’s, else English', () => {
    expect(lockedPageLocale('ar', 'fr-FR,fr;q=0.9')).toBe('ar');
    expect(lockedPageLocale(null, 'de-DE,it;q=0.8,en;q=0.5')).toBe('it');
    expect(lockedPageLocale(null, 'pt-BR')).toBe('pt');
    expect(lockedPageLocale(null, 'de-DE')).toBe('en');
    expect(lockedPageLocale(null, undefined)).toBe('en');
  });

  it('is right-to-left in Arabic with the address kept left-to-right', () => {
    const html = lockedPage('ar');
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('افتح سوق بوت');
    expect(html).toContain('<bdi dir="ltr">http://127.0.0.1</bdi>');
  });
});
