/** Roles a signed-in person can hold. Everyone is an employee; the rest add rights. */
export const ROLES = ['employee', 'manager', 'comms', 'approver'] as const;
export type Role = (typeof ROLES)[number];

export interface RoleRules {
  commsAdmins: string[];
  commsAdminGroupId: string | null;
  approvers: string[];
  approverGroupId: string | null;
}

/** Works out a person's roles from the directory facts and the configured rules. */
export function resolveRoles(
  facts: { userPrincipalName: string | null; mail: string | null; directReports: number; groups: string[] },
  rules: RoleRules,
): Role[] {
  const names = [facts.userPrincipalName, facts.mail]
    .filter((n): n is string => !!n)
    .map((n) => n.toLowerCase());
  const roles: Role[] = ['employee'];
  if (facts.directReports > 0) roles.push('manager');
  const inList = (list: string[]) => names.some((n) => list.includes(n));
  const inGroup = (group: string | null) => group !== null && facts.groups.includes(group);
  if (inList(rules.commsAdmins) || inGroup(rules.commsAdminGroupId)) roles.push('comms');
  if (inList(rules.approvers) || inGroup(rules.approverGroupId)) roles.push('approver');
  return roles;
}

/** True when `held` satisfies a route that accepts any of `allowed`. */
export function hasAnyRole(held: readonly Role[], allowed: readonly Role[]): boolean {
  return allowed.some((r) => held.includes(r));
}
