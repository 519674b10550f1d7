import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeGray } from '../hashing/gray';
import { productPhoto, rng, screenshotOf } from '../test-utils/synthetic-photos';
import { DEFAULT_THRESHOLDS, type MatchThresholds, type PhotoHashes, catalogHashes, makePhotoIndex } from './photo-index';

const CATALOG = 60;
const NEGATIVES = 40;
const RECOLOURED = 12;

interface Case {
  /** The product the screenshot shows, or null for a photo not in the catalog. */
  expected: number | null;
  image: Buffer;
  label: string;
}

async function scenario() {
  const photos = await Promise.all(Array.from({ length: CATALOG }, (_, i) => productPhoto(i + 1)));
  const entries: Array<{ productId: number } & PhotoHashes> = [];
  for (const [i, p] of photos.entries()) entries.push({ productId: i + 1, ...catalogHashes(await decodeGray(p)) });
  const r = rng(99);
  const cases: Case[] = [];
  const shot = (photo: Buffer, seed: number) => {
    const kind = seed % 5;
    const label = ['bare-rescaled', 'chrome', 'chrome-cropped', 'chrome-margins-dark', 'cropped-lowq'][kind]!;
    return {
      label,
      opts: {
        seed,
        screenWidth: 400 + Math.floor(r() * 700),
        chrome: kind !== 0 && kind !== 4,
        crop: kind === 2 || kind === 4 ? 0.08 : 0,
        margin: kind === 3 ? 0.05 : 0,
        dark: kind === 3,
        quality: kind === 4 ? 45 : 55 + Math.floor(r() * 35),
      },
    };
  };
  for (const [i, p] of photos.entries()) {
    const { label, opts } = shot(p, i);
    cases.push({ expected: i + 1, image: await screenshotOf(p, opts), label });
  }
  for (let k = 0; k < NEGATIVES; k++) {
    const p = await productPhoto(10_000 + k);
    const { label, opts } = shot(p, k);
    cases.push({ expected: null, image: await screenshotOf(p, opts), label: `negative ${label}` });
  }
  // The same shapes in other colours (a look-alike product in another colour): luminance barely
  // changes under a hue turn, so only the colour check tells them apart.
  for (let k = 0; k < RECOLOURED; k++) {
    const p = await sharp(photos[k * 3]!)
      .modulate({ hue: 120 + k * 12 })
      .jpeg({ quality: 85 })
      .toBuffer();
    const { label, opts } = shot(p, 500 + k);
    cases.push({ expected: null, image: await screenshotOf(p, opts), label: `recoloured ${label}` });
  }
  return { entries, cases };
}

async function score(
  index: ReturnType<typeof makePhotoIndex>,
  cases: Case[],
  opts: { windows?: boolean; colour?: boolean } = {},
  thresholds: MatchThresholds = DEFAULT_THRESHOLDS,
) {
  let tp = 0;
  let fp = 0;
  const misses: string[] = [];
  for (const c of cases) {
    const m = index.match(await decodeGray(c.image), thresholds, opts);
    const said = m?.confident ? m.productId : null;
    if (said !== null && said === c.expected) tp++;
    else if (said !== null) {
      fp++;
      misses.push(`fp ${c.label} ${said} d=${m?.distance} r=${m?.runnerUp}`);
    } else if (c.expected !== null) {
      misses.push(`fn ${c.label} best=${m?.productId}/${c.expected} d=${m?.distance} r=${m?.runnerUp}`);
    }
  }
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp / cases.filter((c) => c.expected !== null).length;
  return { precision, recall, misses };
}

describe('photo matcher on generated screenshots', () => {
  let data: Awaited<ReturnType<typeof scenario>>;
  beforeAll(async () => {
    data = await scenario();
  }, 120_000);

  it('finds the product in screenshots (precision ≥ 0.95, recall ≥ 0.8) and refuses photos not in the catalog', async () => {
    const result = await score(makePhotoIndex(data.entries), data.cases);
    // The closing note of issue 16 quotes this line.
    console.log(
      JSON.stringify({ precision: result.precision, recall: result.recall, thresholds: DEFAULT_THRESHOLDS, misses: result.misses }),
    );
    expect(result.precision).toBeGreaterThanOrEqual(0.95);
    expect(result.recall).toBeGreaterThanOrEqual(0.8);
  }, 60_000);

  it('the byte index decides exactly as comparing every catalog hash does', async () => {
    const index = makePhotoIndex(data.entries);
    for (const c of data.cases) {
      const g = await decodeGray(c.image);
      const fast = index.match(g);
      const full = index.match(g, DEFAULT_THRESHOLDS, { exhaustive: true });
      expect(fast?.confident ? [fast.productId, fast.distance] : null, c.label).toEqual(
        full?.confident ? [full.productId, full.distance] : null,
      );
    }
  }, 60_000);

  it('catches a matcher that ignores crops: without the sliding windows, chrome hides the product (recall falls under 0.8)', async () => {
    const result = await score(makePhotoIndex(data.entries), data.cases, { windows: false });
    expect(result.recall).toBeLessThan(0.8);
  }, 60_000);

  it('catches a matcher blind to colour: the same shapes in another colour pass as the product (precision falls under 0.95)', async () => {
    const result = await score(makePhotoIndex(data.entries), data.cases, { colour: false });
    expect(result.precision).toBeLessThan(0.95);
  }, 60_000);

  it('catches a threshold set too loose: look-alike photos outside the catalog pass as products (precision falls under 0.95)', async () => {
    const result = await score(makePhotoIndex(data.entries), data.cases, {}, { maxDistance: 26, margin: 0, maxColour: 255 });
    expect(result.precision).toBeLessThan(0.95);
  }, 60_000);
});
