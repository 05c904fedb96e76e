import { TestAdapter, type Activity } from 'botbuilder';
import pino from 'pino';
import { expect } from 'vitest';
import { createChorusApplication } from '../../bot/application';
import { createBotStorage } from '../../src/db/bot-storage';
import { createChatPreferencesStore } from '../../src/db/chat-preferences-store';
import type { DatabaseHandle } from '../../src/db/database';
import { createOnboardingStore } from '../../src/db/onboarding-store';
import { createSharingStore } from '../../src/db/sharing-store';
import { createSparringStore } from '../../src/db/sparring-store';
import { DEFAULT_DOCUMENTS } from '../../src/domain/program';
import type { Person } from '../../src/domain/person';
import type { Clock } from '../../src/ports/clock';
import type { ContentStore, LibraryEntry } from '../../src/ports/content';
import type { Store } from '../../src/ports/store';
import { MemoryConversationReferences } from '../../src/ports/testing/memory-conversation-references';
import { openTestStore } from '../support/database';
import { adaptiveCards, expectTeamsCards } from '../support/teams-cards';
import { testPerson } from '../../src/ports/testing/people';

export const PUBLIC_URL = 'https://chorus.example.com';

export const person = (id: string, displayName: string, preferredLanguage: string | null): Person =>
  testPerson(id, { displayName, preferredLanguage });

/** A library entry for the fake library (only what the cards read matters). */
export function libraryItem(id: string, topic: string, title: string): LibraryEntry {
  return {
    id,
    title,
    body: `${title} body`,
    linkUrl: `https://example.com/${id}`,
    imageId: null,
    imageUrl: null,
    topic,
    language: 'da',
    networks: ['linkedin'],
    pinned: false,
    advertising: true,
    shareCount: 0,
    publishedAt: new Date('2026-01-01T00:00:00Z'),
    caption: `Caption of ${title}`,
  };
}

/** A library that answers topic searches from a list (the real search is tested in tests/content). */
export function fakeLibrary(items: LibraryEntry[]): ContentStore {
  return {
    library: {
      search: async (_tenantId: string, query: { topic: string | null; limit: number }) =>
        items
          .filter((i) => query.topic === null || i.topic === query.topic)
          .slice(0, query.limit)
          .map((entry) => ({ entry, position: {} })),
    },
  } as unknown as ContentStore;
}

/** A settable clock. */
export function testClock(start = '2026-03-02T09:00:00Z') {
  let now = new Date(start);
  const clock: Clock & { advance(ms: number): void } = {
    now: () => now,
    advance: (ms) => {
      now = new Date(now.getTime() + ms);
    },
  };
  return clock;
}

export interface BotWorld {
  handle: DatabaseHandle;
  store: Store;
  tenantId: string;
  clock: ReturnType<typeof testClock>;
  content: ContentStore;
  /** A new application instance over the same Postgres (a restart, or a second instance). */
  instance(): TestAdapter;
  close(): Promise<void>;
}

/** A tenant with people and program documents in a real database, and bot instances over it. */
export async function openBotWorld(people: Person[], items: LibraryEntry[] = []): Promise<BotWorld> {
  const { handle, store, tenantId } = await openTestStore();
  await store.people.upsertMany(tenantId, people);
  await store.program.addVersion(tenantId, 'purpose', { ...DEFAULT_DOCUMENTS.purpose, createdBy: null });
  await store.program.addVersion(tenantId, 'guidelines', {
    ...DEFAULT_DOCUMENTS.guidelines,
    createdBy: null,
  });
  const clock = testClock();
  const content = fakeLibrary(items);
  const conversations = new MemoryConversationReferences();
  const instance = () => {
    const chatPreferences = createChatPreferencesStore(handle.db);
    const { app, onTurnError } = createChorusApplication({
      deps: {
        store,
        conversations,
        content,
        clock,
        ambassador: {
          store,
          onboarding: createOnboardingStore(handle.db),
          chatPreferences,
          sharing: createSharingStore(handle.db),
          sparringRequests: createSparringStore(handle.db),
        },
        chatPreferences,
      },
      logger: pino({ level: 'silent' }),
      fallbackTenantId: tenantId,
      publicUrl: PUBLIC_URL,
      storage: createBotStorage(handle.db, () => tenantId),
    });
    const adapter = new TestAdapter(async (context) => {
      await app.run(context);
    });
    adapter.onTurnError = onTurnError;
    return adapter;
  };
  return { handle, store, tenantId, clock, content, instance, close: () => handle.close() };
}

const fromPerson = (p: Person) => ({ id: `29:${p.id}`, name: p.displayName, aadObjectId: p.id });

export function personalChat(world: Pick<BotWorld, 'tenantId'>, p: Person) {
  return {
    id: `a:chat-${p.id}`,
    conversationType: 'personal',
    tenantId: world.tenantId,
  } as Activity['conversation'];
}

/** A text message from `p` in their 1:1 chat. */
export function say(
  world: Pick<BotWorld, 'tenantId'>,
  p: Person,
  text: string,
  extra: Partial<Activity> = {},
) {
  return {
    type: 'message',
    text,
    from: fromPerson(p),
    recipient: { id: '28:bot', name: 'Chorus' },
    conversation: personalChat(world, p),
    ...extra,
  } as Partial<Activity>;
}

/** Action.Submit as Teams sends it: a message with the button's data (and the inputs) as `value`. */
export function submit(world: Pick<BotWorld, 'tenantId'>, p: Person, value: unknown): Partial<Activity> {
  return {
    type: 'message',
    value,
    from: fromPerson(p),
    recipient: { id: '28:bot', name: 'Chorus' },
    conversation: personalChat(world, p),
  };
}

/** The bot's replies to one incoming activity; every card among them must be one Teams renders. */
export async function repliesTo(adapter: TestAdapter, activity: Partial<Activity>) {
  adapter.activeQueue.length = 0;
  await adapter.processActivity(activity);
  const replies = adapter.activeQueue.splice(0);
  expectTeamsCards(replies);
  return replies;
}

type Json = Record<string, unknown>;

/** The one Adaptive Card in an activity. */
export function cardOf(activity: Partial<Activity> | undefined): Json {
  const cards = adaptiveCards(activity ?? {});
  expect(cards).toHaveLength(1);
  return cards[0]!;
}

/** The TextBlock texts of a card. */
export function textsOf(activity: Partial<Activity> | undefined): string[] {
  const body = (cardOf(activity)['body'] ?? []) as Json[];
  return body.filter((b) => b['type'] === 'TextBlock').map((b) => String(b['text']));
}

/** The card's Action.Submit buttons. */
export function submitsOf(activity: Partial<Activity> | undefined): { title: string; data: Json }[] {
  const actions = (cardOf(activity)['actions'] ?? []) as Json[];
  return actions
    .filter((a) => a['type'] === 'Action.Submit')
    .map((a) => ({ title: String(a['title']), data: a['data'] as Json }));
}

/** The data of the card's only (or named) submit button. */
export function buttonData(activity: Partial<Activity> | undefined, title?: string): Json {
  const buttons = submitsOf(activity);
  const button = title ? buttons.find((b) => b.title === title) : buttons[0];
  expect(button, `button ${title ?? '(first)'} in ${JSON.stringify(buttons)}`).toBeDefined();
  return button!.data;
}
