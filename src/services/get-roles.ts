import { resolveRoles, type Role } from '../domain/roles';
import type { RoleDeps } from './deps';

/** The roles of a signed-in person (none when they are not in the directory). One query. */
export async function getRoles(
  deps: RoleDeps,
  input: { tenantId: string; personId: string; groups: string[] },
) {
  const found = await deps.store.people.getWithReportCount(input.tenantId, input.personId);
  if (!found) return [] as Role[];
  const { person, directReports } = found;
  return resolveRoles(
    { userPrincipalName: person.userPrincipalName, mail: person.mail, directReports, groups: input.groups },
    deps.roleRules,
  );
}
