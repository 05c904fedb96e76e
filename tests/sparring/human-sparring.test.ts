import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { MySparringRequests, SparringQueue, SparringRequestView } from '../../src/contracts';
import { sparringRequests } from '../../src/db/schema';
import { demoCommsAdmins, generateDemoOrg } from '../../src/demo/demo-org';
import type { Person } from '../../src/domain/person';
import { createOutboxStore } from '../../src/db/outbox-store';
import { startBotConnector, cardTexts, type BotConnector } from '../fakes/bot-connector';
import { signInAs, startTestChorus, type TestChorus } from '../support/chorus';
import {
  chatOf,
  danish,
  english,
  messageActivity,
  otherDanish,
  postActivity,
  teamsActivity,
} from '../support/bot';
import { expectTeamsCard } from '../support/teams-cards';

const org = generateDemoOrg();
const commsUpns = new Set(demoCommsAdmins(org));
const comms = org.find((p) => commsUpns.has(p.userPrincipalName!.toLowerCase()))!;

const DRAFT =
  'I work at Nordlys Energi, and this morning I watched our night shift hand over the grid to the day team.\n\nIt was calm, precise and kind. #NordlysEnergi #grid #energy';

describe('human sparring: Ask comms → the queue in Admin → the reply in the ambassador’s chat', () => {
  let app: TestChorus;
  let connector: BotConnector;
  beforeAll(async () => {
    connector = await startBotConnector();
    app = await startTestChorus({ BOT_SERVICE_URL: connector.serviceUrl });
  });
  afterAll(async () => {
    await app.close();
    await connector.close();
  });

  const repliesTo = (activity: Record<string, unknown>) =>
    connector.sent.filter((s) => s.replyToId === activity['id']);

  async function feedbackCard(person: Person, text: string) {
    const msg = messageActivity(app, connector.serviceUrl, person, text);
    expect((await postActivity(app, msg)).status).toBe(200);
    const [reply] = repliesTo(msg);
    const card = reply!.activity.attachments![0]!.content as {
      actions: { type: string; data?: Record<string, unknown> }[];
    };
    expectTeamsCard(card);
    return { reply: reply!, card };
  }

  async function submitCard(person: Person, value: Record<string, unknown>) {
    const activity = teamsActivity(app, connector.serviceUrl, person, { type: 'message', value });
    expect((await postActivity(app, activity)).status).toBe(200);
    return repliesTo(activity);
  }

  it('runs the whole round trip once, and refuses a second answer', async () => {
    // The ambassador pastes a draft and gets the coach's card at once, in their language.
    const { reply, card } = await feedbackCard(english, DRAFT);
    expect(cardTexts(reply.activity)[0]).toBe('Feedback on your draft');
    const ask = card.actions.find((a) => a.type === 'Action.Submit')!.data!;
    expect(ask).toMatchObject({ chorus: 'askComms', draft: DRAFT, network: 'linkedin' });

    // "Ask comms", twice (a double click): one request.
    const first = await submitCard(english, ask);
    expect(first[0]!.activity.text).toMatch(/^Sent to comms\./);
    const second = await submitCard(english, ask);
    expect(second[0]!.activity.text).toMatch(/already with comms/);
    const rows = await app.database.db
      .select()
      .from(sparringRequests)
      .where(and(eq(sparringRequests.tenantId, app.tenantId), eq(sparringRequests.personId, english.id)));
    expect(rows).toHaveLength(1);

    // Comms sees it in the queue, with the name, the findings in words and the waiting time.
    const commsToken = await signInAs(app, comms.id);
    const queue = (await (
      await app.api('/api/admin/sparring', { token: commsToken })
    ).json()) as SparringQueue;
    const request = queue.requests.find((r) => r.draft === DRAFT)!;
    expect(request).toMatchObject({
      personName: english.displayName,
      status: 'open',
      reply: null,
      network: 'linkedin',
    });
    expect(request.findings.length).toBeGreaterThan(0);
    for (const f of request.findings) expect(f.reason.length).toBeGreaterThan(10);
    expect(queue.stats.openCount).toBe(1);
    expect(queue.stats.openMedianMinutes).toBe(0);

    // The ambassador sees it as open.
    const ambassadorToken = await signInAs(app, english.id);
    const mineBefore = (await (
      await app.api('/api/me/sparring', { token: ambassadorToken })
    ).json()) as MySparringRequests;
    expect(mineBefore.requests.map((r) => [r.status, r.personName])).toEqual([['open', null]]);

    // Comms answers.
    const replyText = 'Lovely opening. Maybe name the team lead, with her consent?';
    const answered = await app.api(`/api/admin/sparring/${request.id}/reply`, {
      method: 'POST',
      token: commsToken,
      json: { reply: replyText },
    });
    expect(answered.status).toBe(200);
    expect(((await answered.json()) as SparringRequestView).status).toBe('answered');

    const again = await app.api(`/api/admin/sparring/${request.id}/reply`, {
      method: 'POST',
      token: commsToken,
      json: { reply: 'A second answer' },
      headers: { 'accept-language': 'da' },
    });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { message: string } }).error.message).toMatch(
      /allerede besvaret/,
    );

    // The reply goes through the outbox to the ambassador's 1:1 chat, in their language.
    const key = `sparring-reply:${request.id}`;
    // Queued with the answer; the outbox worker may already have picked it up on a busy machine.
    expect(['queued', 'sending', 'sent']).toContain(
      await createOutboxStore(app.database.db).stateOf(app.tenantId, key),
    );
    await app.worker.drain();
    // The bot has no stored chat with this person yet (no install event): it creates the 1:1 chat.
    const chat = connector.created.find((c) => JSON.stringify(c.parameters).includes(english.id))?.id;
    const delivered = connector.sent.filter(
      (s) => [chatOf(english), chat].includes(s.conversationId) && cardTexts(s.activity).includes(replyText),
    );
    expect(delivered).toHaveLength(1);
    expect(cardTexts(delivered[0]!.activity)[0]).toBe('Comms answered your sparring request');
    expectTeamsCard(delivered[0]!.activity.attachments![0]!.content as Record<string, unknown>);
    expect(await createOutboxStore(app.database.db).stateOf(app.tenantId, key)).toBe('sent');

    // Answered for both sides; the waiting time is measured.
    const mineAfter = (await (
      await app.api('/api/me/sparring', { token: ambassadorToken })
    ).json()) as MySparringRequests;
    expect(mineAfter.requests[0]).toMatchObject({ status: 'answered', reply: replyText });
    const after = (await (
      await app.api('/api/admin/sparring', { token: commsToken })
    ).json()) as SparringQueue;
    expect(after.stats).toMatchObject({ openCount: 0, answeredCount: 1, answeredMedianMinutes: 0 });
  });

  it('shows each person only their own requests, and the queue only to comms', async () => {
    const { card } = await feedbackCard(danish, `spar ${DRAFT.replace('I work', 'Jeg arbejder')}`);
    await submitCard(danish, card.actions.find((a) => a.type === 'Action.Submit')!.data!);
    const danishToken = await signInAs(app, danish.id);
    const mine = (await (
      await app.api('/api/me/sparring', { token: danishToken })
    ).json()) as MySparringRequests;
    expect(mine.requests).toHaveLength(1);
    expect(mine.requests[0]!.draft).toMatch(/^Jeg arbejder/);
    // Findings in the reader's language.
    const da = (await (
      await app.api('/api/me/sparring', { token: danishToken, headers: { 'accept-language': 'da' } })
    ).json()) as MySparringRequests;
    const en = (await (
      await app.api('/api/me/sparring', { token: danishToken, headers: { 'accept-language': 'en' } })
    ).json()) as MySparringRequests;
    expect(da.requests[0]!.findings[0]!.reason).not.toBe(en.requests[0]!.findings[0]!.reason);

    for (const [method, url] of [
      ['GET', '/api/admin/sparring'],
      ['POST', `/api/admin/sparring/${1}/reply`],
      ['GET', '/api/admin/coach-settings'],
    ] as const) {
      const res = await app.api(url, {
        method,
        token: danishToken,
        ...(method === 'POST' ? { json: { reply: 'x' } } : {}),
      });
      expect(res.status).toBe(403);
      expect(await app.api(url, { method })).toHaveProperty('status', 401);
    }
  });

  it('deletes the person’s sparring requests when they leave the program (drafts are theirs)', async () => {
    const token = await signInAs(app, otherDanish.id);
    const program = (await (await app.api('/api/program', { token })).json()) as {
      guidelines: { version: number };
    };
    const joined = await app.api('/api/membership', {
      method: 'POST',
      token,
      json: { guidelinesVersion: program.guidelines.version, networks: ['linkedin'] },
    });
    expect(joined.status).toBe(201);
    const { card } = await feedbackCard(otherDanish, `spar ${DRAFT}`);
    await submitCard(otherDanish, card.actions.find((a) => a.type === 'Action.Submit')!.data!);
    const mine = async () =>
      ((await (await app.api('/api/me/sparring', { token })).json()) as MySparringRequests).requests;
    const [request] = await mine();
    expect(request).toBeDefined();
    // Comms answers, but the person leaves before the reply is sent: nothing personal is delivered.
    const commsToken = await signInAs(app, comms.id);
    const answered = await app.api(`/api/admin/sparring/${request!.id}/reply`, {
      method: 'POST',
      token: commsToken,
      json: { reply: 'Nice one' },
    });
    expect(answered.status).toBe(200);
    expect((await app.api('/api/membership', { method: 'DELETE', token })).status).toBe(204);
    expect(await mine()).toEqual([]);
    await app.worker.drain();
    expect(
      await createOutboxStore(app.database.db).stateOf(app.tenantId, `sparring-reply:${request!.id}`),
    ).toBe('cancelled');
    const rows = await app.database.db
      .select()
      .from(sparringRequests)
      .where(and(eq(sparringRequests.tenantId, app.tenantId), eq(sparringRequests.personId, otherDanish.id)));
    expect(rows).toEqual([]);
  });

  it('answers a reply to an unknown request, or a bad reply, with a clear error', async () => {
    const commsToken = await signInAs(app, comms.id);
    const missing = await app.api('/api/admin/sparring/999999/reply', {
      method: 'POST',
      token: commsToken,
      json: { reply: 'Hello' },
    });
    expect(missing.status).toBe(404);
    const empty = await app.api('/api/admin/sparring/1/reply', {
      method: 'POST',
      token: commsToken,
      json: { reply: '   ' },
    });
    expect(empty.status).toBe(400);
    const body = (await empty.json()) as { error: { problems: { field: string; message: string }[] } };
    expect(body.error.problems).toEqual([{ field: 'body.reply', message: 'write a reply first' }]);
    const badId = await app.api('/api/admin/sparring/abc/reply', {
      method: 'POST',
      token: commsToken,
      json: { reply: 'Hello' },
    });
    expect(badId.status).toBe(400);
  });
});
