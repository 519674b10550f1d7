import fs from 'node:fs';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/**
 * Resolves a URL path inside the built renderer; never outside it. Unknown paths without an
 * extension fall back to index.html (client-side routes).
 */
export function resolveStatic(root: string, urlPath: string): { file: string; type: string } | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  const rel = path.normalize(decoded).replace(/^([/\\])+/, '');
  const candidate = path.resolve(root, rel || 'index.html');
  if (candidate !== root && !candidate.startsWith(root + path.sep)) return null;
  let file = candidate;
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    if (path.extname(rel)) return null;
    file = path.join(root, 'index.html');
    if (!fs.existsSync(file)) return null;
  }
  return { file, type: TYPES[path.extname(file)] ?? 'application/octet-stream' };
}
