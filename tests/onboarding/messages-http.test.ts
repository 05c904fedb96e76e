import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OnboardingSummaryView } from '../../src/contracts';
import { onboardingProgress } from '../../src/db/schema';
import type { Person } from '../../src/domain/person';
import { startBotConnector, cardTexts, type BotConnector, type SentActivity } from '../fakes/bot-connector';
import {
  chatOf,
  danish,
  english,
  messageActivity,
  otherDanish,
  postActivity,
  teamsActivity,
} from '../support/bot';
import { signInAs, startTestChorus, type TestChorus } from '../support/chorus';
import { adaptiveCards, expectTeamsCards } from '../support/teams-cards';

type Json = Record<string, unknown>;

/** The data of a sent card's (first or named) Action.Submit. */
function buttonOf(sent: SentActivity, title?: string): Json {
  const card = adaptiveCards(sent.activity)[0]!;
  const actions = (card['actions'] ?? []) as Json[];
  const button = actions.find((a) => a['type'] === 'Action.Submit' && (!title || a['title'] === title));
  expect(button, JSON.stringify(actions)).toBeDefined();
  return button!['data'] as Json;
}

describe('onboarding over /api/messages with Teams-shaped activities', () => {
  let app: TestChorus;
  let connector: BotConnector;
  beforeAll(async () => {
    connector = await startBotConnector();
    app = await startTestChorus({
      BOT_SERVICE_URL: connector.serviceUrl,
      COMMS_ADMINS: otherDanish.userPrincipalName!,
    });
  });
  afterAll(async () => {
    await app.close();
    await connector.close();
  });

  const sentTo = (p: Person) => connector.sent.filter((s) => s.conversationId === chatOf(p));
  const progressOf = async (p: Person) =>
    (
      await app.database.db
        .select()
        .from(onboardingProgress)
        .where(and(eq(onboardingProgress.tenantId, app.tenantId), eq(onboardingProgress.personId, p.id)))
    )[0] ?? null;

  /** Action.Submit: a message carrying the button's data as `value`. */
  const submitActivity = (p: Person, value: Json) =>
    teamsActivity(app, connector.serviceUrl, p, { type: 'message', value, text: undefined });
  /** Action.Execute: an `adaptiveCard/action` invoke. */
  const executeActivity = (p: Person, data: Json) =>
    teamsActivity(app, connector.serviceUrl, p, {
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'onboarding', data }, trigger: 'manual' },
    });

  it('joining in the tab sends the first onboarding card (once) and records the progress', async () => {
    // The bot knows the chat from the install.
    await postActivity(
      app,
      teamsActivity(app, connector.serviceUrl, danish, {
        type: 'conversationUpdate',
        membersAdded: [{ id: '28:test-bot' }],
      }),
    );
    const token = await signInAs(app, danish.id);
    const res = await app.api('/api/membership', {
      method: 'POST',
      token,
      json: { guidelinesVersion: 1, networks: ['linkedin'], topics: ['jobs'] },
    });
    expect(res.status).toBe(201);
    await app.worker.drain();
    const welcome = sentTo(danish).at(-1)!;
    expect(cardTexts(welcome.activity)[0]).toBe(
      `Velkommen som ambassadør, ${danish.displayName.split(' ')[0]}!`,
    );
    expect(buttonOf(welcome)).toEqual({ chorus: 'onboarding', step: 'welcome', flowVersion: 1, run: 1 });
    expect(await progressOf(danish)).toMatchObject({ step: 'welcome', run: 1 });
    await app.worker.drain();
    expect(sentTo(danish).filter((s) => cardTexts(s.activity)[0]?.startsWith('Velkommen som'))).toHaveLength(
      1,
    );
  });

  it('takes answers as `message` with `value` and as `adaptiveCard/action` invokes', async () => {
    const welcome = sentTo(danish).at(-1)!;
    // Action.Submit: a message with the data as value; the next card comes as a reply.
    const start = submitActivity(danish, buttonOf(welcome));
    expect((await postActivity(app, start)).status).toBe(200);
    const purpose = sentTo(danish).find((s) => s.replyToId === start['id'])!;
    expect(cardTexts(purpose.activity)).toContain('Hvorfor vi gør det');

    // Action.Execute: the invoke is answered with the receipt card that replaces the answered card.
    const next = executeActivity(danish, buttonOf(purpose));
    const res = await postActivity(app, next);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { statusCode: number; type: string; value: Json };
    expect(body.statusCode).toBe(200);
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(body.value)).toContain('✓ Hvorfor vi gør det');
    expectTeamsCards([
      { attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: body.value }] },
    ]);
    const guidelines = sentTo(danish).find((s) => s.replyToId === next['id'])!;
    expect(cardTexts(guidelines.activity)).toContain('Retningslinjerne');
    // She joined in the tab, so the consent step shows as done.
    expect(cardTexts(guidelines.activity)).toContain(
      '✓ Du har allerede accepteret retningslinjerne (version 1).',
    );

    // The same invoke again: answered with a message, nothing applied twice.
    const again = await postActivity(app, executeActivity(danish, buttonOf(purpose)));
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: 'Det trin har du allerede svaret på. Du er nået til trin 3 af 6.',
    });
    expect((await progressOf(danish))?.step).toBe('guidelines');

    // A stray value in a submit: a clear answer, no change.
    const choicesStart = submitActivity(danish, buttonOf(guidelines));
    await postActivity(app, choicesStart);
    const choices = sentTo(danish).find((s) => s.replyToId === choicesStart['id'])!;
    const stray = submitActivity(danish, { ...buttonOf(choices), networks: 'linkedin,myspace' });
    expect((await postActivity(app, stray)).status).toBe(200);
    expect(sentTo(danish).find((s) => s.replyToId === stray['id'])?.activity.text).toBe(
      '“myspace” er ikke et netværk, jeg kender. Vælg fra listen på kortet.',
    );
    expect((await progressOf(danish))?.step).toBe('choices');

    expect(expectTeamsCards(connector.sent.map((s) => s.activity as never))).toBeGreaterThan(3);
  });

  it('accepting the guidelines in the bot joins, and the join sends no second welcome', async () => {
    const start = messageActivity(app, connector.serviceUrl, english, 'onboarding');
    await postActivity(app, start);
    let card = sentTo(english).find((s) => s.replyToId === start['id'])!;
    for (const title of ["Let's start", 'Next', 'I accept']) {
      const press = submitActivity(english, buttonOf(card, title));
      expect((await postActivity(app, press)).status).toBe(200);
      card = sentTo(english).find((s) => s.replyToId === press['id'])!;
    }
    expect(cardTexts(card.activity)).toContain('Your networks and topics');
    const token = await signInAs(app, english.id);
    const me = (await (await app.api('/api/me', { token })).json()) as {
      membership: { guidelinesVersion: number };
    };
    expect(me.membership.guidelinesVersion).toBe(1);
    const before = sentTo(english).length;
    await app.worker.drain();
    expect(sentTo(english)).toHaveLength(before);
    expect((await progressOf(english))?.step).toBe('choices');
  });

  it('answers the commands over HTTP, in the person’s language', async () => {
    const pause = messageActivity(app, connector.serviceUrl, english, 'pause');
    expect((await postActivity(app, pause)).status).toBe(200);
    expect(sentTo(english).find((s) => s.replyToId === pause['id'])?.activity.text).toMatch(
      /^Notifications are paused/,
    );
    const sprog = messageActivity(app, connector.serviceUrl, english, 'sprog da');
    await postActivity(app, sprog);
    expect(sentTo(english).find((s) => s.replyToId === sprog['id'])?.activity.text).toBe(
      'Fint, jeg skriver til dig på dansk fra nu af.',
    );
    const stats = messageActivity(app, connector.serviceUrl, english, 'statistik');
    await postActivity(app, stats);
    expect(cardTexts(sentTo(english).find((s) => s.replyToId === stats['id'])!.activity)[0]).toBe(
      'Dine tal de sidste 30 dage',
    );
  });

  it('shows comms onboarding in aggregate, with groups under five hidden, and only to comms', async () => {
    const comms = await signInAs(app, otherDanish.id);
    const res = await app.api('/api/admin/onboarding', { token: comms });
    expect(res.status).toBe(200);
    const view = (await res.json()) as OnboardingSummaryView;
    expect(view.steps.map((s) => s.step)).toEqual([
      'welcome',
      'purpose',
      'guidelines',
      'choices',
      'tips',
      'first-item',
    ]);
    // One person at "choices": a group of one is shown as hidden, never as 1.
    expect(view.steps.find((s) => s.step === 'choices')?.people).toEqual({ hidden: true, count: null });
    expect(view.steps.find((s) => s.step === 'tips')?.people).toEqual({ hidden: false, count: 0 });
    expect(view).toMatchObject({
      completed: { hidden: false, count: 0 },
      minGroupSize: 5,
      stallDays: 7,
      empty: false,
    });
    expect(JSON.stringify(view)).not.toContain(danish.id);

    const employee = await signInAs(app, english.id);
    expect((await app.api('/api/admin/onboarding', { token: employee })).status).toBe(403);
  });

  it('leaving in the tab deletes the onboarding progress and chat preferences', async () => {
    const token = await signInAs(app, danish.id);
    expect((await app.api('/api/membership', { method: 'DELETE', token })).status).toBeLessThan(300);
    expect(await progressOf(danish)).toBeNull();
  });
});
