import { MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { expectTeamsCard } from '../tests/support/teams-cards';
import { coach, describeFinding, type CoachSettings, type FindingCode } from '../src/domain/coach';
import type { Person } from '../src/domain/person';
import type { Network } from '../src/domain/program';
import type { Clock } from '../src/ports/clock';
import type { ContentStore } from '../src/ports/content';
import type { Store } from '../src/ports/store';
import { MemoryConversationReferences } from '../src/ports/testing/memory-conversation-references';
import {
  MemoryCoachSettings,
  MemorySparringStore,
  StaticCoachLibrary,
} from '../src/ports/testing/memory-sparring';
import { DEMO_COACH_SETTINGS } from '../src/demo/demo-coach';
import { DEMO_DOMAIN } from '../src/demo/demo-org';
import { createChorusApplication } from './application';
import { SPARRING_STRINGS } from './cards-sparring';
import { looksLikeDraft } from './handlers/sparring';
import { testPerson } from '../src/ports/testing/people';

const TENANT = 'tenant-1';
const PUBLIC_URL = 'https://chorus.example.com';
const person = (id: string, displayName: string, preferredLanguage: string | null): Person =>
  testPerson(id, { displayName, preferredLanguage });
const mette = person('p-da', 'Mette Hansen', 'da-DK');
const oliver = person('p-en', 'Oliver Smith', 'en-GB');
const everyone = [mette, oliver];

const SETTINGS: CoachSettings = {
  companyName: 'Nordlys Energi',
  blockedTerms: ['Projekt Polarstjerne', 'fortroligt'],
  requiredHashtags: ['#NordlysEnergi'],
  tone: 'du',
  emojiPolicy: 'none',
  companyDomains: ['nordlys.example'],
};
const CAPTION =
  'Stolt i dag: vores nye driftscenter i Aarhus er åbnet, og herfra holder kollegerne øje med 38.000 km elnet døgnet rundt. Det er dem, der sørger for, at lyset bliver ved med at være tændt. #NordlysEnergi #elnet #Aarhus';
const ITEM_URL = 'https://www.nordlys.example/driftscenter';
const fixedClock: Clock = { now: () => new Date('2026-11-23T09:00:00Z') };

function setup() {
  const directory = new Map(everyone.map((p) => [p.id, p]));
  const people = {
    get: async (_tenantId: string, id: string) => directory.get(id) ?? null,
    search: async (_tenantId: string, query: string) =>
      everyone.filter((p) => p.displayName.toLowerCase().includes(query.toLowerCase())),
  } as unknown as Store['people'];
  // Mette is an ambassador; Oliver is not.
  const memberships = {
    get: async (_tenantId: string, id: string) => (id === mette.id ? { personId: id } : null),
  } as unknown as Store['memberships'];
  const coachSettings = new MemoryCoachSettings();
  void coachSettings.put(TENANT, SETTINGS, { updatedBy: null, at: fixedClock.now() });
  const library = new StaticCoachLibrary(
    [CAPTION, 'Vi søger to nye kolleger til kundeservice i Odense! #job #Odense #kundeservice'],
    [
      {
        id: 'item-1',
        title: 'Nyt driftscenter',
        linkUrl: ITEM_URL,
        networks: ['linkedin'],
        captions: [CAPTION],
      },
    ],
  );
  const trackedLinks: { personId: string; itemId: string; network: Network }[] = [];
  const sharing = {
    ensureTrackedLink: async (
      _tenantId: string,
      owner: { personId: string; itemId: string; network: Network },
    ) => {
      trackedLinks.push(owner);
      return { code: 'abcDEF123', ...owner };
    },
  };
  const requests = new MemorySparringStore(new Map(everyone.map((p) => [p.id, p.displayName])));
  const store = { people, memberships } as unknown as Store;
  const { app, onTurnError } = createChorusApplication({
    deps: {
      store,
      conversations: new MemoryConversationReferences(),
      content: {} as ContentStore,
      clock: fixedClock,
      sparring: { store, coachSettings, coachLibrary: library, sharing, requests },
    },
    logger: pino({ level: 'silent' }),
    fallbackTenantId: TENANT,
    publicUrl: PUBLIC_URL,
    storage: new MemoryStorage(),
  });
  const adapter = new TestAdapter(async (context) => {
    await app.run(context);
  });
  adapter.onTurnError = onTurnError;
  return { adapter, requests, trackedLinks, library };
}

const fromPerson = (p: Person) => ({ id: `29:${p.id}`, name: p.displayName, aadObjectId: p.id });
const personal = {
  id: 'a:chat-1',
  conversationType: 'personal',
  tenantId: TENANT,
} as Activity['conversation'];

const message = (from: Person, text: string): Partial<Activity> => ({
  type: 'message',
  text,
  from: fromPerson(from),
  conversation: personal,
});
const submit = (from: Person, value: Record<string, unknown>): Partial<Activity> => ({
  type: 'message',
  value,
  from: fromPerson(from),
  conversation: personal,
});

async function repliesTo(adapter: TestAdapter, activity: Partial<Activity>) {
  adapter.activeQueue.length = 0;
  await adapter.processActivity(activity);
  return adapter.activeQueue.splice(0);
}

type Element = {
  type: string;
  id?: string;
  text?: string;
  items?: Element[];
  facts?: { title: string; value: string }[];
};
type Card = {
  version: string;
  body: Element[];
  actions?: { type: string; title: string; data?: Record<string, unknown>; card?: Card }[];
};

function cardOf(activity: Partial<Activity> | undefined): Card {
  const attachment = activity?.attachments?.[0];
  expect(attachment?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  const card = attachment!.content as Card;
  expectTeamsCard(card);
  return card;
}

/** The findings on a feedback card: code (from the container id) and the container's texts. */
function findingsOn(card: Card) {
  return card.body
    .filter((e) => e.type === 'Container' && e.id?.startsWith('finding-'))
    .map((e) => ({
      code: e.id!.split('-').slice(2).join('-') as FindingCode,
      texts: e.items!.map((i) => i.text!),
    }));
}

async function spar(
  adapter: TestAdapter,
  from: Person,
  draft: string,
  options: { network?: Network; kind?: 'program' | 'voluntary' } = {},
) {
  const replies = await repliesTo(
    adapter,
    submit(from, {
      chorus: 'spar',
      nonce: 'n-1',
      draft,
      network: options.network ?? 'linkedin',
      kind: options.kind ?? 'voluntary',
    }),
  );
  expect(replies).toHaveLength(1);
  return cardOf(replies[0]);
}

const DANISH_OWN =
  'I dag var jeg med til at åbne vores nye driftscenter i Aarhus hos Nordlys Energi.\n\nDet var en stor dag for hele holdet, og jeg er stolt af det, vi har bygget sammen. #NordlysEnergi #elnet #Aarhus';

describe('the feedback card shows each kind of finding in the person’s words', () => {
  const cases: {
    name: string;
    from: Person;
    draft: string;
    network?: Network;
    kind?: 'program' | 'voluntary';
    expected: FindingCode[];
  }[] = [
    {
      name: 'disclosure missing on program content',
      from: mette,
      draft: DANISH_OWN,
      kind: 'program',
      expected: ['DISCLOSURE_MISSING'],
    },
    {
      name: 'a blocked term',
      from: mette,
      draft: `Reklame: ${DANISH_OWN.replace('driftscenter', 'driftscenter til Projekt Polarstjerne')}`,
      kind: 'program',
      expected: ['BLOCKED_TERM'],
    },
    {
      name: 'too long for X',
      from: oliver,
      draft: `I work at Nordlys Energi and today I helped open our new control centre. ${'We watch the grid day and night so the lights stay on. '.repeat(5)}#NordlysEnergi #grid #Aarhus`,
      network: 'x',
      expected: ['TOO_LONG'],
    },
    {
      name: 'too many hashtags, and the required one missing',
      from: oliver,
      draft:
        'I work at Nordlys Energi, and today I walked through our new control centre with the night shift.\n\nWhat a team. #energy #grid #Aarhus #jobs #tech #power #night',
      expected: ['HASHTAGS_TOO_MANY', 'HASHTAG_REQUIRED_MISSING'],
    },
    { name: 'a caption copied from the library', from: mette, draft: CAPTION, expected: ['COPIED_CAPTION'] },
    {
      name: 'the formal “De” against the program’s “du”',
      from: mette,
      draft: `${DANISH_OWN}\n\nVi glæder os til at se Dem til åbent hus.`,
      expected: ['TONE_MISMATCH'],
    },
    {
      name: 'emoji against the program’s policy',
      from: mette,
      draft: `${DANISH_OWN} 🎉`,
      expected: ['EMOJI_AGAINST_POLICY'],
    },
  ];

  for (const c of cases) {
    it(c.name, async () => {
      const { adapter, library } = setup();
      const card = await spar(adapter, c.from, c.draft, { network: c.network, kind: c.kind });
      const shown = findingsOn(card);
      expect(shown.map((f) => f.code)).toEqual(expect.arrayContaining(c.expected));
      // Exactly the coach's findings, in its order, each in words (no links or names in these drafts).
      const language = c.from === mette ? 'da' : 'en';
      const expected = coach(
        {
          text: c.draft,
          network: c.network ?? 'linkedin',
          kind: c.kind ?? 'voluntary',
          language,
          captions: library.captions,
          colleagueNames: [],
        },
        SETTINGS,
      );
      expect(shown).toEqual(
        expected.findings.map((f) => {
          const words = describeFinding(f, language);
          return {
            code: f.code,
            texts: [
              SPARRING_STRINGS[language].severity[f.severity],
              words.reason,
              `${SPARRING_STRINGS[language].suggestion}: ${words.suggestion}`,
            ],
          };
        }),
      );
      const facts = card.body.find((e) => e.type === 'FactSet')!.facts!;
      expect(facts[0]!.value).toContain(expected.limit.toLocaleString(language === 'da' ? 'da-DK' : 'en-GB'));
      expect(facts[1]!.value).toContain(String(expected.copiedPercent));
    });
  }

  it('a link to a library item: untracked, with the ambassador’s own tracked link offered', async () => {
    const { adapter, trackedLinks } = setup();
    const card = await spar(adapter, mette, `Reklame: ${DANISH_OWN}\n\nLæs mere: ${ITEM_URL}`, {
      kind: 'program',
    });
    expect(findingsOn(card).map((f) => f.code)).toContain('UNTRACKED_LINK');
    const offer = card.body.find((e) => e.id === 'tracked-links')!;
    expect(offer.items!.map((i) => i.text).join(' ')).toContain(`${PUBLIC_URL}/r/abcDEF123`);
    expect(trackedLinks).toEqual([{ personId: mette.id, itemId: 'item-1', network: 'linkedin' }]);
  });

  it('no tracked link for someone who is not an ambassador', async () => {
    const { adapter, trackedLinks } = setup();
    const card = await spar(
      adapter,
      oliver,
      `I work at Nordlys Energi. Read about our new control centre: ${ITEM_URL} #NordlysEnergi #grid #energy`,
    );
    expect(findingsOn(card).map((f) => f.code)).toContain('UNTRACKED_LINK');
    expect(card.body.find((e) => e.id === 'tracked-links')).toBeUndefined();
    expect(trackedLinks).toEqual([]);
  });

  it('a colleague named in the draft: a reminder to ask for consent', async () => {
    const { adapter } = setup();
    const card = await spar(
      adapter,
      oliver,
      'I work at Nordlys Energi, and today Mette Hansen showed me how we watch the grid at night. I learned a lot. #NordlysEnergi #grid #energy',
    );
    const people = findingsOn(card).filter((f) => f.code === 'PEOPLE_CONSENT');
    expect(people).toHaveLength(1);
    expect(people[0]!.texts.join(' ')).toContain('Mette Hansen');
  });
});

describe('the demo program’s coach settings', () => {
  it('coach a draft (a hyphenated company domain and multi-word blocked terms included)', () => {
    // Guards the demo: its domain is nordlys-demo.dk, so the coach must compile settings with a '-'.
    const result = coach(
      {
        text: `Jeg arbejder hos Nordlys Energi. Læs mere: https://www.${DEMO_DOMAIN}/job #NordlysEnergi #elnet #job`,
        network: 'linkedin',
        kind: 'voluntary',
        language: 'da',
        captions: [],
      },
      DEMO_COACH_SETTINGS,
    );
    expect(result.findings.map((f) => f.code)).toContain('UNTRACKED_LINK');
  });
});

describe('how a draft reaches the coach', () => {
  it('takes a long message in the chat as a pasted draft, and a short one as something else', async () => {
    const { adapter } = setup();
    const card = cardOf((await repliesTo(adapter, message(mette, DANISH_OWN)))[0]);
    expect(card.body[0]!.text).toBe('Sparring på dit udkast');
    const short = await repliesTo(adapter, message(mette, 'hvad så'));
    expect(short).toHaveLength(1);
    expect(short[0]!.attachments ?? []).toHaveLength(0);
    expect(looksLikeDraft('one\ntwo\nthree')).toBe(false);
    expect(looksLikeDraft('First line of my post\nSecond line here\nThird line, done')).toBe(true);
  });

  it('coaches `spar <text>` and `sparring <text>`, and never echoes a rewritten post', async () => {
    const { adapter } = setup();
    for (const command of ['spar', 'Sparring']) {
      const card = cardOf(
        (
          await repliesTo(adapter, message(oliver, `${command} I work at Nordlys Energi. Short one. #grid`))
        )[0],
      );
      expect(card.body[0]!.text).toBe('Feedback on your draft');
      expect(findingsOn(card).map((f) => f.code)).toContain('HASHTAGS_TOO_FEW');
      const askComms = card.actions!.find((a) => a.type === 'Action.Submit')!;
      expect(askComms).toMatchObject({
        title: 'Ask comms',
        data: {
          chorus: 'askComms',
          draft: 'I work at Nordlys Energi. Short one. #grid',
          network: 'linkedin',
        },
      });
      const again = card.actions!.find((a) => a.type === 'Action.ShowCard')!;
      expect(again.title).toBe('Check again');
      expectTeamsCard({ ...again.card, version: '1.5' });
    }
  });

  it('answers `spar` alone with the “Get feedback” card, listing the latest requests', async () => {
    const { adapter, requests } = setup();
    await requests.create(TENANT, {
      personId: mette.id,
      language: 'da',
      network: 'linkedin',
      draft: 'Mit første udkast om driftscentret',
      findings: [],
      requestKey: 'k-old',
      at: new Date('2026-11-20T09:00:00Z'),
    });
    const card = cardOf((await repliesTo(adapter, message(mette, 'spar')))[0]);
    expect(card.body[0]!.text).toBe('Få sparring på et udkast');
    expect(card.body.map((e) => e.type)).toEqual(expect.arrayContaining(['Input.Text', 'Input.ChoiceSet']));
    expect(card.actions![0]).toMatchObject({ type: 'Action.Submit', data: { chorus: 'spar' } });
    expect(card.body.map((e) => e.text ?? '').join(' ')).toContain('Venter på svar');
  });

  it('refuses a draft that is too long, saying how long it is', async () => {
    const { adapter } = setup();
    const replies = await repliesTo(
      adapter,
      submit(oliver, {
        chorus: 'spar',
        nonce: 'n',
        draft: 'word '.repeat(1300),
        network: 'linkedin',
        kind: 'voluntary',
      }),
    );
    expect(replies).toHaveLength(1);
    expect(replies[0]!.text).toMatch(/6,499 characters; I look at drafts of up to 5,000/);
  });

  it('answers a stray value from a card clearly, without a crash', async () => {
    const { adapter } = setup();
    const replies = await repliesTo(
      adapter,
      submit(mette, { chorus: 'spar', nonce: 'n', draft: 'x', network: 'myspace', kind: 'voluntary' }),
    );
    expect(replies).toHaveLength(1);
    expect(replies[0]!.text).toBe(SPARRING_STRINGS.da.cardNotUnderstood);
  });
});

describe('Ask comms', () => {
  it('sends the draft and the coach’s findings once, however often the card is submitted', async () => {
    const { adapter, requests } = setup();
    const card = cardOf((await repliesTo(adapter, message(mette, DANISH_OWN)))[0]);
    const ask = card.actions!.find((a) => a.type === 'Action.Submit')!;
    const first = await repliesTo(adapter, submit(mette, ask.data!));
    expect(first[0]!.text).toBe(SPARRING_STRINGS.da.askCommsSent);
    const second = await repliesTo(adapter, submit(mette, ask.data!));
    expect(second[0]!.text).toBe(SPARRING_STRINGS.da.askCommsAlreadySent);
    expect(requests.rows).toHaveLength(1);
    const stored = requests.rows[0]!;
    expect(stored).toMatchObject({
      personId: mette.id,
      draft: DANISH_OWN,
      status: 'open',
      language: 'da',
      requestKey: ask.data!['nonce'],
    });
    expect(stored.findings.map((f) => f.code)).toEqual(findingsOn(card).map((f) => f.code));
  });

  it('is refused, in words, for a sender outside the directory', async () => {
    const { adapter, requests } = setup();
    const replies = await repliesTo(adapter, {
      type: 'message',
      value: { chorus: 'askComms', nonce: 'n-x', draft: DANISH_OWN, network: 'linkedin', kind: 'voluntary' },
      from: { id: '29:stranger', name: 'Stranger' },
      conversation: personal,
      locale: 'en-US',
    });
    expect(replies.map((r) => r.text)).toEqual(['Sparring is for people in the organisation directory.']);
    expect(requests.rows).toEqual([]);
  });

  it('a new card is a new request', async () => {
    const { adapter, requests } = setup();
    for (let i = 0; i < 2; i++) {
      const card = cardOf(
        (
          await repliesTo(adapter, message(oliver, `spar I work at Nordlys Energi. Draft number ${i}. #grid`))
        )[0],
      );
      await repliesTo(adapter, submit(oliver, card.actions![0]!.data!));
    }
    expect(requests.rows.map((r) => r.draft)).toEqual([
      'I work at Nordlys Energi. Draft number 0. #grid',
      'I work at Nordlys Energi. Draft number 1. #grid',
    ]);
  });
});
