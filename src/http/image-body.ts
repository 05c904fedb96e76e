import type { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../domain/errors';
import { MAX_IMAGE_BYTES, tooLargeMessage } from '../domain/images';

/**
 * Reads a raw image upload (any image/* Content-Type) into a Buffer, stopping at the image limit with a
 * 413 that says the limit. The declared type and the bytes are checked later by the upload service, so
 * an SVG or a mislabelled file gets a message naming the problem instead of a generic 415.
 */
export function readImageBody(
  request: FastifyRequest,
  payload: Readable,
  done: (err: Error | null, body?: Buffer) => void,
) {
  let finished = false;
  const finish = (err: Error | null, body?: Buffer) => {
    if (finished) return;
    finished = true;
    done(err, body);
  };
  const tooLarge = (size: number | null) => {
    // Discard the rest of the body: the answer is already known.
    payload.resume();
    finish(new AppError('PAYLOAD_TOO_LARGE', tooLargeMessage(size)));
  };
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > MAX_IMAGE_BYTES) {
    tooLarge(declared);
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  payload.on('data', (chunk: Buffer) => {
    if (finished) return;
    size += chunk.length;
    if (size > MAX_IMAGE_BYTES) tooLarge(null);
    else chunks.push(chunk);
  });
  payload.on('end', () => finish(null, Buffer.concat(chunks)));
  payload.on('error', (err) => finish(err));
}
