import { describe, expect, it } from 'vitest';
import { CallError } from '../../api/client';
import { errorWords } from './error-words';

describe('a failed call in the seller’s language', () => {
  it('words core’s refusal from its code, never its English message', () => {
    const err = new CallError('not_found', 'Product 12 was not found in shop 1', 'catalog/update');
    expect(errorWords('ar', err)).toBe('لم يعد موجودًا (ربما حُذف في نافذة أخرى).');
    expect(errorWords('fr', err)).not.toContain('not found');
    expect(errorWords('ar', new CallError('invalid_input', 'price: Number must be greater than 0', 'catalog/update'))).not.toMatch(
      /[A-Za-z]{3,}/,
    );
  });

  it('words a refusal core sends as a family code (a knowledge document too large) with its own words', () => {
    const err = new CallError('invalid_input', 'document.too_large', 'knowledge/add-document');
    expect(errorWords('ar', err)).toBe('الملف أكبر مما يقبله Souqbot. قسّمه، أو احفظ نسخة أقصر.');
    expect(errorWords('it', new CallError('invalid_input', 'document.no_such_code', 'x'))).toBe(
      errorWords('it', new CallError('invalid_input', 'anything', 'x')),
    );
  });

  it('keeps the words of an error raised in the page itself', () => {
    expect(errorWords('ar', new Error('تعذرت قراءة الملف'))).toBe('تعذرت قراءة الملف');
    expect(errorWords('en', 'plain')).toBe('plain');
  });
});
