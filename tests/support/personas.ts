import { demoCommsAdmins, generateDemoOrg } from '../../src/demo/demo-org';
import type { Role } from '../../src/domain/roles';

const org = generateDemoOrg();
const reports = new Map<string, number>();
for (const p of org) if (p.managerId) reports.set(p.managerId, (reports.get(p.managerId) ?? 0) + 1);
const commsUpns = new Set(demoCommsAdmins(org));

export interface Persona {
  name: 'employee' | 'manager' | 'comms' | 'approver';
  id: string;
  roles: Role[];
}

/** One demo person per role, picked by the same facts the server uses to give the roles. */
export const personas: Persona[] = [
  {
    name: 'employee',
    id: org.find((p) => !reports.has(p.id) && !commsUpns.has(p.userPrincipalName!))!.id,
    roles: ['employee'],
  },
  {
    name: 'manager',
    id: org.find((p) => reports.has(p.id) && !commsUpns.has(p.userPrincipalName!) && p.department === 'IT')!
      .id,
    roles: ['employee', 'manager'],
  },
  {
    name: 'comms',
    id: org.find((p) => p.jobTitle === 'Head of Communication')!.id,
    roles: ['employee', 'manager', 'comms'],
  },
  {
    name: 'approver',
    id: org.find((p) => p.jobTitle === 'HR Director')!.id,
    roles: ['employee', 'manager', 'approver'],
  },
];
