import { describe, expect, it } from 'vitest';
import { applyDisclosure, BUILT_IN_TOPICS, contentProblems } from '../domain/content';
import { DEMO_ITEMS, demoContentPeople } from './demo-content';
import { demoApprovers, demoCommsAdmins, generateDemoOrg } from './demo-org';

describe('the demo library', () => {
  const approved = DEMO_ITEMS.filter((i) => (i.status ?? 'approved') === 'approved');

  it('has about thirty approved items across every topic, about two thirds in Danish', () => {
    expect(approved.length).toBeGreaterThanOrEqual(30);
    expect(new Set(approved.map((i) => i.topic))).toEqual(new Set(BUILT_IN_TOPICS.map((t) => t.key)));
    const danish = approved.filter((i) => i.language === 'da').length / approved.length;
    expect(danish).toBeGreaterThan(0.6);
    expect(danish).toBeLessThan(0.75);
    expect(DEMO_ITEMS.filter((i) => i.status === 'in_review')).toHaveLength(3);
    expect(DEMO_ITEMS.filter((i) => i.status === 'draft')).toHaveLength(1);
    expect(new Set(DEMO_ITEMS.map((i) => i.key)).size).toBe(DEMO_ITEMS.length);
  });

  it('passes the editor’s rules: captions fit every network with the marking and a tracked link', () => {
    for (const item of DEMO_ITEMS) {
      const captions = { da: [] as string[], en: [] as string[], [item.language]: item.captions };
      const problems = contentProblems({ ...item, captions, validFrom: null, validTo: null });
      expect(problems, item.key).toEqual([]);
      expect(item.captions.length, item.key).toBeGreaterThanOrEqual(2);
      expect(item.captions.length, item.key).toBeLessThanOrEqual(3);
      // The marking is Chorus's job: a caption must not carry one of its own, anywhere.
      for (const caption of item.captions) {
        const { warnings } = applyDisclosure(caption, { advertising: true, language: item.language });
        expect(warnings, caption).toEqual([]);
      }
      expect(new URL(`https://www.nordlys-demo.dk${item.path}`).pathname).toBe(item.path);
      expect(item.evergreen === true || item.validForDays !== undefined, item.key).toBe(true);
    }
  });

  it('marks job ads and products as advertising, and a colleague’s own milestone as not', () => {
    for (const item of DEMO_ITEMS.filter((i) => i.topic === 'jobs' || i.topic === 'product')) {
      expect(item.advertising, item.key).toBe(true);
    }
    expect(DEMO_ITEMS.find((i) => i.key === 'torben-25-aar')?.advertising).toBe(false);
    expect(approved.some((i) => i.pinned)).toBe(true);
    expect(approved.some((i) => i.evergreen)).toBe(true);
  });

  it('is written by a comms admin and approved by somebody else', () => {
    const org = generateDemoOrg();
    const rules = { commsAdmins: demoCommsAdmins(org), approvers: demoApprovers(org) };
    const { authorId, approverId } = demoContentPeople(rules);
    expect(authorId).not.toBe(approverId);
    const upn = (id: string) => org.find((p) => p.id === id)!.userPrincipalName!.toLowerCase();
    expect(rules.commsAdmins).toContain(upn(authorId));
    expect(rules.approvers).toContain(upn(approverId));
    // With the roles configured elsewhere (no demo people named), it falls back to the demo's own.
    expect(demoContentPeople({ commsAdmins: [], approvers: [] })).toEqual({ authorId, approverId });
  });
});
