import { describe, expect, it } from 'vitest';
import { rendererCsp } from './csp';
import { APP_ORIGIN, makeTrustedUrlCheck, originOf } from './ipc-handlers';

describe('makeTrustedUrlCheck', () => {
  it('trusts the app origin (and the dev server when configured), nothing else', () => {
    const prod = makeTrustedUrlCheck();
    expect(prod(`${APP_ORIGIN}/index.html#/inbox`)).toBe(true);
    for (const url of [
      'souq://evil/index.html',
      'https://app/',
      'file:///index.html',
      'http://127.0.0.1:5173/',
      'about:blank',
      '',
      'not a url',
    ]) {
      expect(prod(url), url).toBe(false);
    }
    const dev = makeTrustedUrlCheck('http://127.0.0.1:5173/');
    expect(dev('http://127.0.0.1:5173/src/main.tsx')).toBe(true);
    expect(dev('http://127.0.0.1:5174/')).toBe(false);
    expect(originOf('souq://app/x')).toBe('souq://app');
  });
});

describe('rendererCsp', () => {
  it('allows scripts only from the app itself in production', () => {
    const csp = rendererCsp();
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toMatch(/unsafe-eval/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("connect-src 'self'");
    // The inbox's voice notes and videos, fetched over IPC, play from blob: URLs and nowhere else.
    expect(csp).toContain("media-src 'self' blob:;");
  });

  it('lets the dev server in only when one is named', () => {
    const csp = rendererCsp({ devServerOrigin: 'http://127.0.0.1:5173' });
    expect(csp).toContain("connect-src 'self' http://127.0.0.1:5173 ws://127.0.0.1:5173");
  });
});
