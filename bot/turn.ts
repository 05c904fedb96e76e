import type { Activity, ConversationReference } from 'botbuilder';

/** The tenant an activity belongs to (Teams puts it on the conversation and in channelData). */
export function tenantOfActivity(activity: Partial<Activity>, fallbackTenantId: string): string {
  const channelData = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const fromChannel = typeof channelData?.tenant?.id === 'string' ? channelData.tenant.id : undefined;
  return activity.conversation?.tenantId || fromChannel || fallbackTenantId;
}

/** The sender's Entra object id: the person id Chorus uses. Null for senders outside the directory. */
export function personIdOf(activity: Partial<Activity>): string | null {
  return activity.from?.aadObjectId || null;
}

/** True for the bot's 1:1 chat with one person (Teams says 'personal'; emulators say nothing). */
export function isPersonalChat(activity: Partial<Activity>): boolean {
  const type = activity.conversation?.conversationType;
  return !activity.conversation?.isGroup && (type === undefined || type === null || type === 'personal');
}

/**
 * A conversation reference as JSON, for storing. The activity id is left out, so proactive messages
 * start a new message in the chat rather than replying to the install event.
 */
export function referenceToStore(reference: Partial<ConversationReference>): Record<string, unknown> {
  const { activityId: _activityId, ...rest } = reference;
  return JSON.parse(JSON.stringify(rest)) as Record<string, unknown>;
}
