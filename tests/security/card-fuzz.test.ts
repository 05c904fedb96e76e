import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CARD_ACTIONS } from '../../bot/card-actions';
import { SEARCH_COMMAND, SEARCH_PARAMETER } from '../../bot/handlers/message-extension';
import { STRINGS } from '../../bot/strings';
import { rowsOf } from '../../src/db/database';
import type { Language, Person } from '../../src/domain/person';
import { cardTexts, startBotConnector, type BotConnector, type SentActivity } from '../fakes/bot-connector';
import {
  danish,
  english,
  installActivity,
  messageActivity,
  postActivity,
  teamsActivity,
} from '../support/bot';
import { startTestChorus, type TestChorus } from '../support/chorus';
import { joinAs } from '../support/sharing';

// Issue 7's fuzzing of the bot's card actions, over real HTTP to /api/messages (the local Bot Connector
// fake takes the replies; no bot credentials, as in tests/bot). The cases are generated from
// CARD_ACTIONS (bot/card-actions.ts), and the first test fails when a card sends an action missing
// there, so a new action is fuzzed too. Whatever arrives: never a 5xx, a submit gets a clear reply in
// the person's language (not the "something went wrong" of a crashed turn), an Action.Execute gets
// the protocol's 400 error (or a short refusal), the message extension a result or a 4xx, no answer
// carries a stack trace, and the database is unchanged.

const PUBLIC_URL = 'https://chorus.fuzz.example';
const BOT_DIR = path.resolve(import.meta.dirname, '../../bot');
type Json = Record<string, unknown>;

/** Values no card field should accept, each with a name for the failure report. */
const BAD_VALUES: [string, unknown][] = [
  ['a number', 42],
  ['a negative number', -1],
  ['a huge number', 1e308],
  // false, not true: `confirm: true` is the leave card's real "yes, leave".
  ['a boolean', false],
  ['null', null],
  ['an empty array', []],
  ['an array', ['x', 1]],
  ['an object', {}],
  ['a nested object', { a: { b: { c: [1, { d: null }] } } }],
  ['a 100 kB string', 'x'.repeat(100_000)],
  ['NUL characters', 'a\u0000b\u0000'],
  ['an empty string', ''],
];

/** Whole `value`s of a submit that are no card's data. */
const BAD_SUBMIT_VALUES: [string, unknown][] = [
  ...BAD_VALUES.filter(([, v]) => v !== null && !(typeof v === 'object' && Object.keys(v).length === 0)),
  ['an unknown action', { chorus: 'no-such-action', step: 'welcome' }],
  ['chorus as a number', { chorus: 7 }],
  ['chorus as an array', { chorus: ['onboarding'] }],
  ['chorus with a NUL', { chorus: 'onboarding\u0000' }],
  ['chorus of 100 kB', { chorus: 'x'.repeat(100_000) }],
  ['deeply nested', JSON.parse(`${'{"a":'.repeat(500)}1${'}'.repeat(500)}`) as unknown],
];

const STACK_TRACE = /\bat \S+ \(|\bat .+:\d+:\d+|node_modules|\/work\/|\.(?:ts|js):\d+/;
const FAILURE = new Set([STRINGS.da.failure, STRINGS.en.failure]);

/** The message extension's search commands and their parameters, as appPackage/manifest.json declares them. */
const MANIFEST_COMMANDS = (
  JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../appPackage/manifest.json'), 'utf8')) as {
    composeExtensions?: { commands?: { id: string; type?: string; parameters?: { name: string }[] }[] }[];
  }
)
  .composeExtensions!.flatMap((e) => e.commands ?? [])
  .filter((c) => (c.type ?? 'query') === 'query')
  .map((c) => ({ id: c.id, parameters: (c.parameters ?? []).map((p) => p.name) }));

/** Every `chorus: '…'` a card in bot/ puts in a button's data (or declares for it). */
function chorusValuesInCards(): Set<string> {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
        for (const m of readFileSync(file, 'utf8').matchAll(/\bchorus: '([^']+)'/g)) found.add(m[1]!);
      }
    }
  };
  walk(BOT_DIR);
  return found;
}

/** The `data` of every Action.Submit in an activity's cards (also inside Action.ShowCard). */
function submitData(activity: SentActivity['activity']): Json[] {
  const out: Json[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const n = node as Json;
      if (n['type'] === 'Action.Submit' && n['data'] && typeof n['data'] === 'object')
        out.push(n['data'] as Json);
      for (const [key, value] of Object.entries(n)) if (key !== 'data') walk(value);
    }
  };
  walk(activity.attachments ?? []);
  return out;
}

/** A field-by-field variant of `base`: one field removed or set to a bad value. */
function variants(base: Json, schema: z.ZodTypeAny): { name: string; data: Json }[] {
  const fields = schema instanceof z.ZodObject ? Object.keys(schema.shape as object) : Object.keys(base);
  const out: { name: string; data: Json }[] = [
    { name: 'no data but chorus', data: { chorus: base['chorus'] } },
  ];
  for (const field of fields.filter((f) => f !== 'chorus')) {
    const { [field]: _dropped, ...without } = base;
    out.push({ name: `${field} missing`, data: without });
    for (const [name, value] of BAD_VALUES)
      out.push({ name: `${field} as ${name}`, data: { ...base, [field]: value } });
  }
  return out;
}

interface Answer {
  where: string;
  status: number;
  body: string;
  replies: SentActivity[];
}

describe('card actions and message extension invokes over /api/messages, fuzzed', () => {
  let app: TestChorus;
  let connector: BotConnector;
  const otherTenant = randomUUID();
  /** Per person: a real card's data for each action (the base the fuzz varies). */
  const bases = new Map<string, Map<string, Json>>();
  const people: [Person, Language][] = [
    [danish, 'da'],
    [english, 'en'],
  ];

  const repliesTo = (activity: Json) => connector.sent.filter((s) => s.replyToId === activity['id']);
  const send = async (person: Person, fields: Json, where: string): Promise<Answer> => {
    const activity = teamsActivity(app, connector.serviceUrl, person, fields);
    const res = await postActivity(app, activity);
    return { where, status: res.status, body: await res.text(), replies: repliesTo(activity) };
  };
  const say = async (person: Person, text: string) => {
    const activity = messageActivity(app, connector.serviceUrl, person, text);
    expect((await postActivity(app, activity)).status).toBe(200);
    return repliesTo(activity);
  };
  const press = async (person: Person, data: Json) => {
    const answer = await send(person, { type: 'message', value: data }, 'setup');
    expect(answer.status).toBe(200);
    return answer.replies;
  };

  /** Brings a person to the onboarding's choices step, and keeps a real card's data for each action. */
  async function prepare(person: Person) {
    await postActivity(app, installActivity(app, connector.serviceUrl, person));
    await joinAs(app, person.id);
    await app.worker.drain();
    const data = new Map<string, Json>();
    let card = (await say(person, 'onboarding')).at(-1)!;
    for (let i = 0; i < 6 && submitData(card.activity)[0]?.['step'] !== 'choices'; i++) {
      card = (await press(person, submitData(card.activity)[0]!)).at(-1)!;
    }
    const choices = submitData(card.activity)[0]!;
    expect(choices['step']).toBe('choices');
    data.set('onboarding', choices);
    const leave = (await say(person, 'leave')).flatMap((r) => submitData(r.activity));
    data.set(
      'command',
      leave.find((d) => d['confirm'] === false)!,
    );
    const feedback = (
      await say(person, 'spar We are hiring field technicians in Aarhus this spring, come and join us!')
    )
      .flatMap((r) => submitData(r.activity))
      .find((d) => d['chorus'] === 'askComms')!;
    expect(feedback).toMatchObject({ network: 'linkedin' });
    for (const action of CARD_ACTIONS) {
      if (!data.has(action.chorus)) data.set(action.chorus, { ...feedback, chorus: action.chorus });
    }
    bases.set(person.id, data);
  }

  beforeAll(async () => {
    connector = await startBotConnector();
    app = await startTestChorus({ BOT_SERVICE_URL: connector.serviceUrl, PUBLIC_URL });
    await app.store.ensureTenant(otherTenant, 'another tenant');
    for (const [person] of people) await prepare(person);
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await connector.close();
  });

  /** Rows of every tenant table for this tenant and the other one: counts and a digest of the rows. */
  const snapshot = async () => {
    const tables = rowsOf<{ table_name: string }>(
      await app.database.db.execute(sql`select table_name from information_schema.columns
        where column_name = 'tenant_id' and table_schema = 'public' order by table_name`),
    ).map((r) => r.table_name);
    const out: Record<string, string> = {};
    for (const table of tables) {
      const rows = rowsOf<{ n: number; digest: string | null }>(
        await app.database.db.execute(
          sql`select count(*)::int as n, md5(string_agg(t::text, '|' order by t::text)) as digest
              from ${sql.identifier(table)} t where tenant_id in (${app.tenantId}, ${otherTenant})`,
        ),
      );
      out[table] = `${rows[0]?.n ?? 0} ${rows[0]?.digest ?? ''}`;
    }
    return out;
  };

  /** What is wrong with a 4xx from /api/messages: it must be the app's JSON error, with no stack trace. */
  function httpErrorProblem(a: Answer): string | null {
    if (STACK_TRACE.test(a.body)) return 'stack trace in the HTTP answer';
    const error = (JSON.parse(a.body) as { error?: { code?: string; message?: string } }).error;
    return error?.code && error.message ? null : `a ${a.status} with no error code and message: ${a.body}`;
  }

  /** What is wrong with an answer to a submit (a message with `value`), or null. */
  function submitProblem(a: Answer, language: Language | null): string | null {
    if (a.status >= 500) return `${a.status} ${a.body.slice(0, 200)}`;
    if (a.status >= 400) return httpErrorProblem(a);
    if (a.replies.length === 0) return 'no reply (silence)';
    const texts = a.replies.flatMap((r) => [r.activity.text ?? '', ...cardTexts(r.activity)]).filter(Boolean);
    if (texts.length === 0) return 'a reply with no text';
    if (texts.some((t) => FAILURE.has(t))) return `the turn failed: ${texts.join(' / ')}`;
    if (a.replies.some((r) => STACK_TRACE.test(JSON.stringify(r.activity)))) return 'stack trace in a reply';
    if (
      language === 'da' &&
      texts.some((t) => t === STRINGS.en.unknown || t === STRINGS.en.cardNotUnderstood)
    )
      return `English to a Danish reader: ${texts.join(' / ')}`;
    return null;
  }

  /** What is wrong with the answer to an Action.Execute invoke, or null. */
  function executeProblem(a: Answer): string | null {
    if (a.status !== 200) return `${a.status} ${a.body.slice(0, 200)}`;
    if (STACK_TRACE.test(a.body)) return 'stack trace in the invoke answer';
    const body = JSON.parse(a.body) as { statusCode?: number; type?: string; value?: unknown };
    if (body.statusCode === 400 && body.type === 'application/vnd.microsoft.error') {
      const message = (body.value as { message?: unknown } | undefined)?.message;
      return typeof message === 'string' && message.length > 0 ? null : 'a 400 without a message';
    }
    // A well-formed answer the bot refuses (an old card, a choice it does not know) is a short message.
    if (body.statusCode === 200 && body.type === 'application/vnd.microsoft.activity.message') {
      return typeof body.value === 'string' && !FAILURE.has(body.value) ? null : `the turn failed: ${a.body}`;
    }
    return `not an error answer: ${a.body.slice(0, 200)}`;
  }

  it('fuzzes every card action the cards send, and each one reaches its own handler', async () => {
    const listed = new Set(CARD_ACTIONS.map((a) => a.chorus));
    expect([...chorusValuesInCards()].filter((c) => !listed.has(c))).toEqual([]);
    expect(listed.size).toBeGreaterThanOrEqual(5);
    for (const [person, language] of people) {
      for (const action of CARD_ACTIONS) {
        // Bare data: the action's own handler answers, not the "I didn't quite get that" of no route.
        const submit = await send(
          person,
          { type: 'message', value: { chorus: action.chorus } },
          action.chorus,
        );
        expect(submitProblem(submit, language), action.chorus).toBeNull();
        const text = submit.replies[0]?.activity.text;
        expect([STRINGS.da.unknown, STRINGS.en.unknown], action.chorus).not.toContain(text);
        const execute = await send(
          person,
          {
            type: 'invoke',
            name: 'adaptiveCard/action',
            value: {
              action: { type: 'Action.Execute', verb: action.chorus, data: { chorus: action.chorus } },
            },
          },
          action.chorus,
        );
        expect(executeProblem(execute), action.chorus).toBeNull();
        const message = (JSON.parse(execute.body) as { value: { message: string } }).value.message;
        // Only actions that take Action.Execute reach a handler; the rest get the catch-all's words.
        if (action.execute) expect(message).not.toBe(STRINGS[language].cardNotUnderstood);
        else expect(message).toBe(STRINGS[language].cardNotUnderstood);
      }
    }
  }, 120_000);

  it('answers malformed, wrong-type, oversized and NUL card data clearly, in the reader’s language', async () => {
    const before = await snapshot();
    const failures: string[] = [];
    /** Per case, what each language answered: a Danish and an English reader must not get the same words. */
    const worded = new Map<string, Partial<Record<Language, string>>>();
    const note = (key: string, language: Language, words: string) =>
      worded.set(key, { ...worded.get(key), [language]: words });
    for (const [person, language] of people) {
      const base = bases.get(person.id)!;
      for (const action of CARD_ACTIONS) {
        for (const v of variants(base.get(action.chorus)!, action.schema)) {
          const where = `${action.chorus} submit, ${v.name} (${language})`;
          const a = await send(person, { type: 'message', value: v.data }, where);
          const problem = submitProblem(a, language);
          if (problem) failures.push(`${where}: ${problem}`);
          else
            note(
              `submit ${action.chorus} ${v.name}`,
              language,
              a.replies.map((r) => JSON.stringify([r.activity.text, cardTexts(r.activity)])).join(),
            );
          if (!action.execute) continue;
          const invoke = {
            type: 'invoke',
            name: 'adaptiveCard/action',
            value: {
              action: { type: 'Action.Execute', verb: action.chorus, data: v.data },
              trigger: 'manual',
            },
          };
          const e = await send(person, invoke, where.replace('submit', 'execute'));
          const eProblem = executeProblem(e);
          if (eProblem) failures.push(`${e.where}: ${eProblem}`);
          else note(`execute ${action.chorus} ${v.name}`, language, e.body);
        }
      }
      for (const [name, value] of BAD_SUBMIT_VALUES) {
        const a = await send(person, { type: 'message', value }, `value as ${name} (${language})`);
        const problem = submitProblem(a, language);
        if (problem) failures.push(`${a.where}: ${problem}`);
      }
    }
    expect(failures).toEqual([]);
    const same = [...worded].filter(([, w]) => w.da !== undefined && w.da === w.en).map(([key]) => key);
    expect(same).toEqual([]);
    expect(worded.size).toBeGreaterThan(100);
    expect(await snapshot()).toEqual(before);
  }, 600_000);

  it('answers malformed Action.Execute envelopes with the protocol’s 400 and a message', async () => {
    const before = await snapshot();
    const onboarding = bases.get(danish.id)!.get('onboarding')!;
    const envelopes: [string, unknown][] = [
      ['no value', undefined],
      ['value as a string', 'x'],
      ['value as an array', [1]],
      ['no action', { trigger: 'manual' }],
      ['action as a string', { action: 'Action.Execute' }],
      ['no data', { action: { type: 'Action.Execute', verb: 'onboarding' } }],
      ['data as an array', { action: { type: 'Action.Execute', verb: 'onboarding', data: [onboarding] } }],
      ['data as null', { action: { type: 'Action.Execute', verb: 'onboarding', data: null } }],
      ['an unknown verb', { action: { type: 'Action.Execute', verb: 'no-such-verb', data: {} } }],
      ['a verb as a number', { action: { type: 'Action.Execute', verb: 7, data: { chorus: 7 } } }],
      ['a 100 kB verb', { action: { type: 'Action.Execute', verb: 'x'.repeat(100_000), data: {} } }],
      [
        'a NUL verb',
        { action: { type: 'Action.Execute', verb: 'onboarding\u0000', data: { chorus: 'x\u0000' } } },
      ],
    ];
    const failures: string[] = [];
    for (const [person, language] of people) {
      for (const [name, value] of envelopes) {
        const a = await send(
          person,
          { type: 'invoke', name: 'adaptiveCard/action', value },
          `${name} (${language})`,
        );
        const problem = executeProblem(a);
        if (problem) failures.push(`${a.where}: ${problem}`);
        else if ((JSON.parse(a.body) as { statusCode: number }).statusCode !== 400)
          failures.push(`${a.where}: not a 400: ${a.body}`);
        else if (
          (JSON.parse(a.body) as { value: { message: string } }).value.message !==
          STRINGS[language].cardNotUnderstood
        )
          failures.push(`${a.where}: not in the reader's language: ${a.body}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await snapshot()).toEqual(before);
  }, 120_000);

  it('answers every search command the manifest declares with a result', async () => {
    expect(MANIFEST_COMMANDS.map((c) => c.id)).toContain(SEARCH_COMMAND);
    for (const command of MANIFEST_COMMANDS) {
      const parameters = command.parameters.map((name) => ({ name, value: 'jobs' }));
      const a = await send(
        danish,
        { type: 'invoke', name: 'composeExtension/query', value: { commandId: command.id, parameters } },
        command.id,
      );
      expect(a.status, command.id).toBe(200);
      expect((JSON.parse(a.body) as { composeExtension: { type: string } }).composeExtension.type).toBe(
        'result',
      );
    }
  });

  it('answers fuzzed message extension queries and links with a result or a 4xx, never a 5xx', async () => {
    const before = await snapshot();
    const param = (value: unknown) => ({
      commandId: SEARCH_COMMAND,
      parameters: [{ name: SEARCH_PARAMETER, value }],
    });
    const queries: [string, unknown][] = [
      ['no value', undefined],
      ['value as a string', 'x'],
      ['an unknown command', { commandId: 'no-such-command', parameters: [] }],
      ['a command as a number', { commandId: 42, parameters: [] }],
      ['parameters as a string', { commandId: SEARCH_COMMAND, parameters: 'x' }],
      ['parameters as an object', { commandId: SEARCH_COMMAND, parameters: { name: SEARCH_PARAMETER } }],
      ['a null parameter', { commandId: SEARCH_COMMAND, parameters: [null] }],
      ['a number parameter', { commandId: SEARCH_COMMAND, parameters: [7] }],
      // Every parameter of every command the manifest declares, so a new command is fuzzed too.
      ...MANIFEST_COMMANDS.flatMap((command) =>
        command.parameters.flatMap((parameter) =>
          BAD_VALUES.map(([name, value]): [string, unknown] => [
            `${command.id}.${parameter} as ${name}`,
            { commandId: command.id, parameters: [{ name: parameter, value }] },
          ]),
        ),
      ),
      ['odd paging', { ...param('jobs'), queryOptions: { skip: -5, count: 1e9 } }],
      ['paging as strings', { ...param('jobs'), queryOptions: { skip: 'x', count: 'y' } }],
      ['paging as null', { ...param('jobs'), queryOptions: null }],
      ['a huge skip', { ...param('jobs'), queryOptions: { skip: 1e308, count: 25 } }],
    ];
    const links: [string, unknown][] = [
      ['no value', undefined],
      ['url as a number', { url: 42 }],
      ['url as an object', { url: { href: PUBLIC_URL } }],
      ['url as null', { url: null }],
      ['a 100 kB url', { url: `${PUBLIC_URL}/items/${'x'.repeat(100_000)}` }],
      ['a NUL url', { url: `${PUBLIC_URL}/items/a%00b` }],
      ['a NUL character', { url: `${PUBLIC_URL}/items/a\u0000b` }],
      ['an unknown item', { url: `${PUBLIC_URL}/items/${randomUUID()}` }],
      ['a malformed escape', { url: `${PUBLIC_URL}/items/%E0%A4%A` }],
      ['another host', { url: `https://evil.example/items/${randomUUID()}` }],
      ['not a url', { url: 'javascript:alert(1)' }],
    ];
    const failures: string[] = [];
    for (const [person, language] of people) {
      for (const [name, value] of [
        ...queries.map(([n, v]): [string, string, unknown] => ['composeExtension/query', n, v]),
        ...links.map(([n, v]): [string, string, unknown] => ['composeExtension/queryLink', n, v]),
        ['composeExtension/submitAction', 'an undeclared invoke', { commandId: 'x' }],
        ['task/fetch', 'an undeclared invoke', {}],
        ['no/such-invoke', 'an unknown invoke', {}],
      ] as [string, string, unknown][]) {
        const a = await send(
          person,
          { type: 'invoke', name, value: value === undefined ? undefined : value },
          `${name}: ${value === undefined ? 'no value' : ''}${String(name)} (${language})`,
        );
        const where = `${name} ${JSON.stringify(value)?.slice(0, 60)} (${language})`;
        if (a.status >= 500) failures.push(`${where}: ${a.status} ${a.body.slice(0, 200)}`);
        else if (STACK_TRACE.test(a.body)) failures.push(`${where}: stack trace in the answer`);
        else if (a.status >= 400) {
          const error = (JSON.parse(a.body) as { error?: { code?: string; message?: string } }).error;
          if (!error?.code || !error.message)
            failures.push(`${where}: a ${a.status} with no error code and message`);
        } else if (a.status === 200) {
          const answer = (JSON.parse(a.body) as { composeExtension?: { type?: string } }).composeExtension;
          if (!answer || !['result', 'message'].includes(answer.type ?? ''))
            failures.push(`${where}: not a message extension answer: ${a.body.slice(0, 200)}`);
        } else failures.push(`${where}: ${a.status}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await snapshot()).toEqual(before);
  }, 120_000);

  it('answers senders who are unknown, odd, or from another tenant, and changes nothing', async () => {
    const before = await snapshot();
    const stranger = { ...danish, id: randomUUID() };
    const senders: [string, (a: Json) => Json][] = [
      ['an unknown person', (a) => ({ ...a, from: { id: '29:x', aadObjectId: stranger.id } })],
      ['no Entra id', (a) => ({ ...a, from: { id: '29:x' } })],
      ['an Entra id as a number', (a) => ({ ...a, from: { id: '29:x', aadObjectId: 42 } })],
      ['an Entra id of 100 kB', (a) => ({ ...a, from: { id: '29:x', aadObjectId: 'x'.repeat(100_000) } })],
      ['an Entra id with a NUL', (a) => ({ ...a, from: { id: '29:x', aadObjectId: `${danish.id}\u0000` } })],
      [
        'another tenant',
        (a) => ({
          ...a,
          conversation: { ...(a['conversation'] as Json), tenantId: otherTenant },
          channelData: { tenant: { id: otherTenant } },
        }),
      ],
      [
        'an unknown tenant',
        (a) => ({
          ...a,
          conversation: { ...(a['conversation'] as Json), tenantId: randomUUID() },
          channelData: { tenant: { id: randomUUID() } },
        }),
      ],
      [
        'a tenant id that is no id',
        (a) => ({
          ...a,
          conversation: { ...(a['conversation'] as Json), tenantId: 'x\u0000y' },
          channelData: {},
        }),
      ],
      [
        'a tenant id as a number',
        (a) => ({
          ...a,
          conversation: { ...(a['conversation'] as Json), tenantId: 42 },
          channelData: { tenant: { id: 42 } },
        }),
      ],
      [
        'a conversation id with a NUL',
        (a) => ({ ...a, conversation: { ...(a['conversation'] as Json), id: 'a:chat\u0000' } }),
      ],
      ['a sender id with a NUL', (a) => ({ ...a, from: { ...(a['from'] as Json), id: '29:x\u0000' } })],
      ['channel data as a string', (a) => ({ ...a, channelData: 'tenant' })],
      ['a locale of 100 kB', (a) => ({ ...a, locale: 'x'.repeat(100_000) })],
      ['a locale as a number', (a) => ({ ...a, locale: 42 })],
    ];
    const failures: string[] = [];
    const base = bases.get(danish.id)!;
    for (const [who, as] of senders) {
      const activities: [string, Json][] = [
        ...CARD_ACTIONS.map((action): [string, Json] => [
          `${action.chorus} submit`,
          { type: 'message', value: base.get(action.chorus)! },
        ]),
        [
          'execute',
          {
            type: 'invoke',
            name: 'adaptiveCard/action',
            value: { action: { type: 'Action.Execute', verb: 'onboarding', data: base.get('onboarding')! } },
          },
        ],
        [
          'search',
          {
            type: 'invoke',
            name: 'composeExtension/query',
            value: { commandId: SEARCH_COMMAND, parameters: [{ name: SEARCH_PARAMETER, value: 'jobs' }] },
          },
        ],
        ['a command', { type: 'message', text: 'stats' }],
        ['a NUL message', { type: 'message', text: 'stats\u0000' }],
      ];
      for (const [what, fields] of activities) {
        const activity = as(teamsActivity(app, connector.serviceUrl, danish, fields));
        const res = await postActivity(app, activity);
        const body = await res.text();
        const where = `${what} from ${who} → ${res.status}`;
        const answer = { where, status: res.status, body, replies: repliesTo(activity) };
        if (res.status >= 500) failures.push(`${where}: ${body.slice(0, 200)}`);
        else if (res.status >= 400) {
          const problem = httpErrorProblem(answer);
          if (problem) failures.push(`${where}: ${problem}`);
        } else if (STACK_TRACE.test(body)) failures.push(`${where}: stack trace in the answer`);
        else if (fields['type'] === 'message') {
          const problem = submitProblem(answer, null);
          if (problem) failures.push(`${where}: ${problem}`);
        } else if (fields['name'] === 'adaptiveCard/action') {
          const problem = executeProblem(answer);
          if (problem) failures.push(`${where}: ${problem}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(await snapshot()).toEqual(before);
  }, 300_000);
});
