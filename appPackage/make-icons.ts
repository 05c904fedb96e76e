/**
 * Draws the two Teams app icons with no image tools: a tiny rasteriser plus a PNG encoder on node's zlib.
 *
 *   npx tsx appPackage/make-icons.ts
 *
 * writes appPackage/color.png (192×192, full colour) and appPackage/outline.png (32×32, white on
 * transparent, as Teams requires). The motif is two overlapping speech bubbles; the front one holds
 * three bars of different heights, the "voices" of the chorus. The PNGs are committed, so this only
 * needs to run again when the design changes.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { blend, encodePng, hexToRgba, type Image, type Rgba } from '../src/demo/png';

// The encoder lives in src/demo/png.ts (the demo's pictures use it too); re-exported for the checks.
export { encodePng, hexToRgba, type Image, type Rgba } from '../src/demo/png';

/** The manifest's accentColor; the colour icon's background. Keep the two in step. */
export const ACCENT = '#C8452B';

// ---------------------------------------------------------------------------------------------
// Shapes, as signed distances in a unit "symbol" square (negative inside)
// ---------------------------------------------------------------------------------------------

type Sdf = (x: number, y: number) => number;

function roundedRect(x0: number, y0: number, x1: number, y1: number, r: number): Sdf {
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const hx = (x1 - x0) / 2 - r;
  const hy = (y1 - y0) / 2 - r;
  return (x, y) => {
    const qx = Math.abs(x - cx) - hx;
    const qy = Math.abs(y - cy) - hy;
    const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
    return outside + Math.min(Math.max(qx, qy), 0) - r;
  };
}

function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function triangle(a: [number, number], b: [number, number], c: [number, number]): Sdf {
  return (x, y) => {
    const d = Math.min(
      segmentDistance(x, y, a[0], a[1], b[0], b[1]),
      segmentDistance(x, y, b[0], b[1], c[0], c[1]),
      segmentDistance(x, y, c[0], c[1], a[0], a[1]),
    );
    const side = (p: [number, number], q: [number, number]) =>
      (q[0] - p[0]) * (y - p[1]) - (q[1] - p[1]) * (x - p[0]);
    const s1 = side(a, b);
    const s2 = side(b, c);
    const s3 = side(c, a);
    const inside = (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
    return inside ? -d : d;
  };
}

function capsule(cx: number, cy: number, halfHeight: number, radius: number): Sdf {
  return (x, y) => segmentDistance(x, y, cx, cy - halfHeight, cx, cy + halfHeight) - radius;
}

const union =
  (...shapes: Sdf[]): Sdf =>
  (x, y) =>
    Math.min(...shapes.map((s) => s(x, y)));

/** The back bubble (upper left, tail down-left) and the front bubble (lower right, tail down-right). */
const backBubble = union(
  roundedRect(0.0, 0.02, 0.64, 0.52, 0.13),
  triangle([0.1, 0.45], [0.3, 0.45], [0.04, 0.68]),
);
const frontBubble = union(
  roundedRect(0.3, 0.3, 1.0, 0.84, 0.14),
  triangle([0.68, 0.78], [0.9, 0.78], [0.97, 1.0]),
);
const bars = union(
  capsule(0.51, 0.57, 0.07, 0.042),
  capsule(0.65, 0.57, 0.13, 0.042),
  capsule(0.79, 0.57, 0.09, 0.042),
);

// ---------------------------------------------------------------------------------------------
// Rasterising
// ---------------------------------------------------------------------------------------------

/** A layer: where it is (a predicate on symbol coordinates) and what colour it paints. */
interface Layer {
  colour: Rgba;
  covers: (x: number, y: number) => boolean;
}

/**
 * Paints layers in order onto a canvas, 8×8 supersampled for smooth edges. The symbol square is
 * mapped onto [inset, size - inset] in pixels.
 */
function rasterise(size: number, background: Rgba | null, inset: number, layers: Layer[]): Image {
  const data = new Uint8Array(size * size * 4);
  const samples = 8;
  const span = size - 2 * inset;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const i = (py * size + px) * 4;
      if (background) blend(data, i, background, 1);
      for (const layer of layers) {
        let hits = 0;
        for (let sy = 0; sy < samples; sy++) {
          for (let sx = 0; sx < samples; sx++) {
            const x = (px + (sx + 0.5) / samples - inset) / span;
            const y = (py + (sy + 0.5) / samples - inset) / span;
            if (layer.covers(x, y)) hits++;
          }
        }
        blend(data, i, layer.colour, hits / (samples * samples));
      }
    }
  }
  return { width: size, height: size, data };
}

/** The 192×192 colour icon: white bubbles on the accent colour, the symbol inside the central 120 px. */
export function renderColorIcon(size = 192, accent = ACCENT): Image {
  const bg = hexToRgba(accent);
  const white = hexToRgba('#FFFFFF');
  const gap = 0.045;
  return rasterise(size, bg, size * 0.19, [
    { colour: hexToRgba('#FFFFFF', 120), covers: (x, y) => backBubble(x, y) <= 0 && frontBubble(x, y) > gap },
    { colour: white, covers: (x, y) => frontBubble(x, y) <= 0 && bars(x, y) > 0 },
  ]);
}

/**
 * The 32×32 outline icon. Teams wants white on a transparent background and nothing else, so every
 * pixel is pure white and only alpha varies: the back bubble is drawn as a stroke, the front one
 * filled with the bars cut out.
 */
export function renderOutlineIcon(size = 32): Image {
  const white = hexToRgba('#FFFFFF');
  const stroke = 0.085;
  const gap = 0.06;
  return rasterise(size, null, size * 0.02, [
    {
      colour: white,
      covers: (x, y) => {
        const d = backBubble(x, y);
        return d <= 0 && d > -stroke && frontBubble(x, y) > gap;
      },
    },
    { colour: white, covers: (x, y) => frontBubble(x, y) <= 0 && bars(x, y) > 0 },
  ]);
}

function main(): void {
  const dir = path.dirname(fileURLToPath(import.meta.url));
  const outputs: [string, Image][] = [
    ['color.png', renderColorIcon()],
    ['outline.png', renderOutlineIcon()],
  ];
  for (const [name, image] of outputs) {
    const file = path.join(dir, name);
    writeFileSync(file, encodePng(image));
    console.log(`wrote ${path.relative(process.cwd(), file)} (${image.width}×${image.height})`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
