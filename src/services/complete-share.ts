import {
  applyDisclosure,
  NETWORK_LIMITS,
  postLength,
  shareIntent,
  type ShareIntent,
} from '../domain/content';
import { AppError } from '../domain/errors';
import { msg } from '../domain/messages';
import type { Network } from '../domain/program';
import type { Share } from '../ports/sharing';
import type { SharingDeps } from './deps';
import { assertAmbassador, disclosureMarks, shareableItem, trackedUrl } from './prepare-share';

const NETWORK_NAMES: Record<Network, string> = {
  linkedin: 'LinkedIn',
  x: 'X',
  facebook: 'Facebook',
  instagram: 'Instagram',
  tiktok: 'TikTok',
};

export interface ShareCompletedResult {
  shareId: string;
  status: 'shared';
  recorded: boolean;
  text: string;
  disclosure: { added: boolean; warnings: ('MARK_MISPLACED' | 'MARK_WEAK')[] };
  intent: ShareIntent;
}

/** The person's own share, or NOT_FOUND (another person's share id reveals nothing). */
export async function ownShare(
  deps: SharingDeps,
  input: { tenantId: string; personId: string; shareId: string },
): Promise<Share> {
  const share = await deps.sharing.getShare(input.tenantId, input.shareId);
  if (!share || share.personId !== input.personId) throw new AppError('NOT_FOUND', 'noSuchShare');
  return share;
}

/**
 * Finishes a share: the marking goes first where the item is advertising, the post must fit the
 * network with the tracked link, and the share is recorded once, whether the ambassador followed the
 * intent, confirmed "I posted it", or both (the second call records nothing new).
 */
export async function completeShare(
  deps: SharingDeps,
  input: {
    tenantId: string;
    personId: string;
    shareId: string;
    text: string;
    via: 'intent' | 'confirmed';
    postUrl: string | null;
  },
): Promise<ShareCompletedResult> {
  const { tenantId } = input;
  await assertAmbassador(deps, tenantId, input.personId);
  const share = await ownShare(deps, input);
  const now = deps.clock.now();
  // A share already recorded stays answerable (a second "I posted it" after the item expired is no
  // error, it just records nothing); a new one needs the item to be shareable now.
  const item =
    share.status === 'prepared'
      ? await shareableItem(deps.sharing, tenantId, share.itemId, now)
      : await deps.sharing.getItem(tenantId, share.itemId);
  if (!item) throw new AppError('NOT_FOUND', 'noSuchItem');
  const link = trackedUrl(deps.publicUrl, share.linkCode);
  const disclosure = applyDisclosure(input.text, {
    advertising: item.advertising,
    language: item.language,
    mark: (await disclosureMarks(deps, tenantId))[item.language],
  });
  const text = disclosure.text;
  const limit = NETWORK_LIMITS[share.network];
  const length = postLength(share.network, text, link);
  if (length > limit) {
    const network = NETWORK_NAMES[share.network];
    throw new AppError(
      'VALIDATION_FAILED',
      msg('postTooLong', { length, marked: disclosure.added, network, limit }),
      { problems: [{ field: 'body.text', message: msg('networkAllows', { network, limit }) }] },
    );
  }
  const recorded = await deps.sharing.recordShare(tenantId, share.id, { at: now, postUrl: input.postUrl });
  return {
    shareId: share.id,
    status: 'shared',
    recorded,
    text,
    disclosure: { added: disclosure.added, warnings: disclosure.warnings },
    intent: shareIntent(share.network, text, link),
  };
}
