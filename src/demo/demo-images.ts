/**
 * Pictures for the demo library, drawn in code so the demo needs no downloads and no image files:
 * a night-sky gradient in the topic's colours, northern-lights ribbons ("Nordlys"), a few stars, and
 * a white motif for the topic (a speech bubble, a bolt, a bulb, two colleagues, a calendar, a wind
 * turbine). Each item gets its own variation from a seed, so the library does not look cloned.
 */
import { encodePng, hexToRgba, type Image, type Rgba } from './png';
import { mulberry32 } from '../domain/seeded-random';

/** The size LinkedIn and Teams cards like for link images (1.91:1). */
export const DEMO_IMAGE_WIDTH = 600;
export const DEMO_IMAGE_HEIGHT = 314;

export type DemoMotif = 'bubbles' | 'bolt' | 'bulb' | 'people' | 'calendar' | 'turbine';

interface Palette {
  /** Gradient from → to. */
  from: string;
  to: string;
  /** The aurora ribbons. */
  glow: string[];
  motif: DemoMotif;
}

/** Colours and motif per built-in topic; other topics fall back to the news palette. */
const PALETTES: Record<string, Palette> = {
  'internal-news': { from: '#0B1D3A', to: '#13607A', glow: ['#5EE6C8', '#8FD3FF'], motif: 'bubbles' },
  product: { from: '#101A40', to: '#2F3C8F', glow: ['#FFC94D', '#7BE0FF'], motif: 'bolt' },
  'thought-leadership': {
    from: '#1B0F3B',
    to: '#5B2A86',
    glow: ['#C89BFF', '#63F2D2'],
    motif: 'bulb',
  },
  jobs: { from: '#4A1410', to: '#C8452B', glow: ['#FFB38A', '#FFE08A'], motif: 'people' },
  events: { from: '#2A0C3A', to: '#B8336A', glow: ['#FF9F6B', '#FFD1E8'], motif: 'calendar' },
  sustainability: { from: '#062A22', to: '#17735A', glow: ['#9BF27A', '#5EE6C8'], motif: 'turbine' },
};

// ---- A small seeded random source, so the same seed always draws the same picture ----------------

function hashSeed(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

const random = (seed: string): (() => number) => mulberry32(hashSeed(seed));

// ---- Shapes as signed distances in pixels (negative inside) ------------------------------------

type Sdf = (x: number, y: number) => number;

// Math.hypot is slow in V8, and these run for every pixel of the motif.
const len = (x: number, y: number) => Math.sqrt(x * x + y * y);

const circle =
  (cx: number, cy: number, r: number): Sdf =>
  (x, y) =>
    len(x - cx, y - cy) - r;

function roundedRect(cx: number, cy: number, w: number, h: number, r: number): Sdf {
  const hx = w / 2 - r;
  const hy = h / 2 - r;
  return (x, y) => {
    const qx = Math.abs(x - cx) - hx;
    const qy = Math.abs(y - cy) - hy;
    return len(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
  };
}

function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return len(px - (ax + t * dx), py - (ay + t * dy));
}

/** A stroke from a to b with round ends. */
const capsule =
  (ax: number, ay: number, bx: number, by: number, r: number): Sdf =>
  (x, y) =>
    segmentDistance(x, y, ax, ay, bx, by) - r;

/** Any simple polygon (points in order). */
function polygon(points: [number, number][]): Sdf {
  return (x, y) => {
    let d = Infinity;
    let inside = false;
    for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
      const a = points[i]!;
      const b = points[j]!;
      const ax = a[0];
      const ay = a[1];
      const bx = b[0];
      const by = b[1];
      d = Math.min(d, segmentDistance(x, y, ax, ay, bx, by));
      if (ay > y !== by > y && x < ((bx - ax) * (y - ay)) / (by - ay) + ax) inside = !inside;
    }
    return inside ? -d : d;
  };
}

const union =
  (...shapes: Sdf[]): Sdf =>
  (x, y) => {
    let d = Infinity;
    for (const s of shapes) d = Math.min(d, s(x, y));
    return d;
  };
const subtract =
  (shape: Sdf, hole: Sdf): Sdf =>
  (x, y) =>
    Math.max(shape(x, y), -hole(x, y));
const ring = (shape: Sdf, width: number): Sdf => subtract(shape, (x, y) => shape(x, y) + width);

/** The topic's motif, centred on (cx, cy), about 2·s pixels across. */
function motifShape(motif: DemoMotif, cx: number, cy: number, s: number, turn: number): Sdf {
  switch (motif) {
    case 'bubbles': {
      const back = union(
        roundedRect(cx - 0.28 * s, cy - 0.3 * s, 1.2 * s, 0.85 * s, 0.22 * s),
        polygon([
          [cx - 0.7 * s, cy + 0.02 * s],
          [cx - 0.42 * s, cy + 0.05 * s],
          [cx - 0.78 * s, cy + 0.42 * s],
        ]),
      );
      const front = union(
        roundedRect(cx + 0.3 * s, cy + 0.28 * s, 1.25 * s, 0.9 * s, 0.24 * s),
        polygon([
          [cx + 0.6 * s, cy + 0.62 * s],
          [cx + 0.88 * s, cy + 0.62 * s],
          [cx + 0.98 * s, cy + 0.98 * s],
        ]),
      );
      const dots = union(
        circle(cx + 0.02 * s, cy + 0.28 * s, 0.09 * s),
        circle(cx + 0.3 * s, cy + 0.28 * s, 0.09 * s),
        circle(cx + 0.58 * s, cy + 0.28 * s, 0.09 * s),
      );
      return union(
        subtract(ring(back, 0.11 * s), (x, y) => front(x, y) - 0.07 * s),
        subtract(front, dots),
      );
    }
    case 'bolt':
      return polygon([
        [cx + 0.18 * s, cy - 1.0 * s],
        [cx - 0.55 * s, cy + 0.12 * s],
        [cx - 0.02 * s, cy + 0.12 * s],
        [cx - 0.22 * s, cy + 1.0 * s],
        [cx + 0.58 * s, cy - 0.2 * s],
        [cx + 0.05 * s, cy - 0.2 * s],
      ]);
    case 'bulb': {
      const glass = union(
        circle(cx, cy - 0.22 * s, 0.55 * s),
        polygon([
          [cx - 0.42 * s, cy + 0.05 * s],
          [cx + 0.42 * s, cy + 0.05 * s],
          [cx + 0.24 * s, cy + 0.45 * s],
          [cx - 0.24 * s, cy + 0.45 * s],
        ]),
      );
      const filament = capsule(cx - 0.14 * s, cy - 0.12 * s, cx + 0.14 * s, cy - 0.12 * s, 0.06 * s);
      const base = union(
        roundedRect(cx, cy + 0.58 * s, 0.5 * s, 0.13 * s, 0.06 * s),
        roundedRect(cx, cy + 0.77 * s, 0.42 * s, 0.13 * s, 0.06 * s),
      );
      const rays = [-70, -35, 0, 35, 70].map((deg) => {
        const a = ((deg - 90) * Math.PI) / 180;
        const [x0, y0] = [cx + Math.cos(a) * 0.75 * s, cy - 0.22 * s + Math.sin(a) * 0.75 * s];
        const [x1, y1] = [cx + Math.cos(a) * 0.98 * s, cy - 0.22 * s + Math.sin(a) * 0.98 * s];
        return capsule(x0, y0, x1, y1, 0.05 * s);
      });
      return union(subtract(glass, filament), base, ...rays);
    }
    case 'people': {
      const person = (px: number, scale: number) =>
        union(
          circle(px, cy - 0.42 * s * scale, 0.3 * s * scale),
          subtract(
            roundedRect(px, cy + 0.45 * s * scale, 1.0 * s * scale, 0.95 * s * scale, 0.45 * s * scale),
            (_x, y) => cy + 0.62 * s * scale - y,
          ),
        );
      const front = person(cx + 0.32 * s, 1);
      const back = person(cx - 0.42 * s, 0.82);
      return union(
        subtract(back, (x, y) => front(x, y) - 0.08 * s),
        front,
      );
    }
    case 'calendar': {
      const body = roundedRect(cx, cy + 0.08 * s, 1.7 * s, 1.5 * s, 0.18 * s);
      const header = (x: number, y: number) => Math.max(body(x, y), y - (cy - 0.3 * s));
      const cells: Sdf[] = [];
      for (let row = 0; row < 3; row++) {
        for (let col = 0; col < 4; col++) {
          if (row === 2 && col === 3) continue;
          cells.push(
            roundedRect(
              cx + (col - 1.5) * 0.36 * s,
              cy + (row * 0.3 - 0.02) * s,
              0.22 * s,
              0.18 * s,
              0.04 * s,
            ),
          );
        }
      }
      const star = circle(cx + 1.5 * 0.36 * s, cy + 0.58 * s, 0.13 * s);
      const hooks = union(
        capsule(cx - 0.45 * s, cy - 0.82 * s, cx - 0.45 * s, cy - 0.5 * s, 0.08 * s),
        capsule(cx + 0.45 * s, cy - 0.82 * s, cx + 0.45 * s, cy - 0.5 * s, 0.08 * s),
      );
      return union(ring(body, 0.1 * s), header, ...cells, star, hooks);
    }
    case 'turbine': {
      const hubX = cx;
      const hubY = cy - 0.35 * s;
      const mast = polygon([
        [hubX - 0.05 * s, hubY],
        [hubX + 0.05 * s, hubY],
        [hubX + 0.11 * s, cy + 1.05 * s],
        [hubX - 0.11 * s, cy + 1.05 * s],
      ]);
      const blades = [0, 120, 240].map((deg) => {
        const a = ((deg + turn) * Math.PI) / 180;
        const tipX = hubX + Math.cos(a) * 0.95 * s;
        const tipY = hubY + Math.sin(a) * 0.95 * s;
        const side = a + Math.PI / 2;
        return polygon([
          [hubX + Math.cos(side) * 0.09 * s, hubY + Math.sin(side) * 0.09 * s],
          [tipX, tipY],
          [hubX - Math.cos(side) * 0.05 * s, hubY - Math.sin(side) * 0.05 * s],
        ]);
      });
      return union(mast, circle(hubX, hubY, 0.12 * s), ...blades);
    }
  }
}

// How an aurora ribbon glows at a distance d (in ribbon widths) from its curve: brighter above it,
// trailing off below, as the curtains look. Tabulated: it is looked up for most pixels, three times.
const GLOW_FROM = -1.7;
const GLOW_TO = 6;
const GLOW_STEPS = 1024;
const GLOW = Float32Array.from({ length: GLOW_STEPS + 1 }, (_, n) => {
  const d = GLOW_FROM + ((GLOW_TO - GLOW_FROM) * n) / GLOW_STEPS;
  return d < 0 ? Math.exp(-d * d * 2.2) : Math.exp(-d * 0.9) * 0.9;
});
const glowAt = (d: number) =>
  d < GLOW_FROM || d > GLOW_TO
    ? 0
    : GLOW[Math.round(((d - GLOW_FROM) / (GLOW_TO - GLOW_FROM)) * GLOW_STEPS)]!;
const clamp01 = (v: number) => Math.min(1, Math.max(0, v));

/** Draws one demo picture for a topic. `seed` varies the sky, the ribbons and the motif's place. */
export function renderDemoImage(
  topic: string,
  seed: string,
  width = DEMO_IMAGE_WIDTH,
  height = DEMO_IMAGE_HEIGHT,
): Image {
  const palette = PALETTES[topic] ?? PALETTES['internal-news']!;
  const rnd = random(`${topic}:${seed}`);
  const data = new Uint8Array(width * height * 4);
  // The same bytes, rounding and clamping on write: the sky is opaque, so every layer is a plain mix.
  const px = new Uint8ClampedArray(data.buffer);
  const from = hexToRgba(palette.from);
  const to = hexToRgba(palette.to);

  // The sky: a diagonal gradient at a seeded angle.
  const angle = (-0.35 + rnd() * 0.7) * Math.PI;
  const gx = Math.cos(angle);
  const gy = Math.sin(angle);
  const span = Math.abs(gx) * width + Math.abs(gy) * height;
  // Aurora ribbons: sine curves across the picture, glowing softly on both sides.
  const ribbons = palette.glow.concat(palette.glow[0]!).map((hex, i) => ({
    colour: hexToRgba(hex),
    base: height * (0.25 + 0.2 * i + rnd() * 0.12),
    amp: height * (0.06 + rnd() * 0.08),
    freq: (Math.PI * 2 * (0.6 + rnd() * 0.9)) / width,
    phase: rnd() * Math.PI * 2,
    width: height * (0.05 + rnd() * 0.05),
    strength: 0.35 + rnd() * 0.25 - i * 0.08,
  }));

  // The sky, in floats: the gradient, then each ribbon over the rows its glow reaches in each column.
  const size = width * height;
  const red = new Float32Array(size);
  const green = new Float32Array(size);
  const blue = new Float32Array(size);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const t = clamp01(((x - width / 2) * gx + (y - height / 2) * gy) / span + 0.5);
      const i = y * width + x;
      red[i] = from.r + (to.r - from.r) * t;
      green[i] = from.g + (to.g - from.g) * t;
      blue[i] = from.b + (to.b - from.b) * t;
    }
  }
  for (const r of ribbons) {
    for (let x = 0; x < width; x++) {
      const centre = r.base + r.amp * Math.sin(x * r.freq + r.phase);
      const y0 = Math.max(0, Math.ceil(centre + GLOW_FROM * r.width));
      const y1 = Math.min(height - 1, Math.floor(centre + GLOW_TO * r.width));
      for (let y = y0; y <= y1; y++) {
        const a = glowAt((y - centre) / r.width) * r.strength;
        const i = y * width + x;
        red[i] = red[i]! + (r.colour.r - red[i]!) * a;
        green[i] = green[i]! + (r.colour.g - green[i]!) * a;
        blue[i] = blue[i]! + (r.colour.b - blue[i]!) * a;
      }
    }
  }
  for (let i = 0, o = 0; i < size; i++, o += 4) {
    px[o] = red[i]!;
    px[o + 1] = green[i]!;
    px[o + 2] = blue[i]!;
    px[o + 3] = 255;
  }

  // Stars in the upper sky.
  const white = hexToRgba('#FFFFFF');
  const stars = 24 + Math.floor(rnd() * 20);
  for (let n = 0; n < stars; n++) {
    const sx = rnd() * width;
    const sy = rnd() * height * 0.55;
    const radius = 0.6 + rnd() * 1.2;
    fill(
      px,
      width,
      height,
      circle(sx, sy, radius),
      { ...white, a: 120 + Math.floor(rnd() * 120) },
      {
        x0: sx - 4,
        y0: sy - 4,
        x1: sx + 4,
        y1: sy + 4,
      },
    );
  }

  // The motif on a soft disc, to the left or right third.
  const s = height * (0.26 + rnd() * 0.05);
  const onRight = rnd() < 0.7;
  const cx = onRight ? width * (0.72 + rnd() * 0.08) : width * (0.2 + rnd() * 0.08);
  const cy = height * (0.5 + (rnd() - 0.5) * 0.12);
  const discR = s * 1.45;
  const disc = circle(cx, cy, discR);
  const around = { x0: cx - discR - 2, y0: cy - discR - 2, x1: cx + discR + 2, y1: cy + discR + 2 };
  fill(px, width, height, disc, { ...white, a: 34 }, around);
  fill(px, width, height, ring(disc, 2), { ...white, a: 70 }, around);
  fill(px, width, height, motifShape(palette.motif, cx, cy, s, rnd() * 120), { ...white, a: 240 }, around);
  return { width, height, data };
}

const BLOCK = 4;
// From a block's centre to its farthest pixel centre, plus half a pixel of anti-aliasing.
const BLOCK_REACH = Math.SQRT2 * ((BLOCK - 1) / 2) + 0.5;

/**
 * Fills a shape with anti-aliased edges onto the opaque picture (so blending is a plain mix). Every shape here is a distance bound that changes by at most
 * one per pixel moved, so a 4×4 block whose centre is farther from the edge than the block's reach is
 * wholly inside or outside: only blocks on the edge are evaluated pixel by pixel.
 */
function fill(
  data: Uint8ClampedArray,
  width: number,
  height: number,
  shape: Sdf,
  colour: Rgba,
  box: { x0: number; y0: number; x1: number; y1: number } = { x0: 0, y0: 0, x1: width, y1: height },
) {
  const alpha = colour.a / 255;
  const snap = (v: number) => Math.max(0, Math.floor(v / BLOCK) * BLOCK);
  for (let by = snap(box.y0); by < Math.min(height, box.y1); by += BLOCK) {
    for (let bx = snap(box.x0); bx < Math.min(width, box.x1); bx += BLOCK) {
      const centre = shape(bx + BLOCK / 2, by + BLOCK / 2);
      if (centre > BLOCK_REACH) continue;
      const solid = centre < -BLOCK_REACH;
      for (let y = by; y < Math.min(height, by + BLOCK); y++) {
        for (let x = bx; x < Math.min(width, bx + BLOCK); x++) {
          const a = (solid ? 1 : clamp01(0.5 - shape(x + 0.5, y + 0.5))) * alpha;
          if (a > 0) {
            const i = (y * width + x) * 4;
            data[i] = data[i]! + (colour.r - data[i]!) * a;
            data[i + 1] = data[i + 1]! + (colour.g - data[i + 1]!) * a;
            data[i + 2] = data[i + 2]! + (colour.b - data[i + 2]!) * a;
          }
        }
      }
    }
  }
}

/** The topic's picture as PNG bytes. */
export function demoImagePng(topic: string, seed: string): Buffer {
  return encodePng(renderDemoImage(topic, seed), { level: 6 });
}
