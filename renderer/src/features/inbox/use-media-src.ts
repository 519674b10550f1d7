import { useEffect, useState } from 'react';
import type { Client } from '../../api/client';

/**
 * Where the page loads a message's file from. In a browser tab: `GET /media/<id>` on the page's
 * own origin (the token cookie authenticates it). In Electron there is no HTTP server: the file
 * comes over IPC (`messages/read-media`) and is shown from a blob URL, revoked when unused.
 */
export function useMediaSrc(client: Client, shopId: number, messageId: number, stored: boolean): string | null {
  const viaIpc = typeof window !== 'undefined' && window.souq !== undefined;
  const [blob, setBlob] = useState<string | null>(null);
  useEffect(() => {
    if (!stored || !viaIpc) return;
    let url: string | null = null;
    let cancelled = false;
    void client
      .send('messages/read-media', { shopId, messageId })
      .then(({ mime, dataBase64 }) => {
        if (cancelled) return;
        const bytes = Uint8Array.from(atob(dataBase64), (c) => c.charCodeAt(0));
        url = URL.createObjectURL(new Blob([bytes], { type: mime }));
        setBlob(url);
      })
      .catch(() => setBlob(null));
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [client, shopId, messageId, stored, viaIpc]);
  if (!stored) return null;
  return viaIpc ? blob : `/media/${messageId}`;
}
