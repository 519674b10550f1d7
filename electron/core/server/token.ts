import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const TOKEN_FILE = 'server-token';

/** The headless server's bearer token: generated on first start, kept 0600 in the data dir. */
export function loadOrCreateToken(dataDir: string): string {
  const file = path.join(dataDir, TOKEN_FILE);
  try {
    const existing = fs.readFileSync(file, 'utf8').trim();
    if (/^[a-f0-9]{48}$/.test(existing)) return existing;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const token = crypto.randomBytes(24).toString('hex');
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, `${token}\n`, { mode: 0o600 });
  fs.chmodSync(file, 0o600);
  return token;
}

/** Constant-time comparison, so the token cannot be guessed byte by byte from timings. */
export function tokenMatches(expected: string, given: string | undefined | null): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

const TOKEN_COOKIE = 'souq_token';

/**
 * The cookie's name for one server: cookies ignore ports, so two Souqbot servers on one machine
 * (or another app on localhost) must not read or overwrite each other's token cookie.
 */
export function tokenCookieName(port: number): string {
  return `${TOKEN_COOKIE}_${port}`;
}

/** decodeURIComponent that answers null for broken percent-encoding instead of throwing URIError. */
export function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}
/** WebSocket subprotocol that carries the token where a cookie cannot (non-browser clients). */
export const TOKEN_PROTOCOL_PREFIX = 'souq.token.';

/**
 * The token a request presents: bearer header, cookie, or WebSocket subprotocol. Never throws:
 * a header it cannot parse presents no token (the request is then refused with 401).
 */
export function presentedToken(headers: Record<string, string | string[] | undefined>, cookieName = TOKEN_COOKIE): string | null {
  const auth = headers.authorization;
  if (typeof auth === 'string' && auth.startsWith('Bearer ')) return auth.slice(7).trim();
  const cookie = headers.cookie;
  if (typeof cookie === 'string') {
    for (const part of cookie.split(';')) {
      const [k, ...v] = part.trim().split('=');
      if (k === cookieName) return safeDecode(v.join('='));
    }
  }
  const protocols = headers['sec-websocket-protocol'];
  if (typeof protocols === 'string') {
    for (const p of protocols.split(',')) {
      const trimmed = p.trim();
      if (trimmed.startsWith(TOKEN_PROTOCOL_PREFIX)) return trimmed.slice(TOKEN_PROTOCOL_PREFIX.length);
    }
  }
  return null;
}
