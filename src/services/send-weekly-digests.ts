import { randomUUID } from 'node:crypto';
import { composeDigest, DIGEST_PERIOD_DAYS, isoWeekOf, type DigestNumbers } from '../domain/digest';
import { toLanguage, type Language } from '../domain/person';
import type { Clock } from '../ports/clock';
import type { DigestItemRecord, DigestRecipient, DigestStore } from '../ports/digest';
import type { OutboxMessageInput, OutboxStore } from '../ports/outbox';

/** The outbox key of one person's digest: one per person and ISO week, however often the job runs. */
export function digestMessageKey(week: string, personId: string): string {
  return `digest:${week}:${personId}`;
}

/** One ambassador's digest as computed now. */
export interface ComputedDigest {
  personId: string;
  language: Language;
  paused: boolean;
  items: DigestItemRecord[];
  numbers: DigestNumbers;
  /** Something new or some activity (see composeDigest); a paused person gets none either way. */
  hasContent: boolean;
}

/** The language a digest is written in: the `language` command's choice, else the directory's, else Danish. */
function digestLanguage(recipient: DigestRecipient): Language {
  return recipient.chatLanguage ?? toLanguage(recipient.preferredLanguage, 'da');
}

/** The digests of every ambassador (or one) for the seven days before `now`. */
export async function computeDigests(
  deps: { digest: DigestStore },
  input: { tenantId: string; now: Date; personId?: string },
): Promise<{ since: Date; digests: ComputedDigest[] }> {
  const since = new Date(input.now.getTime() - DIGEST_PERIOD_DAYS * 24 * 60 * 60_000);
  const [recipients, items, numbers] = await Promise.all([
    deps.digest.recipients(input.tenantId, input.personId),
    deps.digest.newItems(input.tenantId, since, input.now),
    deps.digest.personNumbers(input.tenantId, since, input.now, input.personId),
  ]);
  const byId = new Map(items.map((item) => [item.id, item]));
  const digests = recipients.map((recipient): ComputedDigest => {
    const composed = composeDigest({
      topics: recipient.topics,
      items,
      numbers: numbers.get(recipient.personId),
    });
    return {
      personId: recipient.personId,
      language: digestLanguage(recipient),
      paused: recipient.notificationsPaused,
      items: composed.items.map((item) => byId.get(item.id)!),
      numbers: composed.numbers,
      hasContent: composed.send,
    };
  });
  return { since, digests };
}

/**
 * The Monday job: queues one digest per ambassador in the outbox, which delivers it to their 1:1 chat
 * with the bot as a card in their language (chosen when it is sent). People who paused notifications
 * get none, nor do people with nothing new for their topics and no shares or clicks. The outbox key is
 * per person and ISO week (Copenhagen time), so running the job twice in a week sends once.
 */
export async function sendWeeklyDigests(
  deps: { digest: DigestStore; outbox: OutboxStore; clock: Clock },
  input: { tenantId: string; week?: string },
): Promise<{ week: string; queued: number; paused: number; empty: number }> {
  const now = deps.clock.now();
  const week = input.week ?? isoWeekOf(now);
  const { since, digests } = await computeDigests(deps, { tenantId: input.tenantId, now });
  const messages: OutboxMessageInput[] = [];
  let paused = 0;
  let empty = 0;
  for (const d of digests) {
    if (d.paused) {
      paused++;
      continue;
    }
    if (!d.hasContent) {
      empty++;
      continue;
    }
    const key = digestMessageKey(week, d.personId);
    messages.push({
      idempotencyKey: key,
      transport: 'bot',
      recipientPersonId: d.personId,
      conversationId: null,
      serviceUrl: null,
      // What it says is fixed now (the week's facts); only the language is chosen when it is sent.
      payload: {
        kind: 'weeklyDigest',
        week,
        periodStart: since.toISOString(),
        periodEnd: now.toISOString(),
        items: d.items.map((item) => ({
          id: item.id,
          title: item.title,
          topic: item.topic,
          topicLabel: item.topicLabel,
        })),
        numbers: d.numbers,
      },
      // Behind invitations and broadcasts: nobody is waiting for it.
      priority: 7,
    });
  }
  if (messages.length > 0) {
    // Each run is its own send; the messages' per-person keys keep a second run from adding any.
    await deps.outbox.enqueue(
      input.tenantId,
      {
        id: randomUUID(),
        campaignId: null,
        kind: 'digest',
        idempotencyKey: `digest:${week}:run:${randomUUID()}`,
        createdBy: null,
      },
      messages,
    );
  }
  return { week, queued: messages.length, paused, empty };
}
