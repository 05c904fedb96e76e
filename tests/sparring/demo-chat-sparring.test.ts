import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatHistory, MySparringRequests, SparringQueue } from '../../src/contracts';
import { demoCommsAdmins, generateDemoOrg } from '../../src/demo/demo-org';
import { signInAs, startTestChorus, type TestChorus } from '../support/chorus';
import { danish } from '../support/bot';

const org = generateDemoOrg();
const commsUpns = new Set(demoCommsAdmins(org));
const comms = org.find((p) => commsUpns.has(p.userPrincipalName!.toLowerCase()))!;

const DRAFT =
  'Jeg arbejder hos Nordlys Energi, og i morges så jeg nathold og daghold overdrage elnettet til hinanden.\n\nDet var roligt, præcist og venligt. #NordlysEnergi #elnet #energi';

type Action = { type: string; title: string; data?: Record<string, unknown> };

// The README's way to try sparring without Teams: the tab's demo chat, as a demo person, and the reply
// delivered through the outbox to the same chat (the demo's local Bot Connector).
describe('sparring in the demo chat', () => {
  let app: TestChorus;
  beforeAll(async () => {
    app = await startTestChorus();
  });
  afterAll(() => app.close());

  const history = async (token: string, after: number) =>
    ((await (await app.api(`/api/dev/chat/messages?after=${after}`, { token })).json()) as ChatHistory)
      .messages;

  it('coaches a pasted draft, sends it to comms, and brings comms’ reply back to the chat', async () => {
    const token = await signInAs(app, danish.id);
    const seen = (await history(token, 0)).at(-1)?.id ?? 0;
    const sent = await app.api('/api/dev/chat/messages', { method: 'POST', token, json: { text: DRAFT } });
    expect(sent.status).toBe(204);
    const feedback = (await history(token, seen)).find((m) => m.from === 'bot' && m.card !== null)!;
    expect(feedback.cardLines[0]).toBe('Sparring på dit udkast');
    const ask = (feedback.card!['actions'] as Action[]).find((a) => a.type === 'Action.Submit')!;
    expect(ask.title).toBe('Spørg kommunikation');

    const pressed = await app.api('/api/dev/chat/messages', {
      method: 'POST',
      token,
      json: { card: { kind: 'submit', verb: null, data: ask.data, title: ask.title } },
    });
    expect(pressed.status).toBe(204);
    const after = await history(token, feedback.id);
    expect(after.at(-1)?.from).toBe('bot');
    expect(after.at(-1)?.text).toMatch(/^Sendt til kommunikation/);

    const commsToken = await signInAs(app, comms.id);
    const queue = (await (
      await app.api('/api/admin/sparring', { token: commsToken })
    ).json()) as SparringQueue;
    const request = queue.requests.find((r) => r.draft === DRAFT)!;
    const answered = await app.api(`/api/admin/sparring/${request.id}/reply`, {
      method: 'POST',
      token: commsToken,
      json: { reply: 'Flot! Nævn gerne holdlederen – med hendes samtykke.' },
    });
    expect(answered.status).toBe(200);
    await app.worker.drain();
    const reply = (await history(token, after.at(-1)!.id)).find((m) => m.from === 'bot');
    expect(reply?.cardLines).toEqual(
      expect.arrayContaining([
        'Kommunikation har svaret på din sparring',
        'Flot! Nævn gerne holdlederen – med hendes samtykke.',
      ]),
    );
    const mine = (await (await app.api('/api/me/sparring', { token })).json()) as MySparringRequests;
    expect(mine.requests[0]).toMatchObject({ status: 'answered', draft: DRAFT });
  });
});
