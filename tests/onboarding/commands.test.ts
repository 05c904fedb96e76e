import { and, eq } from 'drizzle-orm';
import type { Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChatPreferencesStore } from '../../src/db/chat-preferences-store';
import { createOnboardingStore } from '../../src/db/onboarding-store';
import { chatPreferences, onboardingProgress } from '../../src/db/schema';
import { joinProgram } from '../../src/services/join-program';
import {
  buttonData,
  cardOf,
  libraryItem,
  openBotWorld,
  person,
  repliesTo,
  say,
  submit,
  submitsOf,
  textsOf,
  type BotWorld,
} from './harness';

const mette = person('c-mette', 'Mette Hansen', 'da-DK');
const oliver = person('c-oliver', 'Oliver Smith', 'en-GB');
const noah = person('c-noah', 'Noah Lund', 'da-DK');

const ITEMS = [
  libraryItem('i-1', 'jobs', 'Job 1'),
  libraryItem('i-2', 'jobs', 'Job 2'),
  libraryItem('i-3', 'events', 'Event 1'),
  libraryItem('i-4', 'jobs', 'Job 3'),
  libraryItem('i-5', 'product', 'Product 1'),
];

describe('the chat commands (TestAdapter, state in Postgres)', () => {
  let world: BotWorld;
  beforeAll(async () => {
    world = await openBotWorld([mette, oliver, noah], ITEMS);
    for (const [who, topics] of [
      [mette, ['events', 'jobs']],
      [oliver, []],
    ] as const) {
      await joinProgram(
        { store: world.store, clock: world.clock },
        {
          tenantId: world.tenantId,
          personId: who.id,
          guidelinesVersion: 1,
          networks: ['linkedin'],
          topics: [...topics],
          source: 'tab',
        },
      );
    }
  });
  afterAll(() => world.close());

  const prefsOf = async (personId: string) =>
    (
      await world.handle.db
        .select()
        .from(chatPreferences)
        .where(and(eq(chatPreferences.tenantId, world.tenantId), eq(chatPreferences.personId, personId)))
    )[0] ?? null;

  it('help lists every command, spar included, in both languages', async () => {
    const bot = world.instance();
    const da = textsOf((await repliesTo(bot, say(world, mette, 'hjælp')))[0]).join('\n');
    for (const word of [
      'introduktion',
      'spar',
      'bibliotek',
      'statistik',
      'pause',
      'genoptag',
      'sprog da',
      'meld ud',
    ]) {
      expect(da).toContain(`“${word}`);
    }
    const en = textsOf((await repliesTo(bot, say(world, oliver, 'help')))[0]).join('\n');
    for (const word of [
      'onboarding',
      'spar',
      'library',
      'stats',
      'pause',
      'resume',
      'language da',
      'leave',
    ]) {
      expect(en).toContain(`“${word}`);
    }
  });

  it('onboarding / introduktion starts the onboarding at the welcome card', async () => {
    const bot = world.instance();
    for (const [who, text, title] of [
      [mette, 'introduktion', 'Velkommen som ambassadør, Mette!'],
      [oliver, 'Onboarding', 'Welcome aboard as an ambassador, Oliver!'],
    ] as const) {
      const [card] = await repliesTo(bot, say(world, who, text));
      expect(textsOf(card)[0]).toBe(title);
      expect(buttonData(card)).toMatchObject({ chorus: 'onboarding', step: 'welcome' });
    }
  });

  it('library / bibliotek shows the top three for the person’s topics, with "Open in Chorus"', async () => {
    const bot = world.instance();
    const [card] = await repliesTo(bot, say(world, mette, 'bibliotek'));
    const texts = textsOf(card);
    expect(texts[0]).toBe('Fra biblioteket');
    expect(texts[1]).toBe('Det mest delte inden for dine emner: Arrangementer, Job og rekruttering.');
    const titles = ['Event 1', 'Job 1', 'Job 2'];
    for (const title of titles) expect(texts).toContain(title);
    expect(texts).not.toContain('Job 3');
    const links = (cardOf(card)['body'] as Record<string, unknown>[])
      .filter((b) => b['type'] === 'ActionSet')
      .map((b) => (b['actions'] as { url: string; title: string }[])[0]);
    expect(links.map((l) => l?.title)).toEqual(['Åbn i Chorus', 'Åbn i Chorus', 'Åbn i Chorus']);
    expect(links[0]?.url).toBe('https://chorus.example.com/items/i-3');

    // Without topics: the most shared of any topic, and a pointer to choosing topics.
    const [en] = await repliesTo(bot, say(world, oliver, 'library'));
    expect(textsOf(en)[1]).toMatch(/You haven't chosen topics yet/);
    expect(textsOf(en).filter((t) => /^(Job|Event|Product) \d$/.test(t))).toHaveLength(3);
  });

  it('stats / statistik shows the person’s own shares and clicks', async () => {
    const bot = world.instance();
    const [card] = await repliesTo(bot, say(world, mette, 'statistik'));
    expect(textsOf(card)[0]).toBe('Dine tal de sidste 30 dage');
    const facts = (cardOf(card)['body'] as Record<string, unknown>[]).find((b) => b['type'] === 'FactSet');
    expect(facts?.['facts']).toEqual([
      { title: 'Delinger', value: '0' },
      { title: 'Klik', value: '0' },
      { title: 'Unikke klik', value: '0' },
    ]);
    const [en] = await repliesTo(bot, say(world, oliver, 'stats'));
    expect(textsOf(en)[0]).toBe('Your numbers for the last 30 days');
  });

  it('pause and resume / genoptag set the preference, and say when nothing changed', async () => {
    const bot = world.instance();
    const texts = async (text: string) => (await repliesTo(bot, say(world, mette, text))).map((r) => r.text);
    expect(await texts('pause')).toEqual([
      'Notifikationer er sat på pause. Jeg sender dig ikke kampagner og invitationer, før du skriver “genoptag”.',
    ]);
    expect((await prefsOf(mette.id))?.notificationsPaused).toBe(true);
    expect((await texts('Pause'))[0]).toMatch(/allerede sat på pause/);
    expect(await texts('genoptag')).toEqual(['Notifikationer er slået til igen.']);
    expect((await prefsOf(mette.id))?.notificationsPaused).toBe(false);
    expect(await texts('genoptag')).toEqual(['Dine notifikationer er ikke sat på pause.']);
    const en = await repliesTo(bot, say(world, oliver, 'resume'));
    expect(en.map((r) => r.text)).toEqual(['Your notifications are not paused.']);
  });

  it('language / sprog shows and overrides the language, and the bot follows it', async () => {
    const bot = world.instance();
    const texts = async (text: string) => (await repliesTo(bot, say(world, oliver, text))).map((r) => r.text);
    expect((await texts('language'))[0]).toMatch(/^I write to you in English, from your Teams settings/);
    expect(await texts('language da')).toEqual(['Fint, jeg skriver til dig på dansk fra nu af.']);
    expect((await prefsOf(oliver.id))?.language).toBe('da');
    // Every answer follows the override now, whatever the directory says.
    expect(textsOf((await repliesTo(bot, say(world, oliver, 'help')))[0])[0]).toBe('Det kan jeg hjælpe med');
    expect((await texts('sprog'))[0]).toMatch(/^Jeg skriver til dig på dansk, som du har valgt/);
    expect(await texts('sprog klingon')).toEqual([
      'Det sprog kender jeg ikke: “klingon”. Jeg taler dansk (da) og engelsk (en). Skriv for eksempel “sprog da”.',
    ]);
    expect(await texts('sprog auto')).toEqual(['Fine, I follow your Teams settings again (English).']);
    expect((await prefsOf(oliver.id))?.language).toBeNull();
    expect(await texts('language EN')).toEqual(["Fine, I'll write to you in English from now on."]);
  });

  it('leave / meld ud asks first, leaves as the tab does, and answers a second confirm', async () => {
    const bot = world.instance();
    await repliesTo(bot, say(world, mette, 'pause'));
    expect(await createOnboardingStore(world.handle.db).get(world.tenantId, mette.id)).not.toBeNull();

    const [confirm] = await repliesTo(bot, say(world, mette, 'meld ud'));
    expect(textsOf(confirm)[0]).toBe('Vil du melde dig ud af ambassadørprogrammet?');
    expect(submitsOf(confirm).map((b) => b.title)).toEqual(['Ja, meld mig ud', 'Nej, bliv']);

    const stay = await repliesTo(bot, submit(world, mette, buttonData(confirm, 'Nej, bliv')));
    expect(stay.map((r) => r.text)).toEqual(['Godt, du er stadig med.']);
    expect(await world.store.memberships.get(world.tenantId, mette.id)).not.toBeNull();

    const left = await repliesTo(bot, submit(world, mette, buttonData(confirm, 'Ja, meld mig ud')));
    expect(left.map((r) => r.text)).toEqual(['Du er nu meldt ud. Tak for din hjælp indtil nu!']);
    expect(await world.store.memberships.get(world.tenantId, mette.id)).toBeNull();
    // Leaving deletes the onboarding progress and the chat preferences.
    expect(
      await world.handle.db
        .select()
        .from(onboardingProgress)
        .where(
          and(eq(onboardingProgress.tenantId, world.tenantId), eq(onboardingProgress.personId, mette.id)),
        ),
    ).toEqual([]);
    expect(await createChatPreferencesStore(world.handle.db).get(world.tenantId, mette.id)).toBeNull();

    const again = await repliesTo(bot, submit(world, mette, buttonData(confirm, 'Ja, meld mig ud')));
    expect(again.map((r) => r.text)).toEqual(['Du er allerede meldt ud.']);
    expect((await repliesTo(bot, say(world, mette, 'forlad'))).map((r) => r.text)).toEqual([
      'Du er ikke ambassadør, så der er intet at melde sig ud af.',
    ]);
    expect((await repliesTo(bot, say(world, noah, 'leave', { locale: 'en-US' })))[0]?.text).toMatch(
      /^Du er ikke ambassadør/,
    );
  });

  it('in channels and group chats answers only when @mentioned, and keeps personal things 1:1', async () => {
    const bot = world.instance();
    const channel = {
      id: '19:general@thread.tacv2',
      conversationType: 'channel',
      isGroup: true,
      tenantId: world.tenantId,
    } as Activity['conversation'];
    const mention = {
      type: 'mention',
      text: '<at>Chorus</at>',
      mentioned: { id: '28:bot', name: 'Chorus' },
    };
    expect(await repliesTo(bot, say(world, oliver, 'help', { conversation: channel }))).toHaveLength(0);
    expect(await repliesTo(bot, say(world, oliver, 'stats', { conversation: channel }))).toHaveLength(0);
    const someoneElse = { ...mention, mentioned: { id: '29:someone', name: 'Someone' } };
    expect(
      await repliesTo(bot, say(world, oliver, 'help', { conversation: channel, entities: [someoneElse] })),
    ).toHaveLength(0);

    const help = await repliesTo(
      bot,
      say(world, oliver, 'help', { conversation: channel, entities: [mention] }),
    );
    expect(textsOf(help[0])[0]).toBe('What I can help with');
    const stats = await repliesTo(
      bot,
      say(world, oliver, '<at>Chorus</at> stats', { conversation: channel, entities: [mention] }),
    );
    expect(stats.map((r) => r.text)).toEqual(["Let's do that in our own chat. Write to me there."]);
    const group = { id: '19:group', conversationType: 'groupChat', isGroup: true, tenantId: world.tenantId };
    expect(
      await repliesTo(bot, say(world, oliver, 'pause', { conversation: group as Activity['conversation'] })),
    ).toHaveLength(0);
    expect((await prefsOf(oliver.id))?.notificationsPaused ?? false).toBe(false);
  });
});
