import { compareTeamMembers, MAX_TEAM_DEPTH, teamStatus, type TeamStatus } from '../domain/nomination';
import type { NominationStore } from '../ports/nominations';
import type { ServiceDeps } from './deps';

/** One person on My team, as a manager may see them. */
export interface TeamMemberResult {
  id: string;
  displayName: string;
  jobTitle: string | null;
  department: string | null;
  depth: number;
  status: TeamStatus;
}

/**
 * A manager's direct reports, or their whole subtree, with each person's status: ambassador, invited
 * or none. A decline shows as "invited" (PRODUCT.md: managers never see who declined).
 */
export async function listMyTeam(
  deps: ServiceDeps & { nominations: NominationStore },
  input: { tenantId: string; managerId: string; scope: 'direct' | 'subtree' },
): Promise<TeamMemberResult[]> {
  const maxDepth = input.scope === 'direct' ? 1 : MAX_TEAM_DEPTH;
  const entries = await deps.nominations.listTeam(
    input.tenantId,
    input.managerId,
    maxDepth,
    deps.clock.now(),
  );
  return entries
    .map((e) => ({
      id: e.id,
      displayName: e.displayName,
      jobTitle: e.jobTitle,
      department: e.department,
      depth: e.depth,
      status: teamStatus({ member: e.member, invited: e.invited }),
    }))
    .sort(compareTeamMembers);
}
