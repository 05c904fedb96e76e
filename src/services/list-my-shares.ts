import type { MyShare, SharingStore } from '../ports/sharing';

/** How many of their own posts an ambassador sees at once. */
export const MY_SHARES_LIMIT = 50;

/**
 * The caller's own recorded posts, newest first, so they can add reactions and comments later.
 * Only ever the caller's own: the person comes from the session.
 */
export async function listMyShares(
  deps: { sharing: SharingStore },
  input: { tenantId: string; personId: string },
): Promise<MyShare[]> {
  return deps.sharing.myShares(input.tenantId, input.personId, MY_SHARES_LIMIT);
}
