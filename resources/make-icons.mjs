#!/usr/bin/env node
// Draws Souqbot's icons (no image tools or internet needed): a green rounded square holding a
// white chat bubble with a shopping bag in it. Run `node resources/make-icons.mjs` after editing.
//   icon.png            512×512  app icon (electron-builder derives .ico/.icns from it)
//   tray.png, tray@2x.png          16/32 px, coloured (Windows, Linux)
//   trayTemplate.png, @2x          16/32 px, black + alpha (macOS template image, follows the menu bar colour)
//   tray-disconnected / tray-paused / tray-restarting (.png, @2x): the tray's other states, by background colour
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const here = path.dirname(fileURLToPath(import.meta.url));

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

/** RGBA pixels (size×size×4) → PNG bytes. */
function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Shapes as signed distances in a 0..1 unit square (negative inside).
const roundedBox = (x, y, cx, cy, hw, hh, r) => {
  const qx = Math.abs(x - cx) - hw + r;
  const qy = Math.abs(y - cy) - hh + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
};
const circle = (x, y, cx, cy, r) => Math.hypot(x - cx, y - cy) - r;
const ring = (x, y, cx, cy, r, w) => Math.abs(circle(x, y, cx, cy, r)) - w;
const union = (a, b) => Math.min(a, b);
const subtract = (a, b) => Math.max(a, -b);
/** `cutBag`: the bag is a hole in the bubble (template images, where only alpha counts). */
function drawIcon(size, { background, bubble, bag, cutBag = false }) {
  const rgba = Buffer.alloc(size * size * 4);
  const aa = 1.2 / size; // anti-aliasing width, one pixel
  const cover = (d) => Math.min(1, Math.max(0, 0.5 - d / aa));
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const x = (px + 0.5) / size;
      const y = (py + 0.5) / size;
      const bg = roundedBox(x, y, 0.5, 0.5, 0.47, 0.47, 0.2);
      const bubbleShape = union(
        circle(x, y, 0.52, 0.47, 0.3),
        subtract(roundedBox(x, y, 0.3, 0.72, 0.1, 0.1, 0.01), circle(x, y, 0.14, 0.62, 0.16)),
      );
      const bagBody = roundedBox(x, y, 0.52, 0.56, 0.17, 0.1, 0.025);
      const bagHandle = subtract(ring(x, y, 0.52, 0.44, 0.075, 0.014), roundedBox(x, y, 0.52, 0.54, 0.2, 0.1, 0));
      const bagShape = union(bagBody, bagHandle);
      const bubbleCover = cutBag ? Math.min(cover(bubbleShape), 1 - cover(bagShape)) : cover(bubbleShape);
      let color = [0, 0, 0, 0];
      const layers = [
        [background, cover(bg)],
        [bubble, bubbleCover],
        [bag, cutBag ? 0 : cover(bagShape)],
      ];
      for (const [rgbaLayer, c] of layers) {
        if (!rgbaLayer || c <= 0) continue;
        const a = (rgbaLayer[3] / 255) * c;
        const outA = a + (color[3] / 255) * (1 - a);
        if (outA <= 0) continue;
        color = [
          (rgbaLayer[0] * a + color[0] * (color[3] / 255) * (1 - a)) / outA,
          (rgbaLayer[1] * a + color[1] * (color[3] / 255) * (1 - a)) / outA,
          (rgbaLayer[2] * a + color[2] * (color[3] / 255) * (1 - a)) / outA,
          outA * 255,
        ];
      }
      rgba.set(
        color.map((v) => Math.round(v)),
        (py * size + px) * 4,
      );
    }
  }
  return encodePng(size, rgba);
}

const GREEN = [14, 159, 110, 255];
const WHITE = [255, 255, 255, 255];
const BLACK = [0, 0, 0, 255];
const ORANGE = [230, 126, 34, 255];
const GREY = [127, 140, 141, 255];
const SLATE = [52, 73, 94, 255];

const outputs = {
  'icon.png': drawIcon(512, { background: GREEN, bubble: WHITE, bag: GREEN }),
  'tray.png': drawIcon(16, { background: GREEN, bubble: WHITE, bag: GREEN }),
  'tray@2x.png': drawIcon(32, { background: GREEN, bubble: WHITE, bag: GREEN }),
  // Template images: only alpha matters; the bag is cut out of the bubble.
  'trayTemplate.png': drawIcon(16, { background: null, bubble: BLACK, bag: null, cutBag: true }),
  'trayTemplate@2x.png': drawIcon(32, { background: null, bubble: BLACK, bag: null, cutBag: true }),
};
for (const [state, colour] of [
  ['disconnected', ORANGE],
  ['paused', GREY],
  ['restarting', SLATE],
]) {
  outputs[`tray-${state}.png`] = drawIcon(16, { background: colour, bubble: WHITE, bag: colour });
  outputs[`tray-${state}@2x.png`] = drawIcon(32, { background: colour, bubble: WHITE, bag: colour });
}
for (const [name, png] of Object.entries(outputs)) fs.writeFileSync(path.join(here, name), png);
process.stdout.write(`wrote ${Object.keys(outputs).join(', ')} in ${here}\n`);
