import { describe, expect, it } from 'vitest';
import { GIF_16, JPEG_16, PNG_16, SVG, WEBP_VP8X_16, webpVp8, webpVp8l } from '../../tests/fixtures/images';
import { AppError } from './errors';
import { checkImage, MAX_IMAGE_BYTES, mediaPath, mediaTypeOf, sniffImage, tooLargeMessage } from './images';
import { render } from './messages';

function failure(fn: () => unknown): { code: string; message: string; fields: string[] } {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) {
      return { code: err.code, message: err.message, fields: err.problems.map((p) => p.field) };
    }
    throw err;
  }
  throw new Error('expected a failure');
}

describe('sniffImage', () => {
  it('reads the type and size of PNG, JPEG, GIF and every kind of WebP', () => {
    expect(sniffImage(PNG_16)).toEqual({ type: 'image/png', width: 16, height: 16 });
    expect(sniffImage(JPEG_16)).toEqual({ type: 'image/jpeg', width: 16, height: 16 });
    expect(sniffImage(GIF_16)).toEqual({ type: 'image/gif', width: 16, height: 16 });
    expect(sniffImage(WEBP_VP8X_16)).toEqual({ type: 'image/webp', width: 16, height: 16 });
    expect(sniffImage(webpVp8(1200, 627))).toEqual({ type: 'image/webp', width: 1200, height: 627 });
    expect(sniffImage(webpVp8l(1080, 1350))).toEqual({ type: 'image/webp', width: 1080, height: 1350 });
  });

  it('reads large PNG sizes as unsigned numbers', () => {
    const png = Buffer.from(PNG_16);
    png.writeUInt32BE(0x80000001, 16);
    expect(sniffImage(png)?.width).toBe(0x80000001);
  });

  it('finds nothing in SVG, text, truncated or zero-sized images', () => {
    expect(sniffImage(SVG)).toBeNull();
    expect(sniffImage(Buffer.from('hello'))).toBeNull();
    expect(sniffImage(PNG_16.subarray(0, 20))).toBeNull();
    expect(sniffImage(JPEG_16.subarray(0, 12))).toBeNull();
    expect(sniffImage(GIF_16.subarray(0, 8))).toBeNull();
    const zero = Buffer.from(GIF_16);
    zero.writeUInt16LE(0, 6);
    expect(sniffImage(zero)).toBeNull();
    expect(sniffImage(new Uint8Array(0))).toBeNull();
  });
});

describe('checkImage', () => {
  it('accepts each supported type when the bytes match, ignoring Content-Type parameters and case', () => {
    expect(checkImage('image/png', PNG_16)).toEqual({ type: 'image/png', width: 16, height: 16 });
    expect(checkImage('Image/JPEG; charset=binary', JPEG_16).type).toBe('image/jpeg');
    expect(checkImage('image/gif', GIF_16).type).toBe('image/gif');
    expect(checkImage('image/webp', WEBP_VP8X_16).type).toBe('image/webp');
  });

  it('refuses SVG by its declared type and by its bytes, saying why', () => {
    const declared = failure(() => checkImage('image/svg+xml', SVG));
    expect(declared.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(declared.message).toMatch(/SVG images are not accepted/);
    const disguised = failure(() => checkImage('image/png', SVG));
    expect(disguised.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(disguised.message).toMatch(/SVG/);
  });

  it('refuses other types with the accepted list', () => {
    for (const type of ['image/bmp', 'application/pdf', undefined]) {
      const f = failure(() => checkImage(type, PNG_16));
      expect(f.code, String(type)).toBe('UNSUPPORTED_MEDIA_TYPE');
      expect(f.message).toMatch(/PNG, JPEG, WebP or GIF/);
    }
  });

  it('refuses bytes that do not match the declared type, naming both', () => {
    const f = failure(() => checkImage('image/png', JPEG_16));
    expect(f).toEqual({
      code: 'VALIDATION_FAILED',
      message: 'the file is a JPEG image but was sent as image/png; send it as image/jpeg',
      fields: ['image'],
    });
    expect(failure(() => checkImage('image/gif', Buffer.from('GIF? no'))).message).toMatch(/not a GIF image/);
    expect(failure(() => checkImage('image/png', Buffer.alloc(0))).message).toBe('the image is empty');
  });

  it('refuses more than 5 MB with the size and the limit', () => {
    const big = Buffer.alloc(MAX_IMAGE_BYTES + 1);
    PNG_16.copy(big);
    const f = failure(() => checkImage('image/png', big));
    expect(f.code).toBe('PAYLOAD_TOO_LARGE');
    expect(f.message).toBe(
      'the image is over the 5 MB limit (5,242,881 bytes; at most 5,242,880); upload a smaller one',
    );
    const exact = Buffer.alloc(MAX_IMAGE_BYTES);
    PNG_16.copy(exact);
    expect(checkImage('image/png', exact).type).toBe('image/png');
    expect(render(tooLargeMessage(null), 'en')).toBe(
      'the image is over the 5 MB limit; upload a smaller one',
    );
    expect(render(tooLargeMessage(MAX_IMAGE_BYTES + 1), 'da')).toBe(
      'billedet er større end grænsen på 5 MB (5.242.881 byte; højst 5.242.880); upload et mindre billede',
    );
  });
});

describe('media helpers', () => {
  it('parses a Content-Type and builds the media path', () => {
    expect(mediaTypeOf(' IMAGE/PNG ; q=1')).toBe('image/png');
    expect(mediaTypeOf(undefined)).toBe('');
    expect(mediaPath('abc')).toBe('/media/abc');
  });
});
