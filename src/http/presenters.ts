import type { Me, MembershipView, PersonSummary, ProgramDocumentView, ProgramStats } from '../contracts';
import type { Person } from '../domain/person';
import type { Membership, ProgramDocument } from '../domain/program';
import type { MeResult } from '../services/get-me';
import type { getProgramStats } from '../services/get-program-stats';

// Presenters choose exactly which fields go on the wire; rows never leave as they are.

export function presentPersonSummary(p: Person): PersonSummary {
  return {
    id: p.id,
    displayName: p.displayName,
    jobTitle: p.jobTitle,
    department: p.department,
    officeLocation: p.officeLocation,
  };
}

export function presentMembership(m: Membership): MembershipView {
  return {
    joinedAt: m.joinedAt.toISOString(),
    guidelinesVersion: m.guidelinesVersion,
    networks: m.networks,
    topics: m.topics,
  };
}

export function presentMe(me: MeResult, tenantId: string, method: Me['signInMethod']): Me {
  return {
    person: { ...presentPersonSummary(me.person), userPrincipalName: me.person.userPrincipalName },
    tenantId,
    roles: me.roles,
    language: me.language,
    membership: me.membership ? presentMembership(me.membership) : null,
    guidelinesOutdated: me.guidelinesOutdated,
    signInMethod: method,
  };
}

export function presentDocument(d: ProgramDocument): ProgramDocumentView {
  return {
    kind: d.kind,
    version: d.version,
    bodyDa: d.bodyDa,
    bodyEn: d.bodyEn,
    updatedAt: d.createdAt.toISOString(),
  };
}

export function presentStats(s: Awaited<ReturnType<typeof getProgramStats>>): ProgramStats {
  return {
    ...s,
    directory: {
      ...s.directory,
      lastCompletedAt: s.directory.lastCompletedAt ? s.directory.lastCompletedAt.toISOString() : null,
    },
  };
}
