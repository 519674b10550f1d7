import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Product } from '../../../../shared/domain/catalog';
import type { Clock, Logger } from '../../ports';
import { decodeGray } from '../hashing/gray';
import { type PhotoIndex, type PhotoMatch, catalogHashes, makePhotoIndex } from '../matcher/photo-index';
import type { CatalogImageRow, CatalogImagesRepo } from './catalog-images-repo';
import { DEFAULT_DOWNLOAD, type DownloadOptions, downloadImage, eachLimited, isWebUrl } from './download';
import { normalizeCatalogImage, thumbnailDataUrl } from './normalize';

/**
 * A product image the seller picked from disk has no web address; the product lists it as
 * `souq-image:<file>` so both brains send it like any other image (`product.images[0]`) and the
 * sender resolves it to the stored file.
 */
export const LOCAL_IMAGE_SCHEME = 'souq-image:';

/** What this module needs of the catalog (create-core passes the products repository). */
export interface CatalogProductsPort {
  all(shopId: number): Product[];
  get(shopId: number, id: number): Product | undefined;
  update(shopId: number, id: number, patch: { images: string[] }, now: string): Product | undefined;
}

export interface CatalogImagesDeps {
  /** media/images/catalog-images-repo.ts over the core's database. */
  repo: CatalogImagesRepo;
  /** The data folder: stored copies go under its media folder. */
  dataDir: string;
  /** Reads and updates the products whose image addresses are copied. */
  products: CatalogProductsPort;
  /** Time stamped on each stored copy. */
  clock: Clock;
  /** Core's logger: failed downloads. */
  logger: Logger;
  /** The fetch downloads use; default the global one (tests reach their 127.0.0.1 server). */
  fetch?: typeof fetch;
  /** Downloads at once during an import (default 4): a shop's CDN and the seller's line both stay usable. */
  concurrency?: number;
  /** Overrides of the per-image download limits (`DEFAULT_DOWNLOAD`: 15 s, the source size cap). */
  download?: Partial<Omit<DownloadOptions, 'fetch'>>;
}

export interface SyncReport {
  downloaded: number;
  failed: number;
}

export interface PhotoIdentification {
  product: Product;
  match: PhotoMatch;
}

/** Catalog images in `<dataDir>/catalog-images/<shopId>/`, their hashes, and the shop's photo index. */
export function makeCatalogImages(deps: CatalogImagesDeps) {
  const { repo } = deps;
  const root = path.join(deps.dataDir, 'catalog-images');
  const dirOf = (shopId: number) => path.join(root, String(shopId));
  // Closing core aborts downloads in flight and nothing is written after it.
  const closing = new AbortController();
  const download: DownloadOptions = { ...DEFAULT_DOWNLOAD, ...deps.download, fetch: deps.fetch ?? fetch, signal: closing.signal };
  const indexes = new Map<number, PhotoIndex>();
  const syncs = new Map<number, Promise<SyncReport>>();
  const now = () => deps.clock.now().toISOString();

  /** Normalises, writes (content-named, so the same picture is one file) and hashes one image. */
  async function store(shopId: number, productId: number, sourceUrl: string | ((file: string) => string), bytes: Buffer) {
    const image = await normalizeCatalogImage(bytes);
    const file = `${createHash('sha256').update(image.jpeg).digest('hex').slice(0, 32)}.jpg`;
    const dir = dirOf(shopId);
    const full = path.join(dir, file);
    if (!fs.existsSync(full)) {
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(`${full}.part`, image.jpeg);
      fs.renameSync(`${full}.part`, full);
    }
    const { hashes } = catalogHashes(await decodeGray(image.jpeg));
    const source = typeof sourceUrl === 'string' ? sourceUrl : sourceUrl(file);
    repo.upsert(
      {
        shopId,
        productId,
        sourceUrl: source,
        file,
        width: image.width,
        height: image.height,
        bytes: image.jpeg.length,
        hashes,
        error: null,
      },
      now(),
    );
    indexes.delete(shopId);
    return { file, source };
  }

  async function syncOnce(shopId: number): Promise<SyncReport> {
    const known = repo.known(shopId);
    const todo = deps.products
      .all(shopId)
      .filter((p) => !p.archivedAt)
      .flatMap((p) =>
        p.images[0] && isWebUrl(p.images[0]) && !known.has(`${p.id} ${p.images[0]}`) ? [{ id: p.id, url: p.images[0] }] : [],
      );
    const report: SyncReport = { downloaded: 0, failed: 0 };
    await eachLimited(todo, deps.concurrency ?? 4, async ({ id, url }) => {
      if (closing.signal.aborted) return;
      try {
        await store(shopId, id, url, await downloadImage(url, download));
        report.downloaded++;
      } catch (err) {
        if (closing.signal.aborted) return;
        report.failed++;
        const error = err instanceof Error ? err.message : String(err);
        deps.logger.warn({ shopId, productId: id, error }, 'catalog image not downloaded');
        // Kept as failed: the next import does not fetch a dead address again (a new address is tried).
        repo.upsert(
          { shopId, productId: id, sourceUrl: url, file: null, width: null, height: null, bytes: null, hashes: [], error },
          now(),
        );
      }
    });
    return report;
  }

  return {
    /**
     * Downloads the images of the shop's products that have none stored yet (the first image of
     * each). Calls for one shop run one after the other: two quick imports never fetch twice.
     */
    syncShop(shopId: number): Promise<SyncReport> {
      const run = (syncs.get(shopId) ?? Promise.resolve({ downloaded: 0, failed: 0 })).then(() => syncOnce(shopId));
      const settled = run.finally(() => {
        if (syncs.get(shopId) === settled) syncs.delete(shopId);
      });
      syncs.set(shopId, settled);
      return settled;
    },

    /** The seller picked a file: it becomes the product's first image. */
    async setFromUpload(shopId: number, productId: number, bytes: Buffer): Promise<Product> {
      const product = deps.products.get(shopId, productId);
      if (!product) throw new Error(`no product ${productId}`);
      const { source } = await store(shopId, productId, (file) => `${LOCAL_IMAGE_SCHEME}${file}`, bytes);
      const rest = product.images.filter((u) => !u.startsWith(LOCAL_IMAGE_SCHEME));
      const updated = deps.products.update(shopId, productId, { images: [source, ...rest] }, now());
      if (!updated) throw new Error(`no product ${productId}`);
      return updated;
    },

    /** The stored file for an image address of the shop's catalog (web or souq-image:), or null. */
    localFile(shopId: number, url: string): string | null {
      const file = url.startsWith(LOCAL_IMAGE_SCHEME) ? url.slice(LOCAL_IMAGE_SCHEME.length) : repo.bySource(shopId, url)?.file;
      // File names are ours (hex + .jpg); anything else never reaches the disk.
      if (!file || !/^[0-9a-f]{32}\.jpg$/.test(file)) return null;
      const full = path.join(dirOf(shopId), file);
      return fs.existsSync(full) ? full : null;
    },

    /** The product whose catalog photo the image shows, when the matcher is confident. */
    async identify(shopId: number, image: Buffer | string): Promise<PhotoIdentification | null> {
      const index = indexOf(shopId);
      if (index.size === 0) return null;
      const match = index.match(await decodeGray(image));
      if (!match?.confident) return null;
      const product = deps.products.get(shopId, match.productId);
      return product && !product.archivedAt ? { product, match } : null;
    },

    /** A thumbnail of the product's stored image for the product editor. */
    async thumbnail(shopId: number, productId: number): Promise<string | null> {
      const product = deps.products.get(shopId, productId);
      const url = product?.images[0];
      const file = url ? this.localFile(shopId, url) : null;
      return file ? thumbnailDataUrl(file) : null;
    },

    rows: (shopId: number): CatalogImageRow[] => repo.ofShop(shopId),

    /** Aborts downloads and waits for the syncs to settle, before the database closes. */
    async stop(): Promise<void> {
      closing.abort();
      await Promise.allSettled([...syncs.values()]);
    },
  };

  function indexOf(shopId: number): PhotoIndex {
    let index = indexes.get(shopId);
    if (!index) {
      index = makePhotoIndex(
        repo.ofShop(shopId).map((r) => ({ productId: r.productId, aspect: (r.width ?? 1) / (r.height ?? 1), hashes: r.hashes })),
      );
      indexes.set(shopId, index);
    }
    return index;
  }
}
export type CatalogImages = ReturnType<typeof makeCatalogImages>;
