import { and, eq, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import { isOnboardingStep, type OnboardingStep } from '../domain/onboarding';
import type { OnboardingProgress, OnboardingRepository } from '../ports/onboarding';
import { rowsOf, type Db } from './database';
import { memberships, onboardingProgress } from './schema';

const columns = {
  personId: onboardingProgress.personId,
  flowVersion: onboardingProgress.flowVersion,
  run: onboardingProgress.run,
  step: onboardingProgress.step,
  startedAt: onboardingProgress.startedAt,
  updatedAt: onboardingProgress.updatedAt,
  completedAt: onboardingProgress.completedAt,
};

type Row = Omit<OnboardingProgress, 'step'> & { step: string };

function toProgress(row: Row): OnboardingProgress {
  // A step no longer in the script (an older flow version) reads as the start; the card check then
  // sees the old flow version and answers such cards as old.
  const step: OnboardingStep = isOnboardingStep(row.step) ? row.step : 'welcome';
  return { ...row, step };
}

/** Onboarding progress in Postgres. Every change is one statement, so two instances cannot collide. */
export function createOnboardingStore(db: Db): OnboardingRepository {
  const where = (tenantId: string, personId: string) =>
    and(eq(onboardingProgress.tenantId, tenantId), eq(onboardingProgress.personId, personId));

  return {
    async get(tenantId, personId) {
      const rows = await db.select(columns).from(onboardingProgress).where(where(tenantId, personId));
      return rows[0] ? toProgress(rows[0]) : null;
    },

    async startIfAbsent(tenantId, personId, input) {
      const inserted = await db
        .insert(onboardingProgress)
        .values({
          tenantId,
          personId,
          flowVersion: input.flowVersion,
          run: 1,
          step: input.step,
          startedAt: input.now,
          updatedAt: input.now,
        })
        .onConflictDoNothing()
        .returning(columns);
      if (inserted[0]) return { progress: toProgress(inserted[0]), created: true };
      const rows = await db.select(columns).from(onboardingProgress).where(where(tenantId, personId));
      return { progress: toProgress(rows[0]!), created: false };
    },

    async restart(tenantId, personId, input) {
      const rows = await db
        .insert(onboardingProgress)
        .values({
          tenantId,
          personId,
          flowVersion: input.flowVersion,
          run: 1,
          step: input.step,
          startedAt: input.now,
          updatedAt: input.now,
        })
        .onConflictDoUpdate({
          target: [onboardingProgress.tenantId, onboardingProgress.personId],
          set: {
            flowVersion: input.flowVersion,
            run: sql`${onboardingProgress.run} + 1`,
            step: input.step,
            startedAt: input.now,
            updatedAt: input.now,
            completedAt: null,
          },
        })
        .returning(columns);
      return toProgress(rows[0]!);
    },

    async advance(tenantId, personId, input) {
      const rows = await db
        .update(onboardingProgress)
        .set({
          step: input.to,
          updatedAt: input.now,
          ...(input.to === 'done' ? { completedAt: input.now } : {}),
        })
        .where(
          and(
            where(tenantId, personId),
            eq(onboardingProgress.step, input.from),
            eq(onboardingProgress.run, input.run),
            eq(onboardingProgress.flowVersion, input.flowVersion),
          ),
        )
        .returning(columns);
      return rows[0] ? toProgress(rows[0]) : null;
    },

    async delete(tenantId, personId) {
      await db.delete(onboardingProgress).where(where(tenantId, personId));
    },

    async counts(tenantId, input) {
      const byStep = await db
        .select({ step: onboardingProgress.step, n: sql<number>`count(*)::int` })
        .from(onboardingProgress)
        .where(and(eq(onboardingProgress.tenantId, tenantId), isNull(onboardingProgress.completedAt)))
        .groupBy(onboardingProgress.step);
      const [stalled] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(onboardingProgress)
        .where(
          and(
            eq(onboardingProgress.tenantId, tenantId),
            isNull(onboardingProgress.completedAt),
            lt(onboardingProgress.updatedAt, input.stalledBefore),
          ),
        );
      const completed = rowsOf<{ n: number; median: number | string | null }>(
        await db.execute(sql`
          select count(*)::int as n,
                 percentile_cont(0.5) within group (
                   order by extract(epoch from (${onboardingProgress.completedAt} - ${onboardingProgress.startedAt})) / 86400.0
                 ) as median
          from ${onboardingProgress}
          where ${and(eq(onboardingProgress.tenantId, tenantId), isNotNull(onboardingProgress.completedAt))}
        `),
      )[0];
      const atStep: Partial<Record<OnboardingStep, number>> = {};
      for (const row of byStep) {
        if (isOnboardingStep(row.step)) atStep[row.step] = (atStep[row.step] ?? 0) + row.n;
      }
      return {
        atStep,
        completed: completed?.n ?? 0,
        stalled: stalled?.n ?? 0,
        medianDaysToComplete:
          completed?.median === null || completed?.median === undefined ? null : Number(completed.median),
      };
    },

    async setMembershipChoices(tenantId, personId, choices) {
      const rows = await db
        .update(memberships)
        .set({ networks: choices.networks, topics: choices.topics })
        .where(and(eq(memberships.tenantId, tenantId), eq(memberships.personId, personId)))
        .returning({ personId: memberships.personId });
      return rows.length > 0;
    },
  };
}
