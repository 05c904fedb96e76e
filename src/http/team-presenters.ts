import type { NominationAccepted, TeamMember } from '../contracts';
import type { TeamMemberResult } from '../services/list-my-team';

// Presenters choose exactly which fields go on the wire. My team carries no invitation details at
// all: only the three statuses, so a decline cannot leak through any field.

export function presentTeam(members: TeamMemberResult[]): { members: TeamMember[] } {
  return {
    members: members.map((m) => ({
      id: m.id,
      displayName: m.displayName,
      jobTitle: m.jobTitle,
      department: m.department,
      depth: m.depth,
      status: m.status,
    })),
  };
}

/** The same empty answer for every accepted nomination, whatever it led to. */
export function presentNominationAccepted(): NominationAccepted {
  return {};
}
