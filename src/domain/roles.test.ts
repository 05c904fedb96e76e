import { describe, expect, it } from 'vitest';
import { hasAnyRole, resolveRoles } from './roles';

const rules = {
  commsAdmins: ['anna@demo.dk'],
  commsAdminGroupId: 'g-comms',
  approvers: [],
  approverGroupId: 'g-appr',
};

describe('resolveRoles', () => {
  it('gives everyone the employee role and nothing else by default', () => {
    expect(
      resolveRoles({ userPrincipalName: 'bo@demo.dk', mail: null, directReports: 0, groups: [] }, rules),
    ).toEqual(['employee']);
  });
  it('derives manager from direct reports', () => {
    expect(
      resolveRoles({ userPrincipalName: 'bo@demo.dk', mail: null, directReports: 3, groups: [] }, rules),
    ).toContain('manager');
  });
  it('matches comms by UPN case-insensitively and approver by group', () => {
    const roles = resolveRoles(
      { userPrincipalName: 'Anna@Demo.dk', mail: null, directReports: 0, groups: ['g-appr'] },
      rules,
    );
    expect(roles).toEqual(['employee', 'comms', 'approver']);
  });
  it('checks route roles', () => {
    expect(hasAnyRole(['employee'], ['comms'])).toBe(false);
    expect(hasAnyRole(['employee', 'comms'], ['comms', 'approver'])).toBe(true);
  });
});
