import {
  ZChallengeInput,
  ZDrawInput,
  ZDrawVerifyInput,
  ZGamificationIdParams,
  ZGamificationSettingsInput,
  ZLeaderboardVisibilityInput,
  ZOwnPostInput,
  type ChallengeList,
  type ChallengeView,
  type DrawVerifyResult,
  type DrawView,
  type GamificationSettingsView,
  type Leaderboard,
  type MyPoints,
} from '../../contracts';
import type { GamificationSettings } from '../../domain/gamification';
import { msg, render } from '../../domain/messages';
import type { Language } from '../../domain/person';
import type { DrawRecord, DrawWinnerRecord, GamificationStore } from '../../ports/gamification';
import { createChallenge } from '../../services/create-challenge';
import { getGamificationSettings } from '../../services/get-gamification-settings';
import { getLeaderboard } from '../../services/get-leaderboard';
import { getMyPoints } from '../../services/get-my-points';
import { getPrizeDraw } from '../../services/get-prize-draw';
import { challengeStatus, listChallenges, type ChallengeSummary } from '../../services/list-challenges';
import { reportOwnPost } from '../../services/report-own-post';
import { runPrizeDraw } from '../../services/run-prize-draw';
import { setLeaderboardVisibility } from '../../services/set-leaderboard-visibility';
import { updateGamificationSettings } from '../../services/update-gamification-settings';
import { verifyPrizeDraw } from '../../services/verify-prize-draw';
import { negotiateLanguage } from '../language';
import type { RouteRegistrar } from '../route';
import type { HttpDeps } from '../server';

/** What the gamification routes need beyond the usual. */
export interface GamificationHttpDeps {
  gamification: GamificationStore;
}

function presentSettings(settings: GamificationSettings, updatedAt: Date | null): GamificationSettingsView {
  return {
    enabled: settings.enabled,
    points: { ...settings.points },
    leaderboard: settings.leaderboard,
    individualLeaderboard: settings.individualLeaderboard,
    badges: settings.badges,
    updatedAt: updatedAt?.toISOString() ?? null,
  };
}

function presentChallenge(c: ChallengeSummary): ChallengeView {
  return {
    id: c.id,
    title: c.title,
    description: c.description,
    hashtag: c.hashtag,
    startsAt: c.startsAt.toISOString(),
    endsAt: c.endsAt.toISOString(),
    threshold: c.threshold,
    ticketRule: c.ticketRule,
    status: c.status,
    drawIds: c.drawIds,
    progress: c.progress,
  };
}

/** A draw as published; winners' names only when `withNames` (comms). */
function presentDraw(
  draw: DrawRecord,
  options: { challengeTitle: string; winners: DrawWinnerRecord[]; withNames: boolean; language: Language },
): DrawView {
  return {
    id: draw.id,
    challengeId: draw.challengeId,
    challengeTitle: options.challengeTitle,
    seed: draw.seed,
    ticketRule: draw.ticketRule,
    winnerCount: draw.winnerCount,
    excludePastWinners: draw.excludePastWinners,
    entries: draw.entries.map((e) => ({ entrant: e.entrant, tickets: e.tickets })),
    winners: options.winners.map((w) => ({
      entrant: w.entrant,
      position: w.position,
      name: options.withNames ? w.displayName : null,
    })),
    drawnAt: draw.drawnAt.toISOString(),
    howToVerify: render(msg('drawHowToVerify'), options.language),
  };
}

/** The gamification routes of the program cockpit (issue 6). */
export function registerGamificationRoutes(r: RouteRegistrar, deps: HttpDeps & GamificationHttpDeps) {
  r.add({
    method: 'GET',
    url: '/api/admin/gamification',
    access: ['comms'],
    async handler({ principal }) {
      const { settings, updatedAt } = await getGamificationSettings(deps, { tenantId: principal!.tenantId });
      return presentSettings(settings, updatedAt);
    },
  });

  r.add({
    method: 'PUT',
    url: '/api/admin/gamification',
    access: ['comms'],
    body: ZGamificationSettingsInput,
    async handler({ principal, body }) {
      const { settings, updatedAt } = await updateGamificationSettings(deps, {
        tenantId: principal!.tenantId,
        actorId: principal!.personId,
        settings: body,
      });
      return presentSettings(settings, updatedAt);
    },
  });

  r.add({
    method: 'GET',
    url: '/api/me/points',
    access: ['employee'],
    async handler({ principal }): Promise<MyPoints> {
      return getMyPoints(deps, { tenantId: principal!.tenantId, personId: principal!.personId });
    },
  });

  r.add({
    method: 'PUT',
    url: '/api/me/leaderboard',
    access: ['employee'],
    body: ZLeaderboardVisibilityInput,
    async handler({ principal, body }) {
      return setLeaderboardVisibility(deps, {
        tenantId: principal!.tenantId,
        personId: principal!.personId,
        show: body.show,
      });
    },
  });

  r.add({
    method: 'GET',
    url: '/api/leaderboard',
    access: ['employee'],
    async handler({ principal }): Promise<Leaderboard> {
      return getLeaderboard(deps, { tenantId: principal!.tenantId, personId: principal!.personId });
    },
  });

  r.add({
    method: 'POST',
    url: '/api/me/own-posts',
    access: ['employee'],
    body: ZOwnPostInput,
    async handler({ principal, body, reply }) {
      await reportOwnPost(deps, {
        tenantId: principal!.tenantId,
        personId: principal!.personId,
        url: body.url ?? null,
      });
      reply.code(201);
      return { recorded: true };
    },
  });

  r.add({
    method: 'GET',
    url: '/api/admin/challenges',
    access: ['comms'],
    async handler({ principal }): Promise<ChallengeList> {
      const list = await listChallenges(deps, { tenantId: principal!.tenantId, personId: null });
      return { challenges: list.map(presentChallenge) };
    },
  });

  r.add({
    method: 'POST',
    url: '/api/admin/challenges',
    access: ['comms'],
    body: ZChallengeInput,
    async handler({ principal, body, reply }) {
      const created = await createChallenge(deps, {
        tenantId: principal!.tenantId,
        actorId: principal!.personId,
        challenge: { ...body, startsAt: new Date(body.startsAt), endsAt: new Date(body.endsAt) },
      });
      const view = presentChallenge({
        ...created,
        status: challengeStatus(created, deps.clock.now()),
        drawIds: [],
        progress: null,
      });
      reply.code(201);
      return view;
    },
  });

  r.add({
    method: 'GET',
    url: '/api/challenges',
    access: ['employee'],
    async handler({ principal }): Promise<ChallengeList> {
      const list = await listChallenges(deps, {
        tenantId: principal!.tenantId,
        personId: principal!.personId,
      });
      return { challenges: list.map(presentChallenge) };
    },
  });

  r.add({
    method: 'POST',
    url: '/api/admin/challenges/:id/draws',
    access: ['comms'],
    params: ZGamificationIdParams,
    body: ZDrawInput,
    async handler({ principal, params, body, request, reply }) {
      const draw = await runPrizeDraw(deps, {
        tenantId: principal!.tenantId,
        actorId: principal!.personId,
        challengeId: params.id,
        winnerCount: body.winnerCount,
        excludePastWinners: body.excludePastWinners,
        seed: body.seed,
        earlierDraws: body.earlierDraws,
      });
      const published = await getPrizeDraw(deps, { tenantId: principal!.tenantId, drawId: draw.id });
      const view = presentDraw(published.draw, {
        challengeTitle: published.challengeTitle,
        winners: published.winners,
        withNames: true,
        language: negotiateLanguage(request.headers['accept-language']),
      });
      reply.code(201);
      return view;
    },
  });

  r.add({
    method: 'GET',
    url: '/api/draws/:id',
    access: ['employee'],
    params: ZGamificationIdParams,
    async handler({ principal, params, roles, request }): Promise<DrawView> {
      const published = await getPrizeDraw(deps, { tenantId: principal!.tenantId, drawId: params.id });
      return presentDraw(published.draw, {
        challengeTitle: published.challengeTitle,
        winners: published.winners,
        withNames: roles.includes('comms'),
        language: negotiateLanguage(request.headers['accept-language']),
      });
    },
  });

  r.add({
    method: 'POST',
    url: '/api/draws/verify',
    access: ['employee'],
    body: ZDrawVerifyInput,
    async handler({ body }): Promise<DrawVerifyResult> {
      return verifyPrizeDraw(body);
    },
  });
}
