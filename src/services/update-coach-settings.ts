import type { CoachSettings } from '../domain/coach';
import type { Clock } from '../ports/clock';
import type { CoachSettingsStore } from '../ports/coach-settings';

/** A list without blanks and without repeats that differ only in case; the first spelling is kept. */
function distinct(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of values) {
    const value = raw.trim();
    const key = value.toLocaleLowerCase('da');
    if (!value || seen.has(key)) continue;
    seen.add(key);
    out.push(value);
  }
  return out;
}

/**
 * Saves the coach's settings (comms, from Admin). The input is already checked by the contract; lists
 * are trimmed and de-duplicated here, and domains lower-cased, so the coach compares like with like.
 */
export async function updateCoachSettings(
  deps: { coachSettings: CoachSettingsStore; clock: Clock },
  input: { tenantId: string; actorId: string; settings: CoachSettings },
) {
  const s = input.settings;
  const settings: CoachSettings = {
    companyName: s.companyName.trim(),
    blockedTerms: distinct(s.blockedTerms),
    requiredHashtags: distinct(s.requiredHashtags),
    tone: s.tone,
    emojiPolicy: s.emojiPolicy,
    companyDomains: distinct(s.companyDomains.map((d) => d.toLowerCase().replace(/^www\./, ''))),
  };
  const stored = await deps.coachSettings.put(input.tenantId, settings, {
    updatedBy: input.actorId,
    at: deps.clock.now(),
  });
  const { updatedAt, updatedBy: _updatedBy, ...saved } = stored;
  return { settings: saved, updatedAt };
}
