import { MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import pino from 'pino';
import { describe, expect, it, vi } from 'vitest';
import type { Person } from '../src/domain/person';
import { systemClock } from '../src/ports/clock';
import type { ContentStore } from '../src/ports/content';
import type { Store } from '../src/ports/store';
import { MemoryConversationReferences } from '../src/ports/testing/memory-conversation-references';
import { createChorusApplication } from './application';
import { testPerson } from '../src/ports/testing/people';

const TENANT = 'tenant-1';
const person = (id: string, displayName: string, preferredLanguage: string | null): Person =>
  testPerson(id, { displayName, preferredLanguage });
const mette = person('p-da', 'Mette Hansen', 'da-DK');
const oliver = person('p-en', 'Oliver Smith', 'en-GB');

function setup(options: { peopleFail?: boolean } = {}) {
  const directory = new Map([mette, oliver].map((p) => [`${TENANT}/${p.id}`, p]));
  const people = {
    get: async (tenantId: string, id: string) => {
      if (options.peopleFail) throw new Error('database is down');
      return directory.get(`${tenantId}/${id}`) ?? null;
    },
  } as unknown as Store['people'];
  const conversations = new MemoryConversationReferences();
  const logger = pino({ level: 'silent' });
  const errors = vi.spyOn(logger, 'error');
  const { app, onTurnError } = createChorusApplication({
    deps: { store: { people }, conversations, content: {} as ContentStore, clock: systemClock },
    logger,
    fallbackTenantId: TENANT,
    publicUrl: 'https://chorus.example.com',
    storage: new MemoryStorage(),
  });
  const adapter = new TestAdapter(async (context) => {
    await app.run(context);
  });
  adapter.onTurnError = onTurnError;
  return { adapter, conversations, errors };
}

const fromPerson = (p: Person) => ({ id: `29:${p.id}`, name: p.displayName, aadObjectId: p.id });
const personal = { id: 'a:chat-1', conversationType: 'personal', tenantId: TENANT };

function message(from: Person | null, text: string, locale?: string): Partial<Activity> {
  return {
    type: 'message',
    text,
    from: from ? fromPerson(from) : { id: '29:stranger', name: 'Stranger' },
    conversation: personal as Activity['conversation'],
    ...(locale ? { locale } : {}),
  };
}

function install(from: Person, extra: Partial<Activity> = {}): Partial<Activity> {
  return {
    type: 'conversationUpdate',
    membersAdded: [{ id: 'bot', name: 'Bot' }],
    from: fromPerson(from),
    conversation: personal as Activity['conversation'],
    ...extra,
  };
}

/** The bot's replies to one incoming activity. */
async function repliesTo(adapter: TestAdapter, activity: Partial<Activity>) {
  adapter.activeQueue.length = 0;
  await adapter.processActivity(activity);
  return adapter.activeQueue.splice(0);
}

function cardTexts(activity: Partial<Activity> | undefined): string[] {
  const card = activity?.attachments?.[0];
  expect(card?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  const content = card!.content as { version: string; body: { type: string; text: string }[] };
  expect(content.version).toBe('1.5');
  return content.body.filter((b) => b.type === 'TextBlock').map((b) => b.text);
}

describe('help', () => {
  it('lists what the bot can do, in Danish for a Danish speaker', async () => {
    const { adapter } = setup();
    for (const text of ['hjælp', 'help', ' HELP ', 'Hjælp!']) {
      const replies = await repliesTo(adapter, message(mette, text, 'en-US'));
      expect(replies).toHaveLength(1);
      const texts = cardTexts(replies[0]);
      expect(texts[0]).toBe('Det kan jeg hjælpe med');
      expect(texts.slice(1).join(' ')).toMatch(/“hjælp”: viser denne liste/);
    }
  });

  it('lists what the bot can do, in English for an English speaker', async () => {
    const { adapter } = setup();
    const texts = cardTexts((await repliesTo(adapter, message(oliver, 'help', 'da-DK')))[0]);
    expect(texts[0]).toBe('What I can help with');
    // The title, then one line per command (spar included) and the tab.
    expect(texts).toHaveLength(10);
    expect(texts.join(' ')).toMatch(/“spar” and your draft/);
  });

  it('uses the client locale for someone outside the directory, and Danish without one', async () => {
    const { adapter } = setup();
    expect(cardTexts((await repliesTo(adapter, message(null, 'help', 'en-US')))[0])[0]).toBe(
      'What I can help with',
    );
    expect(cardTexts((await repliesTo(adapter, message(null, 'help')))[0])[0]).toBe('Det kan jeg hjælpe med');
  });
});

describe('unknown input', () => {
  it('gets a friendly pointer to help, in the person’s language', async () => {
    const { adapter } = setup();
    const da = await repliesTo(adapter, message(mette, 'hvornår er der frokost?'));
    expect(da.map((a) => a.text)).toEqual([
      'Det forstod jeg ikke helt. Skriv “hjælp” for at se, hvad jeg kan.',
    ]);
    const en = await repliesTo(adapter, message(oliver, 'helpful people?'));
    expect(en.map((a) => a.text)).toEqual(["I didn't quite get that. Write “help” to see what I can do."]);
  });
});

describe('install', () => {
  it('greets in Danish and stores the conversation reference under the person', async () => {
    const { adapter, conversations } = setup();
    const replies = await repliesTo(adapter, install(mette, { locale: 'en-US' }));
    expect(replies).toHaveLength(1);
    expect(cardTexts(replies[0])[0]).toBe('Hej Mette!');
    expect(replies[0]!.summary).toBe('Hej Mette!');
    const stored = await conversations.get(TENANT, mette.id);
    expect(stored?.conversationId).toBe('a:chat-1');
    expect(stored?.reference).toMatchObject({
      conversation: { id: 'a:chat-1' },
      user: { aadObjectId: mette.id },
    });
    expect(stored?.reference).not.toHaveProperty('activityId');
  });

  it('greets in English on installationUpdate "add"', async () => {
    const { adapter, conversations } = setup();
    const replies = await repliesTo(
      adapter,
      install(oliver, { type: 'installationUpdate', action: 'add', membersAdded: [] }),
    );
    expect(cardTexts(replies[0])).toEqual([
      'Hi Oliver!',
      "I'm Chorus, the bot behind the ambassador program. I'll write to you here when something happens in the program.",
      'Write “help” to see what I can do.',
    ]);
    expect(await conversations.get(TENANT, oliver.id)).not.toBeNull();
  });

  it('greets once per install, and again after an uninstall', async () => {
    const { adapter } = setup();
    expect(await repliesTo(adapter, install(mette))).toHaveLength(1);
    expect(
      await repliesTo(adapter, install(mette, { type: 'installationUpdate', action: 'add' })),
    ).toHaveLength(0);
    expect(
      await repliesTo(adapter, install(mette, { type: 'installationUpdate', action: 'remove' })),
    ).toHaveLength(0);
    expect(
      await repliesTo(adapter, install(mette, { type: 'installationUpdate', action: 'add' })),
    ).toHaveLength(1);
  });

  it('says nothing when added to a group chat or a team, and stores nothing', async () => {
    const { adapter, conversations } = setup();
    const group = {
      id: '19:group',
      conversationType: 'groupChat',
      isGroup: true,
      tenantId: TENANT,
    } as Activity['conversation'];
    expect(await repliesTo(adapter, install(mette, { conversation: group }))).toHaveLength(0);
    expect(await conversations.get(TENANT, mette.id)).toBeNull();
  });

  it('says nothing when someone else joins a chat the bot is in', async () => {
    const { adapter } = setup();
    expect(
      await repliesTo(adapter, install(mette, { membersAdded: [{ id: '29:someone-else', name: 'X' }] })),
    ).toHaveLength(0);
  });
});

describe('failures', () => {
  it('answers briefly in the person’s language and logs the details', async () => {
    const { adapter, errors } = setup({ peopleFail: true });
    const en = await repliesTo(adapter, message(oliver, 'help', 'en-GB'));
    expect(en.map((a) => a.text)).toEqual([
      'Sorry, something went wrong on our side. Please try again in a moment.',
    ]);
    const da = await repliesTo(adapter, install(mette, { locale: 'da-DK' }));
    expect(da.map((a) => a.text)).toEqual(['Beklager, noget gik galt hos os. Prøv igen om lidt.']);
    expect(errors).toHaveBeenCalledTimes(2);
    const [details, text] = errors.mock.calls[0]! as unknown as [
      { err: Error; activityType: string },
      string,
    ];
    expect(text).toBe('bot turn failed');
    expect(details.err.message).toBe('database is down');
    expect(details.activityType).toBe('message');
  });
});
