import sharp from 'sharp';

/**
 * Product-like photos and phone screenshots of them, generated (no photo files in the repo): a
 * seeded generator draws a studio background and a few objects; `screenshotOf` puts a photo inside
 * an app's chrome the way customers forward a seller's post (status bar, header, caption, buttons),
 * rescaled, optionally cropped, recompressed as JPEG.
 */
export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 0x1_0000_0000;
  };
}

const hsl = (r: () => number, light: [number, number]) =>
  `hsl(${Math.floor(r() * 360)},${30 + Math.floor(r() * 60)}%,${light[0] + Math.floor(r() * (light[1] - light[0]))}%)`;

const ASPECTS: Array<[number, number]> = [
  [800, 800],
  [800, 1000],
  [900, 1200],
  [1200, 900],
];

/**
 * A product photo: soft background, a main object and a few details. Returns JPEG bytes.
 * `scale` renders the same picture smaller (the benchmark's 10,000-photo catalog).
 */
export async function productPhoto(seed: number, scale = 1): Promise<Buffer> {
  const { w, h, body } = productSvg(seed);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${Math.round(w * scale)}" height="${Math.round(h * scale)}" viewBox="0 0 ${w} ${h}">${body}</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 90 }).toBuffer();
}

/** The drawing of productPhoto(seed): its size and SVG body (the benchmark tiles many into one render). */
export function productSvg(seed: number): { w: number; h: number; body: string } {
  const r = rng(seed * 7919 + 13);
  const [w, h] = ASPECTS[Math.floor(r() * ASPECTS.length)]!;
  const shapes: string[] = [];
  const n = 3 + Math.floor(r() * 4);
  for (let i = 0; i < n; i++) {
    const cx = w * (0.15 + r() * 0.7);
    const cy = h * (0.15 + r() * 0.7);
    const s = Math.min(w, h) * (0.12 + r() * (i === 0 ? 0.35 : 0.18));
    const fill = hsl(r, [15, 75]);
    const kind = Math.floor(r() * 3);
    if (kind === 0) shapes.push(`<ellipse cx="${cx}" cy="${cy}" rx="${s}" ry="${s * (0.5 + r())}" fill="${fill}"/>`);
    else if (kind === 1)
      shapes.push(
        `<rect x="${cx - s}" y="${cy - s * 0.7}" width="${s * 2}" height="${s * 1.4}" rx="${s * 0.2 * r()}" fill="${fill}" transform="rotate(${Math.floor(r() * 40 - 20)} ${cx} ${cy})"/>`,
      );
    else
      shapes.push(`<polygon points="${cx},${cy - s} ${cx + s},${cy + s * 0.8} ${cx - s},${cy + s * (0.4 + r() * 0.6)}" fill="${fill}"/>`);
  }
  const body = `<defs><linearGradient id="g${seed}" x1="0" y1="0" x2="${r().toFixed(2)}" y2="1"><stop offset="0" stop-color="${hsl(r, [55, 92])}"/><stop offset="1" stop-color="${hsl(r, [35, 85])}"/></linearGradient></defs>
    <rect width="${w}" height="${h}" fill="url(#g${seed})"/>${shapes.join('')}`;
  return { w, h, body };
}

export interface ScreenshotOptions {
  /** Seeds the deterministic randomness (margins, crop, noise): the same seed gives the same screenshot. */
  seed: number;
  /** Screen width in pixels (the photo is scaled to it, less margins). */
  screenWidth?: number;
  /** Share of the photo cut from its edges before the screenshot (0 = none), unevenly. */
  crop?: number;
  /** App chrome around the photo (status bar, header, caption, buttons); false = the bare photo rescaled. */
  chrome?: boolean;
  /** Side margins as a share of the screen width. */
  margin?: number;
  /** JPEG quality of the screenshot as the customer's phone sends it. */
  quality?: number;
  /** Dark-mode chrome. */
  dark?: boolean;
}

/** A phone screenshot of `photo` inside a social app's post view. Returns JPEG bytes. */
export async function screenshotOf(photo: Buffer, o: ScreenshotOptions): Promise<Buffer> {
  const r = rng(o.seed * 104729 + 7);
  const meta = await sharp(photo).metadata();
  const pw = meta.width;
  const ph = meta.height;
  const crop = o.crop ?? 0;
  const cl = Math.floor(pw * crop * r());
  const ct = Math.floor(ph * crop * r());
  const cw = pw - cl - Math.floor(pw * crop * r());
  const ch = ph - ct - Math.floor(ph * crop * r());
  let img = sharp(photo).extract({ left: cl, top: ct, width: cw, height: ch });
  const screenW = o.screenWidth ?? 540;
  if (!o.chrome)
    return img
      .resize({ width: screenW })
      .jpeg({ quality: o.quality ?? 70 })
      .toBuffer();
  const margin = Math.round(screenW * (o.margin ?? 0));
  const imgW = screenW - 2 * margin;
  const imgH = Math.round((imgW * ch) / cw);
  img = img.resize({ width: imgW, height: imgH });
  const bg = o.dark ? '#000000' : '#ffffff';
  const fg = o.dark ? '#f5f5f5' : '#262626';
  const status = Math.round(screenW * 0.07);
  const header = Math.round(screenW * (0.1 + r() * 0.06));
  const caption = Math.round(screenW * (0.35 + r() * 0.4));
  const height = status + header + imgH + caption;
  const top = status + header;
  const words = ['souq_dz', 'Nouveau', 'disponible', 'livraison 58 wilayas', 'promo', 'prix', 'DM', '#mode', 'novidade', 'spedizione'];
  const pick = () => words[Math.floor(r() * words.length)]!;
  const fs = Math.round(screenW * 0.035);
  const chrome = `<svg xmlns="http://www.w3.org/2000/svg" width="${screenW}" height="${height}">
    <rect width="100%" height="100%" fill="${bg}"/>
    <text x="${fs}" y="${status * 0.7}" font-size="${fs}" fill="${fg}" font-family="sans-serif">${10 + Math.floor(r() * 12)}:${10 + Math.floor(r() * 49)}</text>
    <rect x="${screenW - fs * 4}" y="${status * 0.3}" width="${fs * 2.5}" height="${fs}" rx="3" fill="${fg}"/>
    <circle cx="${fs * 1.6}" cy="${status + header / 2}" r="${header * 0.32}" fill="${hsl(r, [30, 70])}"/>
    <text x="${fs * 3.2}" y="${status + header / 2 + fs / 3}" font-size="${fs}" font-weight="bold" fill="${fg}" font-family="sans-serif">${pick()}</text>
    <text x="${screenW - fs * 2}" y="${status + header / 2 + fs / 3}" font-size="${fs * 1.4}" fill="${fg}" font-family="sans-serif">⋯</text>
    <g fill="none" stroke="${fg}" stroke-width="3">
      <circle cx="${fs * 1.6}" cy="${top + imgH + fs * 1.8}" r="${fs * 0.8}"/>
      <circle cx="${fs * 4}" cy="${top + imgH + fs * 1.8}" r="${fs * 0.8}"/>
      <rect x="${screenW - fs * 2.5}" y="${top + imgH + fs}" width="${fs * 1.4}" height="${fs * 1.6}"/>
    </g>
    ${[0, 1, 2]
      .map(
        (i) =>
          `<text x="${fs}" y="${top + imgH + fs * (4.5 + i * 1.6)}" font-size="${fs}" fill="${fg}" font-family="sans-serif">${pick()} ${pick()} ${Math.floor(r() * 9000 + 1000)} DA ${pick()}</text>`,
      )
      .join('')}
  </svg>`;
  const photoPart = await img.png().toBuffer();
  return sharp(Buffer.from(chrome))
    .composite([{ input: photoPart, left: margin, top }])
    .jpeg({ quality: o.quality ?? 70 })
    .toBuffer();
}
