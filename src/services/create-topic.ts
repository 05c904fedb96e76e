import { AppError } from '../domain/errors';
import { msg } from '../domain/messages';
import type { ContentDeps } from './deps';

/** Adds a topic (comms). A key already in use is a CONFLICT; topics are never renamed by key. */
export async function createTopic(
  deps: ContentDeps,
  input: { tenantId: string; key: string; labelDa: string; labelEn: string },
) {
  const topic = { key: input.key, labelDa: input.labelDa, labelEn: input.labelEn, builtIn: false };
  const inserted = await deps.content.topics.insert(input.tenantId, topic);
  if (!inserted) throw new AppError('CONFLICT', msg('topicExists', { key: input.key }));
  return topic;
}
