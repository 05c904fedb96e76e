import { contentProblems, type ContentProblem } from '../domain/content';
import { AppError } from '../domain/errors';
import { msg } from '../domain/messages';
import type { Captions, ContentFields, ContentStore } from '../ports/content';

/** What an editor writes, as the content use cases take it (dates already parsed). */
export interface ContentItemInput extends ContentFields {
  captions: Captions;
}

/**
 * The checks shared by creating and editing an item, beyond the wire schema: the domain's caption,
 * limit and date rules, a topic the tenant has, and an uploaded image that exists. Every problem is
 * reported at once, named like the input field; nothing is written when there is one.
 */
export async function checkContentInput(
  content: ContentStore,
  tenantId: string,
  input: ContentItemInput,
): Promise<ContentItemInput> {
  const networks = [...new Set(input.networks)];
  const normalised: ContentItemInput = { ...input, networks };
  const problems: ContentProblem[] = contentProblems(normalised);
  const [topicExists, imageExists] = await Promise.all([
    content.topics.exists(tenantId, input.topic),
    input.imageId ? content.images.exists(tenantId, input.imageId) : Promise.resolve(true),
  ]);
  if (!topicExists) {
    problems.push({ field: 'topic', message: msg('unknownTopic', { topic: input.topic }) });
  }
  if (!imageExists) {
    problems.push({ field: 'imageId', message: msg('unknownImage') });
  }
  if (input.imageId && input.imageUrl) {
    problems.push({ field: 'imageUrl', message: msg('imageTwice') });
  }
  if (problems.length > 0) {
    throw new AppError('VALIDATION_FAILED', 'itemInvalid', { problems });
  }
  return normalised;
}
