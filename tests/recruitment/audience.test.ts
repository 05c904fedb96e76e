import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AudienceFacets, AudienceFilter, AudiencePreview, CampaignView } from '../../src/contracts';
import { rowsOf } from '../../src/db/database';
import { generateDemoOrg } from '../../src/demo/demo-org';
import type { Person } from '../../src/domain/person';
import { signInAs, startTestChorus, type TestChorus } from '../support/chorus';

// The audience rules through POST /api/admin/audience/preview, on the demo org (about 400 people),
// against counts this file computes on its own from generateDemoOrg().

const org = generateDemoOrg();
const byTitle = (title: string) => org.find((p) => p.jobTitle === title)!;
const comms = byTitle('Head of Communication');
const cio = byTitle('Chief Information Officer');

/** The rules, written out again here (not the domain's code): the SQL must agree with this. */
function expectedAudience(f: Partial<AudienceFilter>, excluded: ReadonlySet<string> = new Set()): Person[] {
  let reports: Set<string> | null = null;
  if (f.managerId) {
    reports = new Set();
    let level = [f.managerId];
    const maxDepth = f.includeSubtree === false ? 1 : 12;
    for (let depth = 1; depth <= maxDepth && level.length > 0; depth++) {
      level = org.filter((p) => p.managerId !== null && level.includes(p.managerId)).map((p) => p.id);
      for (const id of level) reports.add(id);
    }
  }
  const danish = (p: Person) => !p.preferredLanguage || /^da([-_]|$)/i.test(p.preferredLanguage);
  return org.filter((p) => {
    if (!p.accountEnabled || excluded.has(p.id)) return false;
    if (f.departments?.length && !f.departments.includes(p.department ?? '')) return false;
    if (f.locations?.length && !f.locations.includes(p.officeLocation ?? '')) return false;
    if (f.titleWords?.length) {
      const words = (p.jobTitle ?? '').toLowerCase().split(/[\s\-/,.()&+:;|]+/);
      if (!f.titleWords.some((w) => words.some((word) => word.startsWith(w.toLowerCase())))) return false;
    }
    if (reports && !reports.has(p.id)) return false;
    if (f.languages?.length === 1 && danish(p) !== (f.languages[0] === 'da')) return false;
    return true;
  });
}

describe('audience rules (preview)', () => {
  let app: TestChorus;
  let token: string;
  const run = async <T>(query: ReturnType<typeof sql>) => rowsOf<T>(await app.database.db.execute(query));
  const preview = async (filter: Partial<AudienceFilter>, campaignId?: string) => {
    const res = await app.api(`/api/admin/audience/preview${campaignId ? `?campaignId=${campaignId}` : ''}`, {
      method: 'POST',
      token,
      json: filter,
    });
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as AudiencePreview;
  };
  /** Preview and check it: the total, a sample of up to ten, every sampled person in the audience. */
  const check = async (filter: Partial<AudienceFilter>, excluded?: ReadonlySet<string>) => {
    const want = expectedAudience(filter, excluded);
    const got = await preview(filter);
    expect(got.total).toBe(want.length);
    expect(got.sample).toHaveLength(Math.min(10, want.length));
    const ids = new Set(want.map((p) => p.id));
    for (const p of got.sample) expect(ids.has(p.id), p.displayName).toBe(true);
    return got;
  };

  beforeAll(async () => {
    app = await startTestChorus();
    token = await signInAs(app, comms.id);
  });
  afterAll(() => app.close());

  it('applies each filter alone', async () => {
    expect((await check({})).total).toBe(org.length);
    expect((await check({ departments: ['IT'] })).total).toBeGreaterThan(40);
    expect((await check({ locations: ['Aarhus'] })).total).toBeGreaterThan(20);
    expect((await check({ titleWords: ['engineer'] })).total).toBeGreaterThan(20);
    // "eng" is a prefix of Engineer and Engineering; "neer" starts no word.
    await check({ titleWords: ['ENG'] });
    expect((await check({ titleWords: ['neer'] })).total).toBe(0);
    expect((await check({ managerId: cio.id, includeSubtree: false })).total).toBe(
      org.filter((p) => p.managerId === cio.id).length,
    );
    expect((await check({ managerId: cio.id })).total).toBe(59);
    expect((await check({ languages: ['en'] })).total).toBeGreaterThan(10);
    expect((await check({ languages: ['da'] })).total).toBeGreaterThan(300);
    expect((await check({ languages: ['da', 'en'] })).total).toBe(org.length);
    expect((await check({ departments: ['Nowhere'] })).total).toBe(0);
  });

  it('ORs values within a field and ANDs the fields', async () => {
    const it_ = (await check({ departments: ['IT'] })).total;
    const eng = (await check({ departments: ['Engineering'] })).total;
    expect((await check({ departments: ['IT', 'Engineering'] })).total).toBe(it_ + eng);
    const both = await check({ departments: ['IT', 'Engineering'], locations: ['København'] });
    expect(both.total).toBeLessThan(it_ + eng);
    expect(both.sample.every((p) => p.officeLocation === 'København')).toBe(true);
    await check({
      departments: ['IT', 'Engineering', 'Field Operations'],
      locations: ['Aarhus', 'Odense'],
      titleWords: ['engineer', 'tech'],
      languages: ['da'],
    });
    await check({ managerId: cio.id, titleWords: ['developer', 'cloud'], languages: ['en'] });
  });

  it('shows the same sample for the same rules, in a fixed order', async () => {
    const a = await preview({ departments: ['Customer Service'] });
    const b = await preview({ departments: ['Customer Service'] });
    expect(b.sample.map((p) => p.id)).toEqual(a.sample.map((p) => p.id));
  });

  it('follows the subtree down twelve levels and no further', async () => {
    // A chain of 14 people under one new manager, each reporting to the one before.
    const tenantId = app.tenantId;
    await run(sql`
      insert into people (tenant_id, id, display_name, manager_id, job_title, department)
      select ${tenantId}, 'chain-' || i, 'Chain ' || i,
        case when i = 0 then null else 'chain-' || (i - 1) end, 'Chain Link', 'Chain'
      from generate_series(0, 14) i`);
    const deep = await preview({ managerId: 'chain-0' });
    expect(deep.total).toBe(12);
    expect(deep.sample.map((p) => p.id)).not.toContain('chain-13');
    expect((await preview({ managerId: 'chain-0', includeSubtree: false })).total).toBe(1);
    // A cycle in bad org data (chain-0 → 1 → 2 → 0) ends at the depth limit: chain-0 to chain-12.
    await run(sql`update people set manager_id = 'chain-2' where tenant_id = ${tenantId} and id = 'chain-0'`);
    expect((await preview({ managerId: 'chain-0' })).total).toBe(13);
    await run(sql`delete from people where tenant_id = ${tenantId} and id like 'chain-%'`);
  });

  it('leaves out disabled accounts and current ambassadors, in the preview and the facets', async () => {
    const tenantId = app.tenantId;
    const it_ = org.filter((p) => p.department === 'IT');
    const disabled = it_[3]!;
    const member = it_[4]!;
    await run(
      sql`update people set account_enabled = false where tenant_id = ${tenantId} and id = ${disabled.id}`,
    );
    await run(sql`
      insert into memberships (tenant_id, person_id, guidelines_version, networks, topics, source)
      values (${tenantId}, ${member.id}, 1, array['linkedin'], array[]::text[], 'tab')`);
    try {
      const got = await check({ departments: ['IT'] }, new Set([disabled.id, member.id]));
      expect(got.total).toBe(it_.length - 2);
      const facets = (await (
        await app.api('/api/admin/audience/facets', { token })
      ).json()) as AudienceFacets;
      const count = (list: AudienceFacets['departments'], value: string) =>
        list.find((f) => f.value === value)?.count;
      // Facets count enabled people (members included: they are still in the directory).
      expect(count(facets.departments, 'IT')).toBe(it_.length - 1);
      expect(count(facets.departments, 'Engineering')).toBe(
        org.filter((p) => p.department === 'Engineering').length,
      );
      const locations = new Set(org.map((p) => p.officeLocation));
      expect(facets.locations.map((f) => f.value).sort()).toEqual([...locations].sort());
      const total = facets.locations.reduce((s, f) => s + f.count, 0);
      expect(total).toBe(org.length - 1);
    } finally {
      await run(
        sql`update people set account_enabled = true where tenant_id = ${tenantId} and id = ${disabled.id}`,
      );
      await run(sql`delete from memberships where tenant_id = ${tenantId} and person_id = ${member.id}`);
    }
  });

  it("leaves out people who declined, for that campaign's preview only", async () => {
    const create = async (name: string) => {
      const res = await app.api('/api/admin/campaigns', {
        method: 'POST',
        token,
        json: {
          name,
          pitch: { en: { why: 'Because', effort: '30 minutes a week', support: 'Workshops' } },
          startsAt: new Date(Date.now() - 86_400_000).toISOString(),
          endsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
          goalAmbassadors: 8,
          audience: { departments: ['Finance'] },
        },
      });
      expect(res.status).toBe(201);
      return (await res.json()) as CampaignView;
    };
    const a = await create('A');
    const b = await create('B');
    const finance = org.filter((p) => p.department === 'Finance');
    const decliner = finance[2]!;
    const res = await app.api(`/api/campaigns/${a.id}/decline`, {
      method: 'POST',
      token: await signInAs(app, decliner.id),
    });
    expect(res.status).toBe(204);
    expect((await preview({ departments: ['Finance'] }, a.id)).total).toBe(finance.length - 1);
    expect((await preview({ departments: ['Finance'] }, b.id)).total).toBe(finance.length);
    expect((await preview({ departments: ['Finance'] })).total).toBe(finance.length);
    // An unknown campaign is a 404, not a silent preview without exclusions.
    const unknown = await app.api('/api/admin/audience/preview?campaignId=nope', {
      method: 'POST',
      token,
      json: {},
    });
    expect(unknown.status).toBe(404);
  });

  it('refuses bad filters with a 400 naming each field', async () => {
    const res = await app.api('/api/admin/audience/preview', {
      method: 'POST',
      token,
      json: { departments: 'IT', titleWords: ['x'], languages: ['fr'], colour: 'blue' },
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; problems: { field: string }[] } };
    expect(body.error.code).toBe('VALIDATION_FAILED');
    const fields = body.error.problems.map((p) => p.field);
    expect(fields).toEqual(
      expect.arrayContaining(['body.departments', 'body.titleWords.0', 'body.languages.0']),
    );
  });
});
