import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotConnector, cardTexts, type BotConnector } from '../fakes/bot-connector';
import { startOpenAIServer, type OpenAIServer } from '../fakes/openai-server';
import { startTestChorus, type TestChorus } from '../support/chorus';
import { danish, english, messageActivity, postActivity, teamsActivity } from '../support/bot';
import { expectTeamsCard } from '../support/teams-cards';

// The optional language model, end to end: Teams-shaped activities on /api/messages, the production
// bot and sparring service, teams-ai's ActionPlanner and OpenAIModel, and a local server speaking
// OpenAI's chat completions protocol. The rules' card always comes first and alone decides findings.

const DRAFT =
  'I work at Nordlys Energi, and this morning I watched our night shift hand over the grid to the day team.\n\nIt was calm, precise and kind. #NordlysEnergi #grid #energy';
const ANSWER = JSON.stringify({
  paragraph: 'The handover moment is strong. Say one thing you learned from it.',
  openings: [
    '6:00, and the grid changed hands.',
    'What does a calm handover sound like?',
    'Night shift, day shift.',
  ],
});

describe('sparring with the optional language model', () => {
  let app: TestChorus;
  let plain: TestChorus;
  let connector: BotConnector;
  let model: OpenAIServer;
  beforeAll(async () => {
    [connector, model] = await Promise.all([startBotConnector(), startOpenAIServer()]);
    [app, plain] = await Promise.all([
      startTestChorus({
        BOT_SERVICE_URL: connector.serviceUrl,
        OPENAI_API_KEY: 'sk-local',
        OPENAI_BASE_URL: model.baseUrl,
        LLM_TIMEOUT_MS: '1000',
      }),
      startTestChorus({ BOT_SERVICE_URL: connector.serviceUrl }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([app.close(), plain.close()]);
    await Promise.all([connector.close(), model.close()]);
  });

  const repliesTo = (activity: Record<string, unknown>) =>
    connector.sent.filter((s) => s.replyToId === activity['id']);

  it('adds a paragraph of extra coaching after the rules’ card, and offers first lines', async () => {
    model.behave({ kind: 'answer', content: ANSWER });
    const before = model.requests.length;
    const msg = messageActivity(app, connector.serviceUrl, english, `spar ${DRAFT}`);
    expect((await postActivity(app, msg)).status).toBe(200);
    const replies = repliesTo(msg);
    expect(replies).toHaveLength(2);
    const [rules, extra] = replies;
    expect(cardTexts(rules!.activity)[0]).toBe('Feedback on your draft');
    const card = rules!.activity.attachments![0]!.content as {
      actions: { type: string; title: string; data?: Record<string, unknown> }[];
    };
    expectTeamsCard(card);
    expect(cardTexts(extra!.activity)).toEqual([
      'More coaching',
      'The handover moment is strong. Say one thing you learned from it.',
      expect.stringMatching(/^Written by a language model/),
    ]);
    expectTeamsCard(extra!.activity.attachments![0]!.content as Record<string, unknown>);
    // The model saw the draft as data and the rules' findings in words.
    expect(model.requests.length).toBe(before + 1);
    const user = model.requests[before]!.body.messages!.find((m) => m.role === 'user')!;
    const record = JSON.parse((user.content as { text: string }[])[0]!.text) as {
      draft: string;
      findings: { severity: string; reason: string }[];
      wantOpenings: boolean;
    };
    expect(record.draft).toBe(DRAFT);
    expect(record.findings.length).toBeGreaterThan(0);
    expect(record.wantOpenings).toBe(false);

    // "Suggest first lines": three openings, asked for explicitly.
    const suggest = card.actions.find((a) => a.data?.['chorus'] === 'openings')!;
    expect(suggest.title).toBe('Suggest first lines');
    const press = teamsActivity(app, connector.serviceUrl, english, { type: 'message', value: suggest.data });
    expect((await postActivity(app, press)).status).toBe(200);
    const [openings] = repliesTo(press);
    expect(cardTexts(openings!.activity)).toContain('Three ideas for a first line');
    expect(cardTexts(openings!.activity)).toContain('• What does a calm handover sound like?');
    expect(
      (
        JSON.parse(
          (model.requests.at(-1)!.body.messages!.at(-1)!.content as { text: string }[])[0]!.text,
        ) as {
          wantOpenings: boolean;
        }
      ).wantOpenings,
    ).toBe(true);
  });

  it('answers with the rules alone, and nothing visible, when the model is slow or failing', async () => {
    for (const behaviour of [
      { kind: 'slow', delayMs: 3000, content: ANSWER } as const,
      { kind: 'status', status: 429, retryAfterSeconds: 30 } as const,
      { kind: 'status', status: 500 } as const,
    ]) {
      model.behave(behaviour);
      const msg = messageActivity(app, connector.serviceUrl, danish, `spar ${DRAFT}`);
      const started = Date.now();
      expect((await postActivity(app, msg)).status).toBe(200);
      expect(Date.now() - started).toBeLessThan(2800);
      const replies = repliesTo(msg);
      expect(replies).toHaveLength(1);
      expect(cardTexts(replies[0]!.activity)[0]).toBe('Sparring på dit udkast');
    }
  });

  it('shows nothing of it with no key, the default: no request, no button', async () => {
    const before = model.requests.length;
    const msg = messageActivity(plain, connector.serviceUrl, english, `spar ${DRAFT}`);
    expect((await postActivity(plain, msg)).status).toBe(200);
    const replies = repliesTo(msg);
    expect(replies).toHaveLength(1);
    const card = replies[0]!.activity.attachments![0]!.content as {
      actions: { data?: { chorus?: string } }[];
    };
    expect(card.actions.some((a) => a.data?.chorus === 'openings')).toBe(false);
    expect(model.requests.length).toBe(before);
  });
});
