import { sql, type SQL } from 'drizzle-orm';
import type { AudienceFilter } from '../contracts/recruitment';
import { MAX_SUBTREE_DEPTH, normaliseAudience, titleMatches, titlePrefixes } from '../domain/audience';
import type { AudienceMember, AudienceReader } from '../ports/campaigns';
import { rowsOf, type Db } from './database';

// The audience rules of src/domain/audience.ts, in SQL, so a directory of 100,000 people is filtered
// by the database in one statement (docs/design/recruitment.md §7). Every rule here has its twin there.

/**
 * The common table expressions `subtree` (only with a manager filter) and `audience`: the enabled
 * people the filter selects, minus members and (with a campaign) people who declined that campaign.
 * Put them after `with recursive`. `audience` has id, display_name, job_title, department and
 * office_location.
 */
export function audienceCtes(
  tenantId: string,
  filter: AudienceFilter,
  campaignId: string | null,
  /**
   * The tenant's job titles that match the filter's title words, when the caller already knows them
   * (the preview, from its cache of distinct titles): a set lookup per row instead of a regex.
   */
  matchingTitles?: readonly string[],
): SQL {
  const f = normaliseAudience(filter);
  // The subtree's rows are the tenant's already; people p is filtered by tenant here.
  const where: SQL[] = [
    f.managerId !== null && f.includeSubtree ? sql`true` : sql`p.tenant_id = ${tenantId}`,
    sql`p.account_enabled`,
  ];
  if (f.departments.length > 0) where.push(sql`p.department = any(${sql.param(f.departments)}::text[])`);
  if (f.locations.length > 0) where.push(sql`p.office_location = any(${sql.param(f.locations)}::text[])`);
  if (f.titleWords.length > 0 && matchingTitles) {
    where.push(
      matchingTitles.length === 0
        ? sql`false`
        : sql`p.job_title = any(${sql.param([...matchingTitles])}::text[])`,
    );
  } else if (f.titleWords.length > 0) {
    // A word of the title starts with a prefix: at the start, or after a character that is not a
    // letter or digit; case-insensitive. The prefixes hold only letters, digits and single spaces, so
    // they carry no regular-expression syntax. One regex is much cheaper per row than lower() with
    // translate() and LIKE (it matters at 100,000 people).
    const prefixes = titlePrefixes(f.titleWords).map((p) => p.split(' ').join('[^[:alnum:]]+'));
    where.push(
      prefixes.length === 0 ? sql`false` : sql`p.job_title ~* ${`(^|[^[:alnum:]])(${prefixes.join('|')})`}`,
    );
  }
  if (f.languages.length === 1) {
    // No language counts as Danish; "da", "da-DK" (any case, - or _) is Danish; anything else English.
    const danish = sql`(p.preferred_language is null or p.preferred_language = ''
      or lower(left(p.preferred_language, 3)) in ('da', 'da-', 'da_'))`;
    where.push(f.languages[0] === 'da' ? danish : sql`not ${danish}`);
  }
  let source = sql`people p`;
  let subtree = sql``;
  if (f.managerId !== null) {
    if (f.includeSubtree) {
      // Walks people_manager_idx level by level, carrying the columns the rules and the preview need,
      // so no person is looked up twice; the depth bound also ends a cycle in bad org data (whose
      // repeats `distinct on` removes).
      const columns = sql`r.id, r.display_name, r.job_title, r.department, r.office_location, r.preferred_language, r.account_enabled`;
      subtree = sql`subtree as (
          select ${columns}, 1 as depth from people r
          where r.tenant_id = ${tenantId} and r.manager_id = ${f.managerId}
          union all
          select ${columns}, s.depth + 1 from subtree s
          join people r on r.tenant_id = ${tenantId} and r.manager_id = s.id
          where s.depth < ${MAX_SUBTREE_DEPTH}
        ), `;
      source = sql`(select distinct on (id) * from subtree) p`;
    } else {
      where.push(sql`p.manager_id = ${f.managerId}`);
    }
  }
  where.push(
    sql`not exists (select 1 from memberships m where m.tenant_id = ${tenantId} and m.person_id = p.id)`,
  );
  if (campaignId !== null) {
    where.push(sql`not exists (
        select 1 from campaign_audience_members d
        where d.tenant_id = ${tenantId} and d.campaign_id = ${campaignId} and d.person_id = p.id
          and d.declined_at is not null)`);
    where.push(sql`not exists (
        select 1 from invitations di
        where di.tenant_id = ${tenantId} and di.campaign_id = ${campaignId} and di.person_id = p.id
          and di.status = 'declined')`);
  }
  return sql`${subtree}audience as (
      select p.id, p.display_name, p.job_title, p.department, p.office_location
      from ${source}
      where ${sql.join(where, sql` and `)}
    )`;
}

interface AudienceRow {
  id: string;
  display_name: string;
  job_title: string | null;
  department: string | null;
  office_location: string | null;
}

const toMember = (r: AudienceRow): AudienceMember => ({
  id: r.id,
  displayName: r.display_name,
  jobTitle: r.job_title,
  department: r.department,
  officeLocation: r.office_location,
});

/** How long the preview trusts its list of a tenant's job titles (they change with a directory sync). */
const TITLES_TTL_MS = 30_000;

/** The AudienceReader port over SQL. */
export function createAudienceReader(db: Db, now: () => number = Date.now): AudienceReader {
  // A tenant's distinct job titles: a few hundred even in a large directory. Comms refine a preview
  // many times in a row; matching the title words against this list (with the domain's own rule) and
  // then selecting people by exact title is several times cheaper than a regex over every person.
  // Only the preview uses it: a campaign's audience is stored from the regex in SQL, so a title
  // synced a moment ago is never missed when it counts.
  const titleCache = new Map<string, { at: number; titles: Promise<string[]> }>();
  const titlesOf = (tenantId: string): Promise<string[]> => {
    const cached = titleCache.get(tenantId);
    if (cached && now() - cached.at < TITLES_TTL_MS) return cached.titles;
    const titles = db
      .execute(
        sql`select distinct job_title from people where tenant_id = ${tenantId} and account_enabled and job_title is not null`,
      )
      .then((result) => rowsOf<{ job_title: string }>(result).map((r) => r.job_title));
    titleCache.set(tenantId, { at: now(), titles });
    titles.catch(() => titleCache.delete(tenantId));
    return titles;
  };
  return {
    async preview(tenantId, filter, options) {
      const prefixes = titlePrefixes(normaliseAudience(filter).titleWords);
      const matchingTitles =
        prefixes.length > 0
          ? (await titlesOf(tenantId)).filter((title) => titleMatches(title, prefixes))
          : undefined;
      // One statement: the audience's ids are computed once (a CTE used twice is materialised; only
      // the ids, so 100,000 of them stay in memory instead of spilling wide rows to disk: about a third
      // faster), counted, and sampled in a fixed, name-independent order (a hash of the id: the same
      // rules always show the same names). hashtext is far cheaper than md5 over 100,000 ids, and a
      // top-N sort needs no more memory than the sample. Only the sample's rows are read in full.
      const rows = rowsOf<Partial<AudienceRow> & { total: unknown }>(
        await db.execute(sql`
          with recursive ${audienceCtes(tenantId, filter, options.campaignId, matchingTitles)},
          ids as (select id from audience)
          select pp.id, pp.display_name, pp.job_title, pp.department, pp.office_location, t.total
          from (select count(*) as total from ids) t
          left join lateral (
            select id from ids order by hashtext(id), id limit ${options.sampleSize}
          ) s on true
          left join people pp on pp.tenant_id = ${tenantId} and pp.id = s.id
          order by hashtext(s.id), s.id`),
      );
      return {
        total: Number(rows[0]?.total ?? 0),
        sample: rows.filter((r): r is AudienceRow & { total: unknown } => !!r.id).map(toMember),
      };
    },

    async facets(tenantId) {
      const rows = rowsOf<{
        department: string | null;
        office_location: string | null;
        g: unknown;
        n: unknown;
      }>(
        await db.execute(sql`
          select department, office_location, grouping(department, office_location) as g, count(*) as n
          from people
          where tenant_id = ${tenantId} and account_enabled
          group by grouping sets ((department), (office_location))`),
      );
      const of = (g: number, value: (r: (typeof rows)[number]) => string | null) =>
        rows
          .filter((r) => Number(r.g) === g && value(r) !== null && value(r) !== '')
          .map((r) => ({ value: value(r)!, count: Number(r.n) }))
          .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
      // grouping() sets a bit for each column not grouped: 1 = by department, 2 = by location.
      return { departments: of(1, (r) => r.department), locations: of(2, (r) => r.office_location) };
    },
  };
}
