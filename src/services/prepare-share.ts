import {
  applyDisclosure,
  DISCLOSURE_MARK,
  isLive,
  NETWORK_LIMITS,
  pickVariantIndex,
} from '../domain/content';
import { AppError } from '../domain/errors';
import { msg } from '../domain/messages';
import type { Language } from '../domain/person';
import type { Network } from '../domain/program';
import { generateLinkCode } from '../domain/sharing';
import type { ShareableItem, SharingStore } from '../ports/sharing';
import type { SharingDeps } from './deps';

export interface SharePreparationResult {
  shareId: string;
  itemId: string;
  network: Network;
  trackedUrl: string;
  caption: string;
  variantPosition: number;
  variantCount: number;
  advertising: boolean;
  limit: number;
  imageUrl: string | null;
  status: 'prepared' | 'shared';
}

/** The tracked link's address for a code. */
export function trackedUrl(publicUrl: string, code: string): string {
  return `${publicUrl.replace(/\/$/, '')}/r/${code}`;
}

/** The tenant's disclosure words per language (brand style), or the built-in ones. */
export async function disclosureMarks(
  deps: SharingDeps,
  tenantId: string,
): Promise<Record<Language, string>> {
  const stored = deps.coachSettings ? await deps.coachSettings.get(tenantId) : null;
  return stored?.disclosureMarks ?? DISCLOSURE_MARK;
}

/** Refuses anyone who is not a current ambassador. */
export async function assertAmbassador(deps: SharingDeps, tenantId: string, personId: string) {
  if (!(await deps.store.memberships.get(tenantId, personId))) {
    throw new AppError('FORBIDDEN', 'onlyAmbassadorsShare');
  }
}

/** The item when it can be shared now: approved, within its dates and not archived. */
export async function shareableItem(
  sharing: SharingStore,
  tenantId: string,
  itemId: string,
  now: Date,
): Promise<ShareableItem> {
  const item = await sharing.getItem(tenantId, itemId);
  if (!item) throw new AppError('NOT_FOUND', 'noSuchItem');
  if (!isLive(item, now)) {
    throw new AppError('FORBIDDEN', 'notShareable');
  }
  return item;
}

/**
 * Opens the share dialog for an ambassador: their tracked link for the item and network (created once),
 * a caption variant in the item's language (different people get different variants in turn; the same
 * person gets theirs again) with the advertising marking first, and a prepared share to complete.
 */
export async function prepareShare(
  deps: SharingDeps,
  input: { tenantId: string; personId: string; itemId: string; network: Network },
): Promise<SharePreparationResult> {
  const { tenantId, personId, itemId, network } = input;
  await assertAmbassador(deps, tenantId, personId);
  const now = deps.clock.now();
  const marks = await disclosureMarks(deps, tenantId);
  return deps.sharing.transaction(async (sharing) => {
    const item = await shareableItem(sharing, tenantId, itemId, now);
    if (!item.networks.includes(network)) {
      throw new AppError('VALIDATION_FAILED', msg('networkNotOffered', { network }), {
        problems: [{ field: 'body.network', message: msg('chooseItemNetwork', { networks: item.networks }) }],
      });
    }
    // One at a time per item, so two ambassadors opening the dialog together still get different variants.
    await sharing.lockItem(tenantId, itemId);
    const captions = await sharing.captions(tenantId, itemId, item.language);
    const earlier = await sharing.assignedVariant(tenantId, personId, itemId);
    let index = earlier === null ? -1 : captions.findIndex((c) => c.position === earlier);
    if (index < 0) {
      index = pickVariantIndex(captions.length, await sharing.countVariantHolders(tenantId, itemId));
    }
    const variant = captions[index]!;
    const link = await sharing.ensureTrackedLink(tenantId, { personId, itemId, network }, () =>
      generateLinkCode(),
    );
    const share =
      (await sharing.openShare(tenantId, personId, itemId, network)) ??
      (await sharing.insertShare(tenantId, {
        personId,
        itemId,
        network,
        linkCode: link.code,
        variantPosition: variant.position,
        preparedAt: now,
      }));
    return {
      shareId: share.id,
      itemId,
      network,
      trackedUrl: trackedUrl(deps.publicUrl, link.code),
      caption: applyDisclosure(variant.text, {
        advertising: item.advertising,
        language: item.language,
        mark: marks[item.language],
      }).text,
      variantPosition: variant.position,
      variantCount: captions.length,
      advertising: item.advertising,
      limit: NETWORK_LIMITS[network],
      imageUrl: item.imageUrl,
      status: share.status,
    };
  });
}
