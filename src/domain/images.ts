import { AppError } from './errors';
import { msg, type Message } from './messages';

/** The image types Chorus accepts. No SVG: it can carry scripts and is not a photo format. */
export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const;
export type ImageType = (typeof IMAGE_TYPES)[number];

/** The largest image Chorus stores: plenty for a social post, small enough to keep in the database. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

const TYPE_NAMES: Record<ImageType, string> = {
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/webp': 'WebP',
  'image/gif': 'GIF',
};

/** What the bytes of an image say about it. */
export interface SniffedImage {
  type: ImageType;
  width: number;
  height: number;
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) =>
  bytes.length >= at + prefix.length && prefix.every((b, i) => bytes[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
const u16be = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!;
const u16le = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u24le = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16);
const u32be = (b: Uint8Array, at: number) => ((b[at]! << 24) >>> 0) + ((b[at + 1]! << 16) | u16be(b, at + 2));

function sniffPng(b: Uint8Array): SniffedImage | null {
  if (!startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return null;
  // The first chunk must be IHDR: width and height as big-endian 32-bit numbers.
  if (b.length < 24 || !startsWith(b, ascii('IHDR'), 12)) return null;
  return { type: 'image/png', width: u32be(b, 16), height: u32be(b, 20) };
}

function sniffGif(b: Uint8Array): SniffedImage | null {
  if (!startsWith(b, ascii('GIF87a')) && !startsWith(b, ascii('GIF89a'))) return null;
  if (b.length < 10) return null;
  return { type: 'image/gif', width: u16le(b, 6), height: u16le(b, 8) };
}

function sniffWebp(b: Uint8Array): SniffedImage | null {
  if (!startsWith(b, ascii('RIFF')) || !startsWith(b, ascii('WEBP'), 8) || b.length < 30) return null;
  if (startsWith(b, ascii('VP8 '), 12)) {
    // Lossy: a key frame's start code, then 14-bit width and height.
    if (!startsWith(b, [0x9d, 0x01, 0x2a], 23)) return null;
    return { type: 'image/webp', width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
  }
  if (startsWith(b, ascii('VP8L'), 12)) {
    // Lossless: a signature byte, then width-1 and height-1 in 14 bits each.
    if (b[20] !== 0x2f) return null;
    const bits = b[21]! | (b[22]! << 8) | (b[23]! << 16) | (b[24]! << 24);
    return { type: 'image/webp', width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (startsWith(b, ascii('VP8X'), 12)) {
    // Extended: the canvas size, each minus one, in 24 bits.
    return { type: 'image/webp', width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
  }
  return null;
}

function sniffJpeg(b: Uint8Array): SniffedImage | null {
  if (!startsWith(b, [0xff, 0xd8, 0xff])) return null;
  // Walk the segments to the first start-of-frame marker, which holds the size.
  let at = 2;
  while (at + 9 < b.length) {
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2; // markers without a length
      continue;
    }
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) return { type: 'image/jpeg', height: u16be(b, at + 5), width: u16be(b, at + 7) };
    if (marker === 0xd9 || marker === 0xda) return null; // end of image or scan data before any frame
    at += 2 + u16be(b, at + 2);
  }
  return null;
}

/** The type and size of a PNG, JPEG, GIF or WebP image read from its bytes, or null for anything else. */
export function sniffImage(bytes: Uint8Array): SniffedImage | null {
  const found = sniffPng(bytes) ?? sniffJpeg(bytes) ?? sniffGif(bytes) ?? sniffWebp(bytes);
  if (!found || found.width < 1 || found.height < 1) return null;
  return found;
}

/** True when the bytes look like SVG or other XML (which must never be served as an image upload). */
function looksLikeSvg(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('utf8').trimStart().toLowerCase();
  return head.startsWith('<?xml') || head.startsWith('<svg') || head.includes('<svg');
}

/** The media type from a Content-Type header, without parameters, in lower case. */
export function mediaTypeOf(header: string | undefined): string {
  return (header ?? '').split(';')[0]!.trim().toLowerCase();
}

function isImageType(type: string): type is ImageType {
  return (IMAGE_TYPES as readonly string[]).includes(type);
}

/** The message for an image over the limit (`size` in bytes, when known). */
export function tooLargeMessage(size: number | null): Message {
  return msg('imageTooLarge', { size, limit: MAX_IMAGE_BYTES });
}

/**
 * Checks an upload: a supported declared type (415 otherwise, SVG named), at most 5 MB (413), and bytes
 * that really are an image of the declared type (400). Returns the type and the pixel size.
 */
export function checkImage(declaredType: string | undefined, bytes: Uint8Array): SniffedImage {
  const declared = mediaTypeOf(declaredType);
  if (declared === 'image/svg+xml') throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'svgRefused');
  if (!isImageType(declared)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', msg('imageTypeRefused', { type: declared }));
  }
  if (bytes.length > MAX_IMAGE_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', tooLargeMessage(bytes.length));
  const problem = (message: Message) =>
    new AppError('VALIDATION_FAILED', message, { problems: [{ field: 'image', message }] });
  if (bytes.length === 0) throw problem(msg('imageEmpty'));
  const sniffed = sniffImage(bytes);
  if (!sniffed) {
    if (looksLikeSvg(bytes)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'svgRefused');
    throw problem(msg('imageNotOfType', { typeName: TYPE_NAMES[declared] }));
  }
  if (sniffed.type !== declared) {
    throw problem(
      msg('imageTypeMismatch', { typeName: TYPE_NAMES[sniffed.type], declared, actual: sniffed.type }),
    );
  }
  return sniffed;
}

/** Where an uploaded image is served (public, by its unguessable id). */
export function mediaPath(imageId: string): string {
  return `/media/${imageId}`;
}
