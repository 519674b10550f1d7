/**
 * The window's Content-Security-Policy, sent as a header on every renderer response. Scripts
 * only from the app itself (no inline, no eval); the page talks to core through the preload,
 * so it needs no network at all. Inline styles stay allowed: React and QR rendering set them.
 */
export function rendererCsp(options: { devServerOrigin?: string } = {}): string {
  const dev = options.devServerOrigin;
  // Vite's dev server injects an inline React-refresh preamble and talks over a WebSocket.
  const script = dev ? `'self' 'unsafe-inline' ${dev}` : `'self'`;
  const connect = dev ? `'self' ${dev} ${dev.replace(/^http/, 'ws')}` : `'self'`;
  return [
    `default-src 'self'`,
    `script-src ${script}`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob: https:`,
    // Voice notes and videos in the inbox play from blob: URLs made of messages/read-media's bytes.
    `media-src 'self' blob:`,
    `font-src 'self' data:`,
    `connect-src ${connect}`,
    `object-src 'none'`,
    `base-uri 'none'`,
    `form-action 'none'`,
    `frame-ancestors 'none'`,
    `frame-src 'none'`,
    `worker-src 'self' blob:`,
  ].join('; ');
}
