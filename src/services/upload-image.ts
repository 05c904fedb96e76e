import { randomUUID } from 'node:crypto';
import { checkImage } from '../domain/images';
import type { ContentDeps } from './deps';

/**
 * Stores an uploaded image after checking its declared type, size and bytes (see `checkImage`).
 * The id is a random UUID: the image is served publicly by it, so it must not be guessable.
 */
export async function uploadImage(
  deps: ContentDeps,
  input: { tenantId: string; actorId: string; contentType: string | undefined; bytes: Buffer },
) {
  const sniffed = checkImage(input.contentType, input.bytes);
  const image = {
    id: randomUUID(),
    contentType: sniffed.type,
    bytes: input.bytes,
    size: input.bytes.length,
    width: sniffed.width,
    height: sniffed.height,
    createdBy: input.actorId,
  };
  await deps.content.images.insert(input.tenantId, image);
  const { bytes: _bytes, ...uploaded } = image;
  return uploaded;
}
