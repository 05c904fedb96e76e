import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChallengeView, DrawView } from '../../src/contracts';
import { rowsOf } from '../../src/db/database';
import { demoCommsAdmins } from '../../src/demo/demo-org';
import { signInAs, startTestChorus, testDatabaseConfig, type TestChorus } from '../support/chorus';
import { addMembers, addShares, challengeBody, DAY, org } from './gamification-support';

// A challenge may be drawn more than once (a second round, leaving out the first round's winners), but
// only on purpose: each draw names how many draws of the challenge it has seen (`earlierDraws`), and
// the store refuses a draw when that is no longer the number, under a lock on the challenge row. So two
// draws fired at the same moment (a double click, two comms people, two instances of the app on one
// Postgres database) store one draw and congratulate one set of winners; the other gets a 409 saying
// who drew it and when, in the reader's language.

const commsUpns = new Set(demoCommsAdmins(org));
const [commsA, commsB] = org.filter((p) => commsUpns.has(p.userPrincipalName!.toLowerCase()));
const ambassadors = org.filter((p) => p.jobTitle === 'Field Technician').slice(0, 10);
const nameOf = new Map(org.map((p) => [p.id, p.displayName]));
const twoInstances = !!process.env['TEST_DATABASE_URL'];

interface ErrorBody {
  error: { code: string; message: string };
}

describe('prize draws fired at the same moment', () => {
  let app: TestChorus;
  let tokenA: string;
  let tokenB: string;

  beforeAll(async () => {
    app = await startTestChorus();
    tokenA = await signInAs(app, commsA!.id);
    tokenB = await signInAs(app, commsB!.id);
    await addMembers(app, ambassadors);
    for (const p of ambassadors) await addShares(app, p.id, 2, new Date(Date.now() - 2 * DAY));
  });
  afterAll(async () => {
    await app.close();
  });

  /** A fresh ended challenge with a title of its own, so its outbox messages can be told apart. */
  async function newChallenge(on: TestChorus = app): Promise<ChallengeView> {
    const res = await on.api('/api/admin/challenges', {
      method: 'POST',
      token: tokenA,
      json: challengeBody({ title: `Race ${randomUUID().slice(0, 8)}` }),
    });
    expect(res.status).toBe(201);
    return (await res.json()) as ChallengeView;
  }

  const draw = (
    on: TestChorus,
    token: string,
    challengeId: string,
    json: Record<string, unknown>,
    language = 'en',
  ) =>
    on.api(`/api/admin/challenges/${challengeId}/draws`, {
      method: 'POST',
      token,
      json,
      headers: { 'accept-language': language },
    });

  /** What the database holds for the challenge: its draws, the winners' messages, sends and audit rows. */
  async function stored(challenge: ChallengeView) {
    const db = app.database.db;
    const draws = rowsOf<{ id: string; drawn_by: string; winners: string[] }>(
      await db.execute(sql`
        select id, drawn_by, winners from prize_draws
        where tenant_id = ${app.tenantId} and challenge_id = ${challenge.id}
        order by drawn_at, id`),
    );
    const messages = rowsOf<{ idempotency_key: string; draw_id: string; recipient_person_id: string }>(
      await db.execute(sql`
        select idempotency_key, payload->>'drawId' as draw_id, recipient_person_id from outbox_messages
        where tenant_id = ${app.tenantId} and payload->>'kind' = 'prizeWin'
          and payload->>'challengeTitle' = ${challenge.title}`),
    );
    const sends = rowsOf<{ idempotency_key: string }>(
      await db.execute(sql`
        select s.idempotency_key from outbox_sends s
        where s.tenant_id = ${app.tenantId} and exists (
          select 1 from outbox_messages m where m.tenant_id = s.tenant_id and m.send_id = s.id
            and m.payload->>'challengeTitle' = ${challenge.title})`),
    );
    const audit = rowsOf<{ subject: string }>(
      await db.execute(sql`
        select subject from audit_log
        where tenant_id = ${app.tenantId} and action = 'draw.run' and data->>'challengeId' = ${challenge.id}`),
    );
    return { draws, messages, sends, audit };
  }

  /** Exactly one 201 among the answers; the rest 409 with the clear words. */
  async function oneStoredRestRefused(answers: Response[]) {
    const bodies = await Promise.all(
      answers.map(async (r) => ({ status: r.status, body: (await r.json()) as DrawView & ErrorBody })),
    );
    expect(bodies.map((b) => b.status).sort()).toEqual([201, ...Array<number>(answers.length - 1).fill(409)]);
    const won = bodies.find((b) => b.status === 201)!.body;
    const refused = bodies.filter((b) => b.status === 409).map((b) => b.body.error);
    return { won, refused };
  }

  it('stores one of two draws sent at once by two comms people, and tells only its winners', async () => {
    const challenge = await newChallenge();
    const answers = await Promise.all([
      draw(app, tokenA, challenge.id, { winnerCount: 2, earlierDraws: 0, excludePastWinners: false }),
      draw(app, tokenB, challenge.id, { winnerCount: 2, earlierDraws: 0, excludePastWinners: false }, 'da'),
    ]);
    const { won, refused } = await oneStoredRestRefused(answers);

    const { draws, messages, sends, audit } = await stored(challenge);
    expect(draws.map((d) => d.id)).toEqual([won.id]);
    expect(draws[0]!.winners).toEqual(won.winners.map((w) => w.entrant));
    // One set of congratulations: the stored draw's winners, once each, under its outbox keys.
    expect(messages.map((m) => m.draw_id)).toEqual(won.winners.map(() => won.id));
    expect(messages.map((m) => m.idempotency_key).sort()).toEqual(
      won.winners.map((w) => `prize-win:${won.id}:${w.entrant}`).sort(),
    );
    expect(messages.map((m) => nameOf.get(m.recipient_person_id)).sort()).toEqual(
      won.winners.map((w) => w.name).sort(),
    );
    expect(sends.map((s) => s.idempotency_key)).toEqual([`prize-draw:${won.id}`]);
    expect(audit.map((a) => a.subject)).toEqual([won.id]);

    // The refused one is told, in its reader's language, that it was drawn meanwhile and by whom.
    const drawer = nameOf.get(draws[0]!.drawn_by)!;
    expect(refused).toHaveLength(1);
    expect(refused[0]!.code).toBe('CONFLICT');
    const words = refused[0]!.message;
    expect(words).toContain(drawer);
    expect(words).toContain(`(${won.drawnAt.slice(0, 16).replace('T', ' ')} UTC)`);
    // Which request won is a race; each language names the drawer.
    const wonByA = draws[0]!.drawn_by === commsA!.id;
    expect(words).toMatch(wonByA ? /trukket lod i udfordringen af/ : /was drawn meanwhile by/);

    // The challenge lists the one draw.
    const list = (await (await app.api('/api/admin/challenges', { token: tokenA })).json()) as {
      challenges: ChallengeView[];
    };
    expect(list.challenges.find((c) => c.id === challenge.id)!.drawIds).toEqual([won.id]);
  });

  it('stores one of four at once (a double click, and more), and a request without earlierDraws counts as the first', async () => {
    const challenge = await newChallenge();
    const answers = await Promise.all([
      draw(app, tokenA, challenge.id, { winnerCount: 1, excludePastWinners: false }),
      draw(app, tokenA, challenge.id, { winnerCount: 1, excludePastWinners: false }),
      draw(app, tokenA, challenge.id, { winnerCount: 1, earlierDraws: 0, excludePastWinners: false }),
      draw(app, tokenB, challenge.id, { winnerCount: 1, earlierDraws: 0, excludePastWinners: false }),
    ]);
    const { won, refused } = await oneStoredRestRefused(answers);
    expect(refused).toHaveLength(3);
    for (const e of refused)
      expect(e.message).toMatch(/^this challenge was drawn meanwhile by .+ \(.+ UTC\)/);
    const { draws, messages, sends } = await stored(challenge);
    expect(draws.map((d) => d.id)).toEqual([won.id]);
    expect(messages.map((m) => m.draw_id)).toEqual([won.id]);
    expect(sends).toHaveLength(1);
  });

  it('draws again on purpose (earlierDraws: 1), leaving out the first round’s winners, and refuses a stale or wrong count', async () => {
    const challenge = await newChallenge();
    const first = await draw(app, tokenA, challenge.id, { winnerCount: 2, excludePastWinners: false });
    expect(first.status).toBe(201);
    const round1 = (await first.json()) as DrawView;

    // Two at once, both having seen the first round: again one is stored.
    const answers = await Promise.all([
      draw(app, tokenA, challenge.id, { winnerCount: 2, earlierDraws: 1, excludePastWinners: true }),
      draw(app, tokenB, challenge.id, { winnerCount: 2, earlierDraws: 1, excludePastWinners: true }),
    ]);
    const { won: round2 } = await oneStoredRestRefused(answers);
    const firstNames = new Set(round1.winners.map((w) => w.name));
    expect(round2.winners).toHaveLength(2);
    for (const w of round2.winners) expect(firstNames.has(w.name)).toBe(false);

    // One who saw only the first round, or claims more than there are, changes nothing.
    const stale = await draw(app, tokenA, challenge.id, { winnerCount: 1, earlierDraws: 1 });
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as ErrorBody).error.message).toMatch(/was drawn meanwhile by/);
    const wrong = await draw(app, tokenA, challenge.id, { winnerCount: 1, earlierDraws: 5 }, 'da');
    expect(wrong.status).toBe(409);
    expect(((await wrong.json()) as ErrorBody).error.message).toBe(
      'udfordringen har 2 lodtrækninger, ikke 5: genindlæs og prøv igen',
    );
    const bad = await draw(app, tokenA, challenge.id, { winnerCount: 1, earlierDraws: -1 });
    expect(bad.status).toBe(400);

    const { draws, messages, sends } = await stored(challenge);
    expect(draws.map((d) => d.id).sort()).toEqual([round1.id, round2.id].sort());
    expect(messages.map((m) => m.draw_id).sort()).toEqual(
      [...round1.winners.map(() => round1.id), ...round2.winners.map(() => round2.id)].sort(),
    );
    expect(sends.map((s) => s.idempotency_key).sort()).toEqual(
      [`prize-draw:${round1.id}`, `prize-draw:${round2.id}`].sort(),
    );
  });

  // PGlite is a single-process database; two instances share a Postgres server (TEST_DATABASE_URL).
  it.skipIf(!twoInstances)(
    'stores one of two draws sent at once to two instances on one Postgres database',
    async () => {
      const other = await startTestChorus({}, { database: testDatabaseConfig(), demoTenantId: app.tenantId });
      try {
        expect(other.tenantId).toBe(app.tenantId);
        for (let round = 0; round < 3; round++) {
          const challenge = await newChallenge();
          const answers = await Promise.all([
            draw(app, tokenA, challenge.id, { winnerCount: 2, excludePastWinners: false }),
            draw(other, tokenB, challenge.id, { winnerCount: 2, excludePastWinners: false }),
          ]);
          const { won, refused } = await oneStoredRestRefused(answers);
          expect(refused[0]!.message).toMatch(/was drawn meanwhile by/);
          const { draws, messages, sends } = await stored(challenge);
          expect(draws.map((d) => d.id)).toEqual([won.id]);
          expect(messages.map((m) => m.draw_id)).toEqual(won.winners.map(() => won.id));
          expect(sends).toHaveLength(1);
        }
      } finally {
        await other.close();
      }
    },
  );
});
