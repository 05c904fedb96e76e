/**
 * The one PNG encoder in Chorus, on node's zlib: the Teams app icons (appPackage/make-icons.ts) and the
 * demo library's pictures (src/demo/demo-images.ts) are drawn with it, so neither needs image tools.
 */
import { deflateSync } from 'node:zlib';

export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

/** An RGBA image, 8 bits a channel, rows top to bottom. */
export interface Image {
  width: number;
  height: number;
  data: Uint8Array;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, body: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])), 0);
  return Buffer.concat([head, body, crc]);
}

/** Encodes an RGBA image as a PNG (colour type 6, no filtering, zlib level 9 unless told). */
export function encodePng(image: Image, options: { level?: number } = {}): Buffer {
  const { width, height, data } = image;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // adaptive filtering (each row says its filter)
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter: none
    Buffer.from(data.buffer, data.byteOffset + y * stride, stride).copy(raw, y * (stride + 1) + 1);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: options.level ?? 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

/** '#rrggbb' as a colour. */
export function hexToRgba(hex: string, alpha = 255): Rgba {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  return { r: parseInt(m[1]!, 16), g: parseInt(m[2]!, 16), b: parseInt(m[3]!, 16), a: alpha };
}

/** Source-over compositing of a colour with the given coverage (0..1) onto the pixel at byte `i`. */
export function blend(data: Uint8Array, i: number, colour: Rgba, coverage: number): void {
  const sa = (colour.a / 255) * coverage;
  if (sa <= 0) return;
  const da = data[i + 3]! / 255;
  const oa = sa + da * (1 - sa);
  const mix = (s: number, d: number) => (oa === 0 ? 0 : (s * sa + d * da * (1 - sa)) / oa);
  data[i] = Math.round(mix(colour.r, data[i]!));
  data[i + 1] = Math.round(mix(colour.g, data[i + 1]!));
  data[i + 2] = Math.round(mix(colour.b, data[i + 2]!));
  data[i + 3] = Math.round(oa * 255);
}
