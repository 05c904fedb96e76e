import { describe, expect, it } from 'vitest';
import { demoApprovers, demoCommsAdmins, generateDemoOrg } from './demo-org';

describe('demo organisation', () => {
  const org = generateDemoOrg();
  const byId = new Map(org.map((p) => [p.id, p]));
  const depth = (id: string): number => {
    const p = byId.get(id)!;
    return p.managerId ? 1 + depth(p.managerId) : 1;
  };

  it('has about 400 people with unique ids and UPNs', () => {
    expect(org.length).toBeGreaterThanOrEqual(380);
    expect(org.length).toBeLessThanOrEqual(420);
    expect(new Set(org.map((p) => p.id)).size).toBe(org.length);
    expect(new Set(org.map((p) => p.userPrincipalName)).size).toBe(org.length);
  });

  it('is the same every time', () => {
    expect(generateDemoOrg()).toEqual(org);
  });

  it('has one root and a hierarchy four to five levels deep with valid managers', () => {
    expect(org.filter((p) => p.managerId === null)).toHaveLength(1);
    for (const p of org) if (p.managerId) expect(byId.has(p.managerId)).toBe(true);
    const depths = org.map((p) => depth(p.id));
    expect(Math.max(...depths)).toBe(5);
    expect(depths.filter((d) => d === 4).length).toBeGreaterThan(20);
  });

  it('covers the expected departments, several offices and both languages', () => {
    const departments = new Set(org.map((p) => p.department));
    for (const d of ['IT', 'Engineering', 'Customer Service', 'HR', 'Communication', 'Field Operations']) {
      expect(departments.has(d)).toBe(true);
    }
    expect(new Set(org.map((p) => p.officeLocation)).size).toBeGreaterThanOrEqual(4);
    const languages = new Set(org.map((p) => p.preferredLanguage));
    expect(languages).toEqual(new Set(['da-DK', 'en-GB']));
  });

  it('names three comms admins from the Communication department', () => {
    const admins = demoCommsAdmins(org);
    expect(admins).toHaveLength(3);
    for (const upn of admins) {
      expect(org.find((p) => p.userPrincipalName === upn)?.department).toBe('Communication');
    }
    expect(demoApprovers(org)).toHaveLength(2);
  });
});
