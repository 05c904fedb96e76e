import { CANVAS_AUDIT_ACTIONS } from '../domain/canvas';
import type { CoachSettings } from '../domain/coach';
import { DISCLOSURE_MARK } from '../domain/content';
import type { Clock } from '../ports/clock';
import type { CoachSettingsStore } from '../ports/coach-settings';
import type { UnitOfWork } from '../ports/unit-of-work';
import { getCoachSettings } from './get-coach-settings';
import { changedFields, writeAudited } from './record-audit';

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
 * Brand style left out of the input (an older client) keeps what was saved. The audit log records
 * which settings changed, not their values (blocked terms may name customers), in the transaction that
 * saves them.
 */
export async function updateCoachSettings(
  deps: { coachSettings: CoachSettingsStore; unitOfWork: UnitOfWork; clock: Clock },
  input: { tenantId: string; actorId: string; settings: CoachSettings },
) {
  const s = input.settings;
  const { settings: current } = await getCoachSettings(deps, { tenantId: input.tenantId });
  const before: CoachSettings = {
    ...current,
    suggestedHashtags: current.suggestedHashtags ?? [],
    disclosureMarks: current.disclosureMarks ?? DISCLOSURE_MARK,
  };
  const marks = s.disclosureMarks ?? before.disclosureMarks ?? DISCLOSURE_MARK;
  const settings: CoachSettings = {
    companyName: s.companyName.trim(),
    blockedTerms: distinct(s.blockedTerms),
    requiredHashtags: distinct(s.requiredHashtags),
    tone: s.tone,
    emojiPolicy: s.emojiPolicy,
    companyDomains: distinct(s.companyDomains.map((d) => d.toLowerCase().replace(/^www\./, ''))),
    suggestedHashtags: distinct(s.suggestedHashtags ?? before.suggestedHashtags ?? []),
    disclosureMarks: { da: marks.da.trim(), en: marks.en.trim() },
  };
  const changed = changedFields(before, settings);
  const stored = await writeAudited(
    deps,
    input,
    (tx) =>
      tx.coachSettings.put(input.tenantId, settings, { updatedBy: input.actorId, at: deps.clock.now() }),
    () => ({ action: CANVAS_AUDIT_ACTIONS.coachSettingsUpdated, data: { changed } }),
  );
  const { updatedAt, updatedBy: _updatedBy, ...saved } = stored;
  return { settings: saved, updatedAt };
}
