import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContentDetail, ImageUploaded, LibraryItem } from '../../src/contracts';
import { MAX_IMAGE_BYTES } from '../../src/domain/images';
import { GIF_16, JPEG_16, PNG_16, SVG, WEBP_VP8X_16 } from '../fixtures/images';
import {
  createItem,
  json,
  publish,
  snapshot,
  startContentApp,
  type ContentApp,
  type ErrorBody,
} from './support';

describe('image uploads', () => {
  let c: ContentApp;
  beforeAll(async () => {
    c = await startContentApp();
  });
  afterAll(() => c.close());

  const upload = (
    bytes: Uint8Array,
    type: string | null,
    who: 'writer' | 'employee' | 'approver' = 'writer',
  ) =>
    c.app.api('/api/images', {
      method: 'POST',
      token: c.tokens[who],
      headers: type ? { 'content-type': type } : {},
      body: bytes,
    });

  it('stores PNG, JPEG, WebP and GIF images and serves them publicly, cached and never sniffed', async () => {
    for (const [bytes, type] of [
      [PNG_16, 'image/png'],
      [JPEG_16, 'image/jpeg'],
      [WEBP_VP8X_16, 'image/webp'],
      [GIF_16, 'image/gif'],
    ] as const) {
      const res = await upload(bytes, type);
      expect(res.status, type).toBe(201);
      const image = await json<ImageUploaded>(res);
      expect(image).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/) as string,
        url: `/media/${image.id}`,
        contentType: type,
        size: bytes.length,
        width: 16,
        height: 16,
      });
      const media = await fetch(`${c.app.url}${image.url}`);
      expect(media.status).toBe(200);
      expect(media.headers.get('content-type')).toBe(type);
      expect(media.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(media.headers.get('x-content-type-options')).toBe('nosniff');
      expect(Buffer.from(await media.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
    }
  });

  it('answers an unknown image id with a 404 in JSON', async () => {
    const res = await fetch(`${c.app.url}/media/00000000-0000-4000-8000-000000000000`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect((await json<ErrorBody>(res)).error).toMatchObject({
      code: 'NOT_FOUND',
      message: 'there is no image with this id',
    });
  });

  it('lets an item use an uploaded image, shown from /media in the admin and the library', async () => {
    const image = await json<ImageUploaded>(await upload(PNG_16, 'image/png'));
    const item = await publish(c, { imageId: image.id });
    expect(item.imageId).toBe(image.id);
    expect(item.displayImageUrl).toBe(`/media/${image.id}`);
    const entry = await json<LibraryItem>(await c.as('employee', `/api/library/${item.id}`));
    expect(entry.imageUrl).toBe(`/media/${image.id}`);
    const external = await createItem(c, { imageUrl: 'https://cdn.nordlys.example/park.jpg' });
    expect(
      (await json<ContentDetail>(await c.as('writer', `/api/content/${external.id}`))).displayImageUrl,
    ).toBe('https://cdn.nordlys.example/park.jpg');
  });

  it('lets only comms upload', async () => {
    const before = await snapshot(c);
    for (const who of ['employee', 'approver'] as const) {
      const res = await upload(PNG_16, 'image/png', who);
      expect(res.status, who).toBe(403);
    }
    expect((await snapshot(c)).rows.images).toBe(before.rows.images);
  });
});

describe('bad image uploads change nothing', () => {
  let c: ContentApp;
  beforeAll(async () => {
    c = await startContentApp();
  });
  afterAll(() => c.close());

  const upload = (body: RequestInit['body'], type: string | null, extra: RequestInit = {}) =>
    c.app.api('/api/images', {
      method: 'POST',
      token: c.tokens.writer,
      headers: type ? { 'content-type': type } : {},
      body,
      ...extra,
    });

  /** Expects the status and message, and that no image was stored. */
  async function refused(res: Promise<Response>, status: number, message: RegExp) {
    const before = (await snapshot(c)).rows.images;
    const answer = await res;
    expect(answer.status).toBe(status);
    const body = await json<ErrorBody>(answer);
    expect(body.error.message).toMatch(message);
    expect((await snapshot(c)).rows.images).toBe(before);
    return body;
  }

  it('refuses an image over 5 MB with 413 and the limit, declared or streamed', async () => {
    const big = Buffer.alloc(MAX_IMAGE_BYTES + 1);
    PNG_16.copy(big);
    await refused(
      upload(big, 'image/png'),
      413,
      /over the 5 MB limit \(5,242,881 bytes; at most 5,242,880\)/,
    );
    // Without a Content-Length (chunked), the server stops reading at the limit.
    const chunks = [big.subarray(0, 3_000_000), big.subarray(3_000_000)];
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.shift();
        if (next) controller.enqueue(next);
        else controller.close();
      },
    });
    await refused(
      upload(stream, 'image/png', { duplex: 'half' }),
      413,
      /over the 5 MB limit; upload a smaller one/,
    );
    // Exactly 5 MB is fine.
    const exact = Buffer.from(big.subarray(0, MAX_IMAGE_BYTES));
    for (let i = 64; i < exact.length; i += 4099) exact[i] = i % 251;
    const accepted = await upload(exact, 'image/png');
    expect(accepted.status).toBe(201);
    const served = await fetch(`${c.app.url}${(await json<ImageUploaded>(accepted)).url}`);
    expect(Buffer.from(await served.arrayBuffer()).equals(exact)).toBe(true);
  });

  it('refuses SVG, declared or disguised as PNG, with 415', async () => {
    await refused(upload(SVG, 'image/svg+xml'), 415, /SVG images are not accepted/);
    await refused(upload(SVG, 'image/png'), 415, /SVG images are not accepted/);
  });

  it('refuses other types with 415 naming the accepted ones', async () => {
    const body = await refused(
      upload(PNG_16, 'image/bmp'),
      415,
      /images of type image\/bmp are not accepted/,
    );
    expect(body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(body.error.message).toMatch(/PNG, JPEG, WebP or GIF/);
    await refused(
      upload(PNG_16, 'application/pdf'),
      415,
      /the content type of the request body is not accepted here/,
    );
  });

  it('refuses a JSON or text body with 400 saying to send the image itself', async () => {
    const jsonBody = await refused(upload('{"url":"x"}', 'application/json'), 400, /invalid fields/);
    expect(jsonBody.error.problems?.[0]).toEqual({
      field: 'body',
      message:
        'send the image itself as the request body, with Content-Type image/png, image/jpeg, image/webp or image/gif',
    });
    await refused(upload('hello', 'text/plain'), 400, /invalid fields/);
  });

  it('refuses bytes that do not match the declared type with 400 naming both', async () => {
    const body = await refused(
      upload(PNG_16, 'image/jpeg'),
      400,
      /the file is a PNG image but was sent as image\/jpeg/,
    );
    expect(body.error.problems).toEqual([
      { field: 'image', message: 'the file is a PNG image but was sent as image/jpeg; send it as image/png' },
    ]);
    await refused(upload(Buffer.from('GIF89a'), 'image/gif'), 400, /not a GIF image/);
    await refused(upload(Buffer.alloc(0), 'image/png'), 400, /the image is empty/);
  });
});
