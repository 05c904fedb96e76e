import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { ChallengeView, DrawVerifyResult, DrawView } from '../../src/contracts';
import { auditLog, drawWinners } from '../../src/db/schema';
import { createOutboxStore } from '../../src/db/outbox-store';
import { prizeWinKey } from '../../src/services/run-prize-draw';
import { cardTexts, startBotConnector, type BotConnector } from '../fakes/bot-connector';
import { signInAs, startTestChorus, type TestChorus } from '../support/chorus';
import { addMembers, addShares, challengeBody, comms, DAY, org, problemsOf } from './gamification-support';

// The fair prize draw through the real app: only after the end, frozen pseudonymous entries, a
// published seed anyone can re-run through /api/draws/verify, past winners excluded, winners told in
// their own language through the outbox.

const danishPeople = org.filter((p) => p.preferredLanguage === 'da-DK' && p.jobTitle === 'Field Technician');
const englishPeople = org.filter(
  (p) => p.preferredLanguage === 'en-GB' && p.jobTitle !== 'Head of Communication',
);

describe('prize draws', () => {
  let app: TestChorus;
  let connector: BotConnector;
  let commsToken: string;
  let memberToken: string;
  const entrants = [...danishPeople.slice(0, 4), ...englishPeople.slice(0, 2)];
  const qualifying = entrants.slice(0, 5); // entrants[5] shares only once: below the threshold of 2
  const outsider = danishPeople[10]!; // shares, but outside the period

  beforeAll(async () => {
    connector = await startBotConnector();
    app = await startTestChorus({ BOT_SERVICE_URL: connector.serviceUrl });
    commsToken = await signInAs(app, comms.id);
    await addMembers(app, [...entrants, outsider]);
    for (const [i, p] of qualifying.entries())
      await addShares(app, p.id, 2 + i, new Date(Date.now() - 2 * DAY));
    await addShares(app, entrants[5]!.id, 1, new Date(Date.now() - 2 * DAY));
    await addShares(app, outsider.id, 5, new Date(Date.now() - 60 * DAY));
    memberToken = await signInAs(app, entrants[0]!.id);
  });
  afterAll(async () => {
    await app.close();
    await connector.close();
  });

  async function newChallenge(overrides: Record<string, unknown> = {}) {
    const res = await app.api('/api/admin/challenges', {
      method: 'POST',
      token: commsToken,
      json: challengeBody(overrides),
    });
    expect(res.status).toBe(201);
    return (await res.json()) as ChallengeView;
  }

  const draw = (challengeId: string, json: Record<string, unknown>, headers: Record<string, string> = {}) =>
    app.api(`/api/admin/challenges/${challengeId}/draws`, {
      method: 'POST',
      token: commsToken,
      json,
      headers,
    });

  it('refuses a draw before the challenge has ended, and stores nothing', async () => {
    const running = await newChallenge({ endsAt: new Date(Date.now() + DAY).toISOString() });
    const res = await draw(running.id, { winnerCount: 1 });
    expect(res.status).toBe(409);
    const body = (await res.json()) as { error: { message: string } };
    expect(body.error.message).toMatch(/has not ended yet/);
    const list = (await (await app.api('/api/admin/challenges', { token: commsToken })).json()) as {
      challenges: ChallengeView[];
    };
    expect(list.challenges.find((c) => c.id === running.id)!.drawIds).toEqual([]);
    // And in Danish for a Danish reader.
    const da = await draw(running.id, { winnerCount: 1 }, { 'accept-language': 'da' });
    expect(((await da.json()) as { error: { message: string } }).error.message).toMatch(/ikke slut endnu/);
  });

  it('answers an unknown challenge with 404, bad input with 400 naming each field, and members with 403', async () => {
    expect((await draw('no-such-challenge', { winnerCount: 1 })).status).toBe(404);
    const bad = await draw('x', { winnerCount: 0, seed: 'has spaces', excludePastWinners: 'yes' });
    expect(bad.status).toBe(400);
    const fields = (await problemsOf(bad)).map((p) => p.field).sort();
    expect(fields).toEqual(['body.excludePastWinners', 'body.seed', 'body.winnerCount']);
    const ended = await newChallenge();
    const forbidden = await app.api(`/api/admin/challenges/${ended.id}/draws`, {
      method: 'POST',
      token: memberToken,
      json: { winnerCount: 1 },
    });
    expect(forbidden.status).toBe(403);
  });

  it('freezes pseudonymous entries by the rule, and anyone can re-run it through verify', async () => {
    const challenge = await newChallenge({ ticketRule: 'per_share' });
    const res = await draw(challenge.id, { winnerCount: 2, excludePastWinners: false });
    expect(res.status).toBe(201);
    const result = (await res.json()) as DrawView;
    // 32 random bytes, published as hex.
    expect(result.seed).toMatch(/^[0-9a-f]{64}$/);
    // The five who reached the threshold within the period, with one ticket per share.
    expect(result.entries).toHaveLength(qualifying.length);
    expect(result.entries.map((e) => e.tickets).sort()).toEqual(qualifying.map((_, i) => 2 + i).sort());
    expect(result.entries.map((e) => e.entrant)).toEqual(qualifying.map((_, i) => `E${i + 1}`));
    // Nothing in the published draw says who is who, apart from the winners' names for comms.
    const published = JSON.stringify({ ...result, winners: result.winners.map((w) => w.entrant) });
    for (const p of [...entrants, outsider]) {
      expect(published).not.toContain(p.id);
      expect(published).not.toContain(p.displayName);
    }
    expect(result.winners).toHaveLength(2);
    const names = qualifying.map((p) => p.displayName);
    for (const w of result.winners) expect(names).toContain(w.name);

    // A member sees the same draw, without names, and gets the same winners by re-running it.
    const seen = (await (
      await app.api(`/api/draws/${result.id}`, { token: memberToken })
    ).json()) as DrawView;
    expect(seen.seed).toBe(result.seed);
    expect(seen.entries).toEqual(result.entries);
    expect(seen.winners.map((w) => w.name)).toEqual([null, null]);
    expect(seen.howToVerify).toMatch(/SHA-256/);
    const verify = await app.api('/api/draws/verify', {
      method: 'POST',
      token: memberToken,
      json: { seed: seen.seed, entries: seen.entries, winnerCount: seen.winnerCount },
    });
    expect(verify.status).toBe(200);
    expect(((await verify.json()) as DrawVerifyResult).winners).toEqual(seen.winners.map((w) => w.entrant));
    // Changing the seed changes the result for at least one of a few tries (it is not ignored).
    const others = await Promise.all(
      ['a', 'b', 'c', 'd'].map(async (s) => {
        const r = await app.api('/api/draws/verify', {
          method: 'POST',
          token: memberToken,
          json: { seed: `${seen.seed}${s}`, entries: seen.entries, winnerCount: seen.winnerCount },
        });
        return ((await r.json()) as DrawVerifyResult).winners.join(',');
      }),
    );
    expect(others.some((o) => o !== seen.winners.map((w) => w.entrant).join(','))).toBe(true);
    // The challenge lists its draw.
    const list = (await (await app.api('/api/admin/challenges', { token: commsToken })).json()) as {
      challenges: ChallengeView[];
    };
    expect(list.challenges.find((c) => c.id === challenge.id)!.drawIds).toEqual([result.id]);
    // The draw is in the audit log, with pseudonyms only.
    const audit = await app.database.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.tenantId, app.tenantId),
          eq(auditLog.action, 'draw.run'),
          eq(auditLog.subject, result.id),
        ),
      );
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.data)).not.toMatch(new RegExp(qualifying.map((p) => p.id).join('|')));
  });

  it('gives the same winners for a given seed, and one ticket each under the "one" rule', async () => {
    const challenge = await newChallenge({ ticketRule: 'one' });
    const res = await draw(challenge.id, {
      winnerCount: 2,
      excludePastWinners: false,
      seed: 'public-ceremony-2026',
    });
    const result = (await res.json()) as DrawView;
    expect(result.seed).toBe('public-ceremony-2026');
    expect(result.entries.every((e) => e.tickets === 1)).toBe(true);
    const verify = await app.api('/api/draws/verify', {
      method: 'POST',
      token: memberToken,
      json: { seed: 'public-ceremony-2026', entries: result.entries, winnerCount: 2 },
    });
    expect(((await verify.json()) as DrawVerifyResult).winners).toEqual(result.winners.map((w) => w.entrant));
    expect(new Set(result.winners.map((w) => w.entrant)).size).toBe(2);
  });

  it('leaves past winners out when asked', async () => {
    const past = new Set(
      (
        await app.database.db
          .select({ personId: drawWinners.personId })
          .from(drawWinners)
          .where(eq(drawWinners.tenantId, app.tenantId))
      ).map((r) => r.personId),
    );
    expect(past.size).toBeGreaterThan(0);
    const challenge = await newChallenge();
    const result = (await (
      await draw(challenge.id, { winnerCount: 5, excludePastWinners: true })
    ).json()) as DrawView;
    expect(result.entries).toHaveLength(qualifying.length - past.size);
    const winners = await app.database.db
      .select({ personId: drawWinners.personId })
      .from(drawWinners)
      .where(and(eq(drawWinners.tenantId, app.tenantId), eq(drawWinners.drawId, result.id)));
    expect(winners).toHaveLength(result.entries.length);
    for (const w of winners) expect(past.has(w.personId)).toBe(false);
  });

  it('tells each winner through the outbox, in their language', async () => {
    // A fresh challenge where exactly one Danish and one English ambassador qualify.
    const start = new Date(Date.now() - 10 * DAY);
    const end = new Date(Date.now() - 9 * DAY);
    const [da, en] = [danishPeople[20]!, englishPeople[5]!];
    await addMembers(app, [da, en]);
    await addShares(app, da.id, 1, new Date(start.getTime() + 3_600_000));
    await addShares(app, en.id, 1, new Date(start.getTime() + 3_600_000));
    const challenge = await newChallenge({
      title: 'Winter stories',
      startsAt: start.toISOString(),
      endsAt: end.toISOString(),
      threshold: 1,
    });
    const result = (await (
      await draw(challenge.id, { winnerCount: 2, excludePastWinners: false })
    ).json()) as DrawView;
    expect(result.winners.map((w) => w.name).sort()).toEqual([da.displayName, en.displayName].sort());
    const outbox = createOutboxStore(app.database.db);
    for (const w of result.winners) {
      expect(await outbox.stateOf(app.tenantId, prizeWinKey(result.id, w.entrant))).toBe('queued');
    }
    await app.worker.drain();
    // Earlier tests' winners are told too; these are this draw's cards.
    const delivered = (title: string) =>
      connector.sent.filter(
        (s) =>
          cardTexts(s.activity)[0] === title && cardTexts(s.activity).join(' ').includes('Winter stories'),
      );
    const danishCards = delivered('Tillykke, du har vundet lodtrækningen!');
    const englishCards = delivered('Congratulations, you won the prize draw!');
    expect(danishCards).toHaveLength(1);
    expect(englishCards).toHaveLength(1);
    expect(cardTexts(danishCards[0]!.activity).join(' ')).toContain('»Winter stories«');
    expect(cardTexts(englishCards[0]!.activity).join(' ')).toContain('"Winter stories"');
    for (const w of result.winners) {
      expect(await outbox.stateOf(app.tenantId, prizeWinKey(result.id, w.entrant))).toBe('sent');
    }
  });

  it('forgets who won when a winner leaves, and the draw stays checkable', async () => {
    const person = danishPeople[24]!;
    await addMembers(app, [person]);
    await addShares(app, person.id, 1, new Date(Date.now() - 20 * DAY));
    const challenge = await newChallenge({
      startsAt: new Date(Date.now() - 21 * DAY).toISOString(),
      endsAt: new Date(Date.now() - 19 * DAY).toISOString(),
      threshold: 1,
    });
    const result = (await (await draw(challenge.id, { winnerCount: 1 })).json()) as DrawView;
    expect(result.winners.map((w) => w.name)).toEqual([person.displayName]);
    const token = await signInAs(app, person.id);
    expect((await app.api('/api/membership', { method: 'DELETE', token })).status).toBe(204);
    const rows = await app.database.db
      .select({ personId: drawWinners.personId })
      .from(drawWinners)
      .where(and(eq(drawWinners.tenantId, app.tenantId), eq(drawWinners.drawId, result.id)));
    expect(rows).toEqual([{ personId: null }]);
    const after = (await (
      await app.api(`/api/draws/${result.id}`, { token: commsToken })
    ).json()) as DrawView;
    expect(after.winners).toEqual([{ entrant: result.winners[0]!.entrant, position: 1, name: null }]);
    expect(after.entries).toEqual(result.entries);
  });

  it('runs a draw with no qualifying entries without error', async () => {
    const challenge = await newChallenge({
      startsAt: new Date(Date.now() - 400 * DAY).toISOString(),
      endsAt: new Date(Date.now() - 399 * DAY).toISOString(),
    });
    const res = await draw(challenge.id, { winnerCount: 3 });
    expect(res.status).toBe(201);
    const result = (await res.json()) as DrawView;
    expect(result.entries).toEqual([]);
    expect(result.winners).toEqual([]);
  });

  it('checks the verify input field by field', async () => {
    const res = await app.api('/api/draws/verify', {
      method: 'POST',
      token: memberToken,
      json: {
        seed: '',
        entries: [
          { entrant: 'E1', tickets: 0 },
          { entrant: 'E1', tickets: 2 },
        ],
        winnerCount: 1000,
      },
    });
    expect(res.status).toBe(400);
    const fields = (await problemsOf(res)).map((p) => p.field);
    expect(fields).toEqual(
      expect.arrayContaining(['body.entries.0.tickets', 'body.seed', 'body.winnerCount']),
    );
    const twice = await app.api('/api/draws/verify', {
      method: 'POST',
      token: memberToken,
      json: {
        seed: 's',
        entries: [
          { entrant: 'E1', tickets: 1 },
          { entrant: 'E1', tickets: 2 },
        ],
        winnerCount: 1,
      },
    });
    expect(await problemsOf(twice)).toEqual([
      { field: 'body.entries', message: 'each entrant may appear only once' },
    ]);
    expect((await app.api('/api/draws/verify', { method: 'POST', json: {} })).status).toBe(401);
    expect((await app.api('/api/draws/no-such-draw', { token: memberToken })).status).toBe(404);
  });
});
