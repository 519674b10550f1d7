import fs from 'node:fs/promises';
import { protocol } from 'electron';
import { resolveStatic } from '../core/server/static-files';
import { rendererCsp } from './csp';
import { APP_SCHEME } from './ipc-handlers';

/**
 * Must run before `app.whenReady()`: a standard, secure scheme gets a real origin, so the CSP's
 * 'self' means the app and nothing else (file:// would mean the whole disk).
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** Serves the built renderer on souq://app/ with the CSP header; never a file outside `rendererDir`. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const found = url.host === 'app' ? resolveStatic(rendererDir, url.pathname) : null;
    if (!found) return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } });
    const body = await fs.readFile(found.file);
    return new Response(body, {
      headers: {
        'content-type': found.type,
        'content-security-policy': rendererCsp(),
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
      },
    });
  });
}
