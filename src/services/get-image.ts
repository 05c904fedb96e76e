import { AppError } from '../domain/errors';
import type { ContentDeps } from './deps';

/** An uploaded image with its bytes, by id. */
export async function getImage(deps: ContentDeps, input: { tenantId: string; imageId: string }) {
  const image = await deps.content.images.get(input.tenantId, input.imageId);
  if (!image) throw new AppError('NOT_FOUND', 'imageNotFound');
  return image;
}
