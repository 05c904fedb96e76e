import { and, asc, desc, eq, isNotNull, sql } from 'drizzle-orm';
import { DEFAULT_GAMIFICATION_SETTINGS, type GamificationSettings } from '../domain/gamification';
import { toLanguage } from '../domain/person';
import type {
  ChallengeRecord,
  DrawRecord,
  GamificationStore,
  MemberFacts,
  SaveDrawResult,
  StoredGamificationSettings,
} from '../ports/gamification';
import { rawFromSql } from './click-retention-store';
import { rowsOf, type Db } from './database';
import { challenges, drawWinners, gamificationSettings, memberships, people, prizeDraws } from './schema';

type SettingsRow = typeof gamificationSettings.$inferSelect;
type ChallengeRow = typeof challenges.$inferSelect;
type DrawRow = typeof prizeDraws.$inferSelect;

/**
 * The stored JSON over the defaults: a setting added later starts at its default (off) for tenants
 * who saved before it existed.
 */
function toSettings(row: SettingsRow): StoredGamificationSettings {
  const saved = row.settings as Partial<GamificationSettings>;
  const settings: GamificationSettings = {
    ...DEFAULT_GAMIFICATION_SETTINGS,
    ...saved,
    points: { ...DEFAULT_GAMIFICATION_SETTINGS.points, ...(saved.points ?? {}) },
  };
  return { settings, updatedBy: row.updatedBy, updatedAt: row.updatedAt };
}

function toChallenge(row: ChallengeRow): ChallengeRecord {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    hashtag: row.hashtag,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    threshold: row.threshold,
    ticketRule: row.ticketRule,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
  };
}

function toDraw(row: DrawRow): DrawRecord {
  return {
    id: row.id,
    challengeId: row.challengeId,
    seed: row.seed,
    ticketRule: row.ticketRule,
    winnerCount: row.winnerCount,
    excludePastWinners: row.excludePastWinners,
    entries: row.entries,
    winners: row.winners,
    drawnBy: row.drawnBy,
    drawnAt: row.drawnAt,
  };
}

interface FactsRow {
  person_id: string;
  display_name: string;
  department: string | null;
  show_on_leaderboard: boolean;
  onboarded: boolean;
  shares: number;
  clicks: number;
  sparring: number;
  own_posts: number;
  challenges_finished: number;
}

/** Gamification in Postgres: settings, challenges, prize draws, and the facts points come from. */
export function createGamificationStore(db: Db): GamificationStore {
  return {
    async getSettings(tenantId) {
      const rows = await db
        .select()
        .from(gamificationSettings)
        .where(eq(gamificationSettings.tenantId, tenantId));
      return rows[0] ? toSettings(rows[0]) : null;
    },

    async putSettings(tenantId, settings, change) {
      const values = {
        settings: { ...settings, points: { ...settings.points } } as Record<string, unknown>,
        updatedBy: change.updatedBy,
        updatedAt: change.at,
      };
      const rows = await db
        .insert(gamificationSettings)
        .values({ tenantId, ...values })
        .onConflictDoUpdate({ target: gamificationSettings.tenantId, set: values })
        .returning();
      return toSettings(rows[0]!);
    },

    async memberFacts(tenantId, now, personId) {
      // Correlated counts per member: each uses its table's (tenant_id, person_id, …) index. Only
      // members are read, and leaving nulls or deletes the facts, so points vanish with the person.
      const rawFrom = rawFromSql(tenantId);
      const rows = rowsOf<FactsRow>(
        await db.execute(sql`
          select m.person_id, coalesce(p.display_name, '') as display_name, p.department,
            m.show_on_leaderboard,
            (o.completed_at is not null) as onboarded,
            (select count(*)::int from shares s
              where s.tenant_id = m.tenant_id and s.person_id = m.person_id and s.status = 'shared') as shares,
            (select count(*)::int from click_events c
              where c.tenant_id = m.tenant_id and c.person_id = m.person_id
                and c.at >= ((${rawFrom})::timestamp at time zone 'UTC'))
            -- Days past the retention period are counted per link and day (click_days).
            + (select coalesce(sum(d.clicks), 0)::int from click_days d
              where d.tenant_id = m.tenant_id and d.person_id = m.person_id and d.day < ${rawFrom}) as clicks,
            (select count(*)::int from sparring_requests r
              where r.tenant_id = m.tenant_id and r.person_id = m.person_id) as sparring,
            (select count(*)::int from activity_events a
              where a.tenant_id = m.tenant_id and a.person_id = m.person_id and a.type = 'own_post_reported') as own_posts,
            (select count(*)::int from challenges ch
              where ch.tenant_id = m.tenant_id and ch.ends_at <= ${now}
                and (select count(*) from shares s2
                  where s2.tenant_id = m.tenant_id and s2.person_id = m.person_id and s2.status = 'shared'
                    and s2.shared_at >= ch.starts_at and s2.shared_at < ch.ends_at) >= ch.threshold
            ) as challenges_finished
          from memberships m
          left join people p on p.tenant_id = m.tenant_id and p.id = m.person_id
          left join onboarding_progress o on o.tenant_id = m.tenant_id and o.person_id = m.person_id
          where m.tenant_id = ${tenantId} ${personId === undefined ? sql`` : sql`and m.person_id = ${personId}`}
        `),
      );
      return rows.map((r): MemberFacts => ({
        personId: r.person_id,
        displayName: r.display_name,
        team: r.department,
        showOnLeaderboard: r.show_on_leaderboard,
        joined: true,
        onboarded: r.onboarded,
        shares: Number(r.shares),
        clicks: Number(r.clicks),
        sparring: Number(r.sparring),
        ownPosts: Number(r.own_posts),
        challengesFinished: Number(r.challenges_finished),
      }));
    },

    async setShowOnLeaderboard(tenantId, personId, show) {
      const rows = await db
        .update(memberships)
        .set({ showOnLeaderboard: show })
        .where(and(eq(memberships.tenantId, tenantId), eq(memberships.personId, personId)))
        .returning({ personId: memberships.personId });
      return rows.length > 0;
    },

    async createChallenge(tenantId, c) {
      await db.insert(challenges).values({ tenantId, ...c });
    },

    async listChallenges(tenantId) {
      const rows = await db
        .select()
        .from(challenges)
        .where(eq(challenges.tenantId, tenantId))
        .orderBy(desc(challenges.startsAt), asc(challenges.id));
      return rows.map(toChallenge);
    },

    async getChallenge(tenantId, id) {
      const rows = await db
        .select()
        .from(challenges)
        .where(and(eq(challenges.tenantId, tenantId), eq(challenges.id, id)));
      return rows[0] ? toChallenge(rows[0]) : null;
    },

    async sharesInPeriod(tenantId, period, personId) {
      const rows = rowsOf<{ person_id: string; shares: number }>(
        await db.execute(sql`
          select s.person_id, count(*)::int as shares
          from shares s
          join memberships m on m.tenant_id = s.tenant_id and m.person_id = s.person_id
          where s.tenant_id = ${tenantId} and s.status = 'shared'
            and s.shared_at >= ${period.startsAt} and s.shared_at < ${period.endsAt}
            ${personId === undefined ? sql`` : sql`and s.person_id = ${personId}`}
          group by s.person_id
          order by s.person_id`),
      );
      return rows.map((r) => ({ personId: r.person_id, shares: Number(r.shares) }));
    },

    async pastWinners(tenantId) {
      const rows = await db
        .selectDistinct({ personId: drawWinners.personId })
        .from(drawWinners)
        .where(and(eq(drawWinners.tenantId, tenantId), isNotNull(drawWinners.personId)));
      return new Set(rows.map((r) => r.personId!));
    },

    async saveDraw(tenantId, draw, winners, expected) {
      return db.transaction(async (tx): Promise<SaveDrawResult> => {
        // One draw of a challenge at a time, in every instance: the challenge row is the lock. Read
        // after taking it, the draws include any committed while this one waited, so a second draw
        // that expected the same number is refused here, before anyone is told they won.
        await tx.execute(
          sql`select 1 from challenges where tenant_id = ${tenantId} and id = ${draw.challengeId} for update`,
        );
        const stored = await tx
          .select({
            id: prizeDraws.id,
            drawnBy: prizeDraws.drawnBy,
            drawnAt: prizeDraws.drawnAt,
            drawnByName: people.displayName,
            draws: sql<number>`count(*) over ()`.mapWith(Number),
          })
          .from(prizeDraws)
          .leftJoin(people, and(eq(people.tenantId, prizeDraws.tenantId), eq(people.id, prizeDraws.drawnBy)))
          .where(and(eq(prizeDraws.tenantId, tenantId), eq(prizeDraws.challengeId, draw.challengeId)))
          .orderBy(desc(prizeDraws.drawnAt), desc(prizeDraws.id))
          .limit(1);
        const latest = stored[0] ?? null;
        const draws = latest?.draws ?? 0;
        if (draws !== expected.earlierDraws) {
          return {
            saved: false,
            draws,
            latest: latest && {
              id: latest.id,
              drawnBy: latest.drawnBy,
              drawnByName: latest.drawnByName,
              drawnAt: latest.drawnAt,
            },
          };
        }
        await tx.insert(prizeDraws).values({ tenantId, ...draw });
        if (winners.length > 0) {
          await tx.insert(drawWinners).values(winners.map((w) => ({ tenantId, drawId: draw.id, ...w })));
        }
        return { saved: true };
      });
    },

    async getDraw(tenantId, id) {
      const rows = await db
        .select()
        .from(prizeDraws)
        .where(and(eq(prizeDraws.tenantId, tenantId), eq(prizeDraws.id, id)));
      return rows[0] ? toDraw(rows[0]) : null;
    },

    async drawWinners(tenantId, drawId) {
      const rows = await db
        .select({
          entrant: drawWinners.entrant,
          position: drawWinners.position,
          personId: drawWinners.personId,
          displayName: people.displayName,
          preferredLanguage: people.preferredLanguage,
        })
        .from(drawWinners)
        .leftJoin(people, and(eq(people.tenantId, drawWinners.tenantId), eq(people.id, drawWinners.personId)))
        .where(and(eq(drawWinners.tenantId, tenantId), eq(drawWinners.drawId, drawId)))
        .orderBy(asc(drawWinners.position));
      return rows.map((r) => ({
        entrant: r.entrant,
        position: r.position,
        personId: r.personId,
        displayName: r.personId ? r.displayName : null,
        preferredLanguage: r.preferredLanguage ? toLanguage(r.preferredLanguage, 'da') : null,
      }));
    },

    async drawIdsByChallenge(tenantId) {
      const rows = await db
        .select({ id: prizeDraws.id, challengeId: prizeDraws.challengeId })
        .from(prizeDraws)
        .where(eq(prizeDraws.tenantId, tenantId))
        .orderBy(desc(prizeDraws.drawnAt), desc(prizeDraws.id));
      const byChallenge = new Map<string, string[]>();
      for (const r of rows) byChallenge.set(r.challengeId, [...(byChallenge.get(r.challengeId) ?? []), r.id]);
      return byChallenge;
    },

    async anonymise(tenantId, personId) {
      await db
        .update(drawWinners)
        .set({ personId: null })
        .where(and(eq(drawWinners.tenantId, tenantId), eq(drawWinners.personId, personId)));
    },
  };
}
