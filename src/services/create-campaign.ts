import { randomUUID } from 'node:crypto';
import { AppError } from '../domain/errors';
import { msg } from '../domain/messages';
import type { CampaignDeps, CampaignFields, CampaignRecord } from '../ports/campaigns';

/** Checks what the schema cannot: that an uploaded image exists. VALIDATION_FAILED names `imageId`. */
export async function checkCampaignFields(
  deps: CampaignDeps,
  tenantId: string,
  fields: CampaignFields,
): Promise<void> {
  if (fields.imageId && !(await deps.campaigns.imageExists(tenantId, fields.imageId))) {
    throw new AppError('VALIDATION_FAILED', 'campaignInvalid', {
      problems: [{ field: 'imageId', message: msg('unknownImage') }],
    });
  }
}

/** Creates a recruitment campaign as a draft: nothing is announced or sent until comms announces it. */
export async function createCampaign(
  deps: CampaignDeps,
  input: { tenantId: string; actorId: string; campaign: CampaignFields },
): Promise<CampaignRecord> {
  await checkCampaignFields(deps, input.tenantId, input.campaign);
  return deps.campaigns.insert(input.tenantId, {
    ...input.campaign,
    id: randomUUID(),
    createdBy: input.actorId,
    at: deps.clock.now(),
  });
}
