import { describe, expect, it } from 'vitest';
import { REDACTED, redact } from './redact';

describe('redact', () => {
  it.each([
    ['a known value in any text', 'the key is plain-words-key', ['plain-words-key'], 'plain-words-key'],
    ['an OpenAI-style key', 'failed with sk-proj-abcdefgh12345678', [], 'sk-proj-abcdefgh12345678'],
    ['a bearer token', 'authorization Bearer abc.def.ghi12345', [], 'abc.def.ghi12345'],
    ['a token in an address', 'http://127.0.0.1:4417/?token=deadbeef&x=1', [], 'deadbeef'],
    ['a credential-named field', '{"passphrase":"short","user":"amina"}', [], 'short'],
    ['a nested credential object', '{"creds":{"me":"x","id":"1"},"ok":true}', [], '"me":"x"'],
    ['a key-like blob', 'session 0123456789abcdef0123456789abcdef0123 saved', [], '0123456789abcdef0123456789abcdef0123'],
  ])('removes %s', (_what, text, known, secret) => {
    const out = redact(text, known);
    expect(out).not.toContain(secret);
    expect(out).toContain(REDACTED);
  });

  it('leaves ordinary words, numbers, paths and non-secret fields alone', () => {
    const text =
      '{"msg":"order placed","orderId":7,"apiKeySet":true,"dataDir":"/home/amina/.config/Souqbot","product":"huile-d-argan-bio-100ml"}';
    expect(redact(text, [])).toBe(text);
  });

  it('replaces a known secret that contains another whole', () => {
    expect(redact('x sk-long-secret-value y', ['secret', 'sk-long-secret-value'])).toBe(`x ${REDACTED} y`);
  });
});
