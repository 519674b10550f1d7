import { SOURCE_IMAGE_MAX_BYTES } from './normalize';

export interface DownloadOptions {
  /** Whole download, connection to last byte. */
  timeoutMs: number;
  /** An image larger than this is refused mid-download, in bytes. */
  maxBytes: number;
  /** The fetch used (the global one, or a test's). */
  fetch: typeof fetch;
  /** Aborts the download early (core closing). */
  signal?: AbortSignal;
}

export const DEFAULT_DOWNLOAD: Omit<DownloadOptions, 'fetch' | 'signal'> = { timeoutMs: 15_000, maxBytes: SOURCE_IMAGE_MAX_BYTES };

export class DownloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DownloadError';
  }
}

/** Only web addresses are fetched: a catalog cell must not make core read a local file or another scheme. */
export const isWebUrl = (url: string): boolean => {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
};

/**
 * One image from a catalog export's URL, with a deadline and a size cap checked on the declared
 * length first and again while streaming (a server may lie or send no length).
 */
export async function downloadImage(url: string, o: DownloadOptions): Promise<Buffer> {
  if (!isWebUrl(url)) throw new DownloadError('not an http(s) address');
  const deadline = AbortSignal.timeout(o.timeoutMs);
  const signal = o.signal ? AbortSignal.any([deadline, o.signal]) : deadline;
  let res: Response;
  try {
    res = await o.fetch(url, { signal, redirect: 'follow', headers: { accept: 'image/*' } });
  } catch (err) {
    throw new DownloadError(signal.aborted ? `timed out after ${o.timeoutMs} ms` : err instanceof Error ? err.message : String(err));
  }
  if (!res.ok) throw new DownloadError(`HTTP ${res.status}`);
  const type = res.headers.get('content-type') ?? '';
  if (type && !type.startsWith('image/') && !type.startsWith('application/octet-stream'))
    throw new DownloadError(`not an image (${type.split(';')[0]})`);
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (declared > o.maxBytes) throw new DownloadError(`larger than ${o.maxBytes} bytes`);
  if (!res.body) throw new DownloadError('empty body');
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.length;
      if (size > o.maxBytes) throw new DownloadError(`larger than ${o.maxBytes} bytes`);
      chunks.push(Buffer.from(chunk));
    }
  } catch (err) {
    if (err instanceof DownloadError) throw err;
    throw new DownloadError(signal.aborted ? `timed out after ${o.timeoutMs} ms` : err instanceof Error ? err.message : String(err));
  }
  return Buffer.concat(chunks);
}

/** Runs `work` over `items`, at most `limit` at a time. */
export async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
}
