import type { BinaryNode } from '@whiskeysockets/baileys';

/** Server-to-client nodes that end a session, as WhatsApp sends them. */

/** `<stream:error code="N"/>`: 515 = restart required, 401 = logged out, 503 = unavailable. */
export const streamErrorNode = (code: number): BinaryNode => ({ tag: 'stream:error', attrs: { code: `${code}` } });

/** Another client logged in with the same credentials (Baileys maps `conflict` to 440). */
export const conflictNode = (): BinaryNode => ({
  tag: 'stream:error',
  attrs: {},
  content: [{ tag: 'conflict', attrs: { type: 'replaced' } }],
});

/** `<failure reason="N"/>` at login: 401 logged out, 403 forbidden (banned), 405/409 …. */
export const failureNode = (reason: number): BinaryNode => ({ tag: 'failure', attrs: { reason: `${reason}`, location: 'standin' } });
