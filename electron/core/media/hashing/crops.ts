import type { Gray, Rect } from './gray';

/**
 * Where a catalog photo may sit inside what a customer sends. Screenshots of the shop's own post
 * carry a status bar, the app's header, a caption and buttons around it; forwarded photos are
 * rescaled or cropped. The matcher hashes each of these rectangles and keeps the best.
 */

/** The catalog side: the whole image and two centred crops, for a customer who zoomed in before the screenshot. */
export function catalogRects(g: Gray): Rect[] {
  return [1, 0.9, 0.8].map((f) => centred(g.width, g.height, f));
}

function centred(w: number, h: number, f: number): Rect {
  const cw = Math.round(w * f);
  const ch = Math.round(h * f);
  return { x: Math.floor((w - cw) / 2), y: Math.floor((h - ch) / 2), w: cw, h: ch };
}

/** Rows or columns whose pixels span fewer grey levels than this are a plain border. */
const FLAT = 10;

/** The raster without plain borders (letterboxing, white padding, a solid frame). */
export function trimBorders(g: Gray): Rect {
  const flatRow = (y: number, x0: number, x1: number) => spread(g, x0, y, x1 - x0, 1) < FLAT;
  const flatCol = (x: number, y0: number, y1: number) => spread(g, x, y0, 1, y1 - y0) < FLAT;
  let top = 0;
  let bottom = g.height;
  let left = 0;
  let right = g.width;
  while (top < g.height * 0.45 && flatRow(top, 0, g.width)) top++;
  while (bottom > g.height * 0.55 && flatRow(bottom - 1, 0, g.width)) bottom--;
  while (left < g.width * 0.45 && flatCol(left, top, bottom)) left++;
  while (right > g.width * 0.55 && flatCol(right - 1, top, bottom)) right--;
  return { x: left, y: top, w: right - left, h: bottom - top };
}

function spread(g: Gray, x: number, y: number, w: number, h: number): number {
  let lo = 255;
  let hi = 0;
  for (let yy = y; yy < y + h; yy++)
    for (let xx = x; xx < x + w; xx++) {
      const v = g.data[yy * g.width + xx]!;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  return hi - lo;
}

/** Widths (of the trimmed content) a photo may take on screen: edge to edge, or with margins. */
const WIDTHS = [1, 0.9, 0.8];
/** Slide step along the free axis, as a share of the crop's side: dHash tolerates about half of it. */
const STEP = 0.05;

/**
 * Windows of one aspect ratio (width / height) sliding through the content rectangle along its
 * long free axis, centred on the other. Every window is whole pixels inside the raster.
 */
export function slidingRects(content: Rect, aspect: number): Rect[] {
  const out: Rect[] = [];
  for (const f of WIDTHS) {
    let w = content.w * f;
    let h = w / aspect;
    if (h > content.h) {
      h = content.h * f;
      w = h * aspect;
    }
    w = Math.round(w);
    h = Math.round(h);
    if (w < 16 || h < 16) continue;
    const freeX = content.w - w;
    const freeY = content.h - h;
    const alongY = freeY >= freeX;
    const free = alongY ? freeY : freeX;
    const step = Math.max(2, Math.round((alongY ? h : w) * STEP));
    const fixed = Math.floor((alongY ? freeX : freeY) / 2);
    for (let t = 0; ; t += step) {
      const at = Math.min(t, free);
      out.push(alongY ? { x: content.x + fixed, y: content.y + at, w, h } : { x: content.x + at, y: content.y + fixed, w, h });
      if (at >= free) break;
    }
  }
  return out;
}
