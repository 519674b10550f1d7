/** sharp (libvips) loads on first use: core's start stays light (lazy-imports.test.ts). */
const loadSharp = async () => (await import('sharp')).default;

/** A grayscale raster (one byte per pixel, row-major). */
export interface Gray {
  width: number;
  height: number;
  data: Uint8Array;
  /** The same pixels in colour (RGB, 3 bytes each) when decoded from a file: the matcher's colour check. */
  rgb?: Uint8Array;
}

/** A rectangle in raster pixels. */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * The longest side of the raster hashes are computed on. dHash reads 9×8 cells, so a few hundred
 * pixels are plenty; decoding smaller lets libjpeg shrink on load, which keeps a 1080×1920
 * screenshot's decode near 10 ms.
 */
const RASTER_SIDE = 256;

/** Decodes any image sharp reads (JPEG, PNG, WebP, GIF's first frame) into a small raster, grey and colour. */
export async function decodeGray(input: Buffer | string, side = RASTER_SIDE): Promise<Gray> {
  const sharp = await loadSharp();
  const { data, info } = await sharp(input, { failOn: 'none', limitInputPixels: 64_000_000 })
    .rotate() // phone photos carry their orientation in EXIF
    .flatten({ background: '#ffffff' })
    .resize({ width: side, height: side, fit: 'inside' })
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.channels !== 3) throw new Error(`expected three channels, got ${info.channels}`);
  return fromRgb(info.width, info.height, new Uint8Array(data.buffer, data.byteOffset, data.length));
}

/** A raster from RGB pixels; grey is Rec. 601 luma. */
export function fromRgb(width: number, height: number, rgb: Uint8Array): Gray {
  const data = new Uint8Array(width * height);
  for (let i = 0, j = 0; i < data.length; i++, j += 3) data[i] = (rgb[j]! * 299 + rgb[j + 1]! * 587 + rgb[j + 2]! * 114 + 500) / 1000;
  return { width, height, data, rgb };
}

/** One integral per colour channel (absent for a grey-only raster), built in one pass over the pixels. */
export function colourIntegrals(g: Gray): [Integral, Integral, Integral] | null {
  const rgb = g.rgb;
  if (!rgb) return null;
  const stride = g.width + 1;
  const size = stride * (g.height + 1);
  const r = new Float64Array(size);
  const gr = new Float64Array(size);
  const b = new Float64Array(size);
  for (let y = 0, p = 0; y < g.height; y++) {
    let rowR = 0;
    let rowG = 0;
    let rowB = 0;
    const above = y * stride + 1;
    const here = above + stride;
    for (let x = 0; x < g.width; x++, p += 3) {
      rowR += rgb[p]!;
      rowG += rgb[p + 1]!;
      rowB += rgb[p + 2]!;
      r[here + x] = r[above + x]! + rowR;
      gr[here + x] = gr[above + x]! + rowG;
      b[here + x] = b[above + x]! + rowB;
    }
  }
  const of = (sums: Float64Array): Integral => ({ width: g.width, height: g.height, sums });
  return [of(r), of(gr), of(b)];
}

/** Summed-area table, (w+1)×(h+1): any rectangle's mean in four reads, so many crops cost little. */
export interface Integral {
  width: number;
  height: number;
  sums: Float64Array;
}

export function integralOf(g: Gray): Integral {
  const stride = g.width + 1;
  const sums = new Float64Array(stride * (g.height + 1));
  for (let y = 0; y < g.height; y++) {
    let row = 0;
    for (let x = 0; x < g.width; x++) {
      row += g.data[y * g.width + x]!;
      sums[(y + 1) * stride + x + 1] = sums[y * stride + x + 1]! + row;
    }
  }
  return { width: g.width, height: g.height, sums };
}

/** Mean of the pixels in [x0,x1)×[y0,y1) (integer bounds, clamped by the caller). */
export function boxMean(ii: Integral, x0: number, y0: number, x1: number, y1: number): number {
  const s = ii.width + 1;
  const area = Math.max(1, (x1 - x0) * (y1 - y0));
  return (ii.sums[y1 * s + x1]! - ii.sums[y0 * s + x1]! - ii.sums[y1 * s + x0]! + ii.sums[y0 * s + x0]!) / area;
}
