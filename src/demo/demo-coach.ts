import type { CoachSettings } from '../domain/coach';
import type { Clock } from '../ports/clock';
import type { CoachSettingsStore } from '../ports/coach-settings';
import { DEMO_DOMAIN } from './demo-org';

/**
 * The demo program's coach settings: the company's name for the "say where you work" hint, two project
 * code names and a customer that must never be posted, the program's hashtag, and informal "du".
 */
export const DEMO_COACH_SETTINGS: CoachSettings = {
  companyName: 'Nordlys Energi',
  blockedTerms: ['Projekt Polarstjerne', 'Nordstrøm 2030', 'fortroligt', 'confidential'],
  requiredHashtags: ['#NordlysEnergi'],
  tone: 'du',
  emojiPolicy: 'sparing',
  companyDomains: [DEMO_DOMAIN],
};

/** Seeds the demo's coach settings once; settings comms changed since are kept. */
export async function seedDemoCoachSettings(
  deps: { coachSettings: CoachSettingsStore; clock: Clock },
  input: { tenantId: string },
) {
  if (await deps.coachSettings.get(input.tenantId)) return;
  await deps.coachSettings.put(input.tenantId, DEMO_COACH_SETTINGS, {
    updatedBy: null,
    at: deps.clock.now(),
  });
}
