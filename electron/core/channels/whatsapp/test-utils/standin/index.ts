/** Test-only WhatsApp stand-in server; nothing outside tests and bench/ may import it. */
export { startStandin, type Standin, type StandinOptions } from './standin-server';
export type { StandinConnection, RecordedNode, Handshook } from './connection';
export type { CustomerDevice, ChatBubble } from './customer-device';
export { messageText } from './customer-device';
export type { LinkedDevice } from './world';
export { parseQr, type ParsedQr } from './qr';
export { streamErrorNode, failureNode, conflictNode } from './failures';
export { startMediaHost, type MediaHost } from './media-host';
