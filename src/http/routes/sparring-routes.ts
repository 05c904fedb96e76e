import {
  ZCoachSettingsInput,
  ZSparringIdParams,
  ZSparringReplyInput,
  type CoachSettingsView,
  type MySparringRequests,
  type SparringQueue,
  type SparringRequestView,
} from '../../contracts';
import { describeFinding, type CoachSettings } from '../../domain/coach';
import { DISCLOSURE_MARK } from '../../domain/content';
import type { Language } from '../../domain/person';
import type { CoachSettingsStore } from '../../ports/coach-settings';
import type { SparringRequestRecord, SparringStore } from '../../ports/sparring';
import { answerSparringRequest } from '../../services/answer-sparring-request';
import { getCoachSettings } from '../../services/get-coach-settings';
import { listMySparringRequests } from '../../services/list-my-sparring-requests';
import { listSparringRequests } from '../../services/list-sparring-requests';
import { updateCoachSettings } from '../../services/update-coach-settings';
import { negotiateLanguage } from '../language';
import type { RouteRegistrar } from '../route';
import type { HttpDeps } from '../server';

/** What the sparring routes need beyond the usual. */
export interface SparringHttpDeps {
  sparring: SparringStore;
  coachSettings: CoachSettingsStore;
}

function presentSettings(settings: CoachSettings, updatedAt: Date | null): CoachSettingsView {
  return {
    companyName: settings.companyName,
    blockedTerms: settings.blockedTerms,
    requiredHashtags: settings.requiredHashtags,
    tone: settings.tone,
    emojiPolicy: settings.emojiPolicy,
    companyDomains: settings.companyDomains,
    suggestedHashtags: settings.suggestedHashtags ?? [],
    disclosureMarks: settings.disclosureMarks ?? DISCLOSURE_MARK,
    updatedAt: updatedAt?.toISOString() ?? null,
  };
}

/** A request with its findings in the reader's words; the asker's name only for comms. */
export function presentSparringRequest(
  request: SparringRequestRecord,
  options: { language: Language; now: Date; withName: boolean },
): SparringRequestView {
  const until = request.answeredAt ?? options.now;
  return {
    id: request.id,
    personName: options.withName ? request.personName : null,
    language: request.language,
    network: request.network,
    draft: request.draft,
    findings: request.findings.map((finding) => ({
      code: finding.code,
      severity: finding.severity,
      ...describeFinding(finding, options.language),
    })),
    status: request.status,
    reply: request.reply,
    createdAt: request.createdAt.toISOString(),
    answeredAt: request.answeredAt?.toISOString() ?? null,
    waitingMinutes: Math.max(0, Math.floor((until.getTime() - request.createdAt.getTime()) / 60_000)),
  };
}

/** Coach settings and the human sparring queue (comms), and the ambassador's own requests. */
export function registerSparringRoutes(r: RouteRegistrar, deps: HttpDeps & SparringHttpDeps) {
  r.add({
    method: 'GET',
    url: '/api/admin/coach-settings',
    access: ['comms'],
    async handler({ principal }) {
      const { settings, updatedAt } = await getCoachSettings(deps, { tenantId: principal!.tenantId });
      return presentSettings(settings, updatedAt);
    },
  });

  r.add({
    method: 'PUT',
    url: '/api/admin/coach-settings',
    access: ['comms'],
    body: ZCoachSettingsInput,
    async handler({ principal, body }) {
      const { settings, updatedAt } = await updateCoachSettings(deps, {
        tenantId: principal!.tenantId,
        actorId: principal!.personId,
        settings: body,
      });
      return presentSettings(settings, updatedAt);
    },
  });

  r.add({
    method: 'GET',
    url: '/api/admin/sparring',
    access: ['comms'],
    async handler({ principal, request }): Promise<SparringQueue> {
      const language = negotiateLanguage(request.headers['accept-language']);
      const queue = await listSparringRequests(deps, { tenantId: principal!.tenantId });
      return {
        requests: queue.requests.map((req) =>
          presentSparringRequest(req, { language, now: queue.now, withName: true }),
        ),
        stats: queue.stats,
      };
    },
  });

  r.add({
    method: 'POST',
    url: '/api/admin/sparring/:id/reply',
    access: ['comms'],
    params: ZSparringIdParams,
    body: ZSparringReplyInput,
    async handler({ principal, params, body, request }) {
      const language = negotiateLanguage(request.headers['accept-language']);
      const answered = await answerSparringRequest(deps, {
        tenantId: principal!.tenantId,
        actorId: principal!.personId,
        requestId: params.id,
        reply: body.reply,
      });
      return presentSparringRequest(answered, { language, now: deps.clock.now(), withName: true });
    },
  });

  r.add({
    method: 'GET',
    url: '/api/me/sparring',
    access: ['employee'],
    async handler({ principal, request }): Promise<MySparringRequests> {
      const language = negotiateLanguage(request.headers['accept-language']);
      const mine = await listMySparringRequests(deps, {
        tenantId: principal!.tenantId,
        personId: principal!.personId,
      });
      return {
        requests: mine.requests.map((req) =>
          presentSparringRequest(req, { language, now: mine.now, withName: false }),
        ),
      };
    },
  });
}
