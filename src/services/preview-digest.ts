import type { DigestPreview } from '../contracts/digest';
import { AppError } from '../domain/errors';
import { isoWeekOf } from '../domain/digest';
import type { Clock } from '../ports/clock';
import type { DigestStore } from '../ports/digest';
import { computeDigests } from './send-weekly-digests';

/**
 * What one ambassador's digest would contain if the job ran now, and whether it would be sent (comms
 * checks the digest with it). Throws NOT_FOUND for someone who is not a current ambassador.
 */
export async function previewDigest(
  deps: { digest: DigestStore; clock: Clock },
  input: { tenantId: string; personId: string },
): Promise<DigestPreview> {
  const now = deps.clock.now();
  const { since, digests } = await computeDigests(deps, { ...input, now });
  const digest = digests[0];
  if (!digest) throw new AppError('NOT_FOUND', 'digestNoSuchAmbassador');
  return {
    personId: digest.personId,
    week: isoWeekOf(now),
    language: digest.language,
    periodStart: since.toISOString(),
    periodEnd: now.toISOString(),
    items: digest.items.map((item) => ({
      id: item.id,
      title: item.title,
      topic: item.topic,
      topicLabel: item.topicLabel[digest.language],
      publishedAt: item.publishedAt.toISOString(),
    })),
    numbers: digest.numbers,
    willSend: !digest.paused && digest.hasContent,
    skipReason: digest.paused ? 'paused' : digest.hasContent ? null : 'empty',
  };
}
