import type { SendProgress } from '../contracts/recruitment';
import { AppError } from '../domain/errors';
import type { CampaignDeps } from '../ports/campaigns';
import type { OutboxStore } from '../ports/outbox';
import { listCampaignSends } from './list-campaign-sends';

/** Cancels what a campaign's send still has queued; messages in flight finish. NOT_FOUND for another campaign's send. */
export async function cancelCampaignSend(
  deps: Pick<CampaignDeps, 'campaigns'> & { outbox: OutboxStore },
  input: { tenantId: string; campaignId: string; sendId: string },
): Promise<SendProgress> {
  const sends = await listCampaignSends(deps, input);
  if (!sends.some((s) => s.id === input.sendId)) throw new AppError('NOT_FOUND', 'noSuchSend');
  const progress = await deps.outbox.cancel(input.tenantId, input.sendId);
  if (!progress) throw new AppError('NOT_FOUND', 'noSuchSend');
  return progress;
}
