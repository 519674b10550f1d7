const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Whether a request's Origin header is this server's own page, absent (not a browser page:
 * scripts, the CLI, tests), or another site's — including another port on this machine, which
 * shares the seller's cookies. Anything unparseable counts as foreign.
 */
export function requestOrigin(origin: string | string[] | undefined, ownPort: number): 'none' | 'own' | 'foreign' {
  if (origin === undefined) return 'none';
  if (typeof origin !== 'string') return 'foreign';
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return 'foreign';
  }
  const port = url.port === '' ? 80 : Number(url.port);
  return url.protocol === 'http:' && LOOPBACK_NAMES.has(url.hostname) && port === ownPort ? 'own' : 'foreign';
}
