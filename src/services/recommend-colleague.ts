import { AppError } from '../domain/errors';
import {
  recordNomination,
  runningCampaign,
  type NominationDeps,
  type NominationInput,
  type NominationOutcome,
} from './nominate-colleague';

/**
 * A colleague recommends a colleague: anyone enabled who is not yet an ambassador, except themselves.
 * The same rules and the same privacy as a manager's nomination (one open invitation, no re-asking
 * after a decline, the same answer whatever happened).
 */
export async function recommendColleague(
  deps: NominationDeps,
  input: NominationInput,
): Promise<NominationOutcome> {
  const campaign = await runningCampaign(deps, input);
  if (input.personId === input.nominatorId) throw new AppError('FORBIDDEN', 'recommendationNotYourself');
  return recordNomination(deps, { ...input, campaignId: campaign.id, relation: 'colleague' });
}
