import WebSocket from 'ws';
import type { RelaySocketConstructor } from '../../../shared/sync/relay-client';

/** The `ws` package's client as the relay client's socket (Node 20 has no global WebSocket). */
export const makeSyncSocket = (): RelaySocketConstructor =>
  class extends WebSocket {
    constructor(url: string) {
      // A relay frame is at most 1 MB (shared/relay MAX_FRAME_BYTES); refuse bigger ones early.
      super(url, { maxPayload: 2 * 1024 * 1024 });
    }
  };

/** The pairing link as a QR code, a data: URL the Settings page shows as an image. */
export const syncQrDataUrl = async (text: string): Promise<string> =>
  // Loaded when a device is being paired, not at core's start.
  (await import('qrcode')).default.toDataURL(text, { margin: 1, width: 320, errorCorrectionLevel: 'M' });
