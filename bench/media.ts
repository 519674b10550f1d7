import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { decodeGray, fromRgb } from '../electron/core/media/hashing/gray';
import { type PhotoHashes, catalogHashes, makePhotoIndex } from '../electron/core/media/matcher/photo-index';
import { productPhoto, productSvg, screenshotOf } from '../electron/core/media/test-utils/synthetic-photos';

/**
 * The offline photo matcher at 10,000 catalog photos (generated, hashed as the store hashes them;
 * drawn 100 to a sheet at a small size to keep the setup short: hashes do not depend on size). Each query is a phone
 * screenshot (JPEG, app chrome, some cropped) of a catalog photo or of a photo outside the catalog;
 * `match_ms` is the time per incoming image from its JPEG bytes to the decision: decode, border
 * trim, every window's hash and the comparisons. Target: under 50 ms.
 */
const CATALOG = 10_000;
const QUERIES = 60;

const SHEET = 10;
const CELL = 200;
const SCALE = 0.16;

/** Catalog photos first … first+99 drawn on one sheet, each cut out as its own raster and hashed. */
async function sheet(first: number): Promise<Array<{ productId: number } & PhotoHashes>> {
  const tiles = Array.from({ length: SHEET * SHEET }, (_, k) => ({ id: first + k, ...productSvg(first + k) }));
  const body = tiles
    .map((t, k) => {
      const [x, y] = [(k % SHEET) * CELL, Math.floor(k / SHEET) * CELL];
      return `<svg x="${x}" y="${y}" width="${Math.round(t.w * SCALE)}" height="${Math.round(t.h * SCALE)}" viewBox="0 0 ${t.w} ${t.h}">${t.body}</svg>`;
    })
    .join('');
  const side = SHEET * CELL;
  const { data } = await sharp(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${side}" height="${side}">${body}</svg>`))
    .flatten({ background: '#ffffff' })
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return tiles.map((t, k) => {
    const [x, y, w, h] = [(k % SHEET) * CELL, Math.floor(k / SHEET) * CELL, Math.round(t.w * SCALE), Math.round(t.h * SCALE)];
    const rgb = new Uint8Array(w * h * 3);
    for (let row = 0; row < h; row++) rgb.set(data.subarray(((y + row) * side + x) * 3, ((y + row) * side + x + w) * 3), row * w * 3);
    return { productId: t.id, ...catalogHashes(fromRgb(w, h, rgb)) };
  });
}

export async function run(): Promise<Record<string, number>> {
  const entries: Array<{ productId: number } & PhotoHashes> = [];
  const setup = performance.now();
  for (let first = 1; first <= CATALOG; first += SHEET * SHEET) for (const e of await sheet(first)) entries.push(e);
  const index = makePhotoIndex(entries);
  const setupS = (performance.now() - setup) / 1000;

  const queries: Array<{ bytes: Buffer; expected: number | null }> = [];
  for (let q = 0; q < QUERIES; q++) {
    const inCatalog = q % 4 !== 3;
    const seed = inCatalog ? 1 + ((q * 163) % CATALOG) : 50_000 + q;
    const bytes = await screenshotOf(await productPhoto(seed), {
      seed: q,
      chrome: q % 3 !== 0,
      crop: q % 5 === 0 ? 0.06 : 0,
      screenWidth: 720,
      quality: 70,
    });
    queries.push({ bytes, expected: inCatalog ? seed : null });
  }
  const times: number[] = [];
  let cpuMicros = 0;
  let right = 0;
  let wrong = 0;
  for (const { bytes, expected } of queries) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const m = index.match(await decodeGray(bytes));
    const c = process.cpuUsage(c0);
    times.push(performance.now() - t0);
    cpuMicros += c.user + c.system;
    const said = m?.confident ? m.productId : null;
    if (said !== null && said === expected) right++;
    else if (said !== null) wrong++;
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
  const round = (x: number) => Math.round(x * 10) / 10;
  const positives = queries.filter((q) => q.expected !== null).length;
  return {
    match_ms: round(times.reduce((s, t) => s + t, 0) / times.length),
    // CPU time of this process per image: on a machine shared with other work, wall time includes waiting for a core.
    match_cpu_ms: round(cpuMicros / 1000 / times.length),
    match_p50_ms: round(at(0.5)),
    match_p95_ms: round(at(0.95)),
    catalog_photos: CATALOG,
    index_hashes: index.size,
    recall: Math.round((right / positives) * 100) / 100,
    precision: right + wrong ? Math.round((right / (right + wrong)) * 100) / 100 : 0,
    setup_s: round(setupS),
  };
}
