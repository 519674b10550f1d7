import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TOKEN_FILE, loadOrCreateToken, presentedToken, tokenCookieName, tokenMatches } from './token';

describe('server token', () => {
  it('is generated once, kept 0600, and reused', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'souq-token-'));
    const first = loadOrCreateToken(dir);
    expect(first).toMatch(/^[a-f0-9]{48}$/);
    expect(fs.statSync(path.join(dir, TOKEN_FILE)).mode & 0o777).toBe(0o600);
    expect(loadOrCreateToken(dir)).toBe(first);
    fs.writeFileSync(path.join(dir, TOKEN_FILE), 'garbage');
    expect(loadOrCreateToken(dir)).not.toBe(first); // a damaged file is replaced, never trusted
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is read from a bearer header, the cookie or the WebSocket subprotocol', () => {
    expect(presentedToken({ authorization: 'Bearer abc' })).toBe('abc');
    expect(presentedToken({ cookie: 'theme=dark; souq_token=xyz; other=1' })).toBe('xyz');
    expect(presentedToken({ 'sec-websocket-protocol': 'chat, souq.token.t0k' })).toBe('t0k');
    expect(presentedToken({})).toBeNull();
  });

  it('reads only the cookie bound to its port, and never throws on broken percent-encoding', () => {
    const cookie = 'souq_token_4417=abc; souq_token_5000=def';
    expect(presentedToken({ cookie }, tokenCookieName(5000))).toBe('def');
    expect(presentedToken({ cookie }, tokenCookieName(6000))).toBeNull();
    expect(presentedToken({ cookie: 'souq_token_1=%E0%A4%A' }, tokenCookieName(1))).toBeNull();
    expect(presentedToken({ cookie: 'souq_token_1=%' }, tokenCookieName(1))).toBeNull();
  });

  it('compares in constant time and rejects near misses', () => {
    expect(tokenMatches('abcd', 'abcd')).toBe(true);
    expect(tokenMatches('abcd', 'abce')).toBe(false);
    expect(tokenMatches('abcd', 'abc')).toBe(false);
    expect(tokenMatches('abcd', null)).toBe(false);
  });
});
