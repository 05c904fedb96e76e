import { and, eq } from 'drizzle-orm';
import type { TestAdapter } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityEvents, consents, onboardingProgress } from '../../src/db/schema';
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

const mette = person('p-mette', 'Mette Hansen', 'da-DK');
const oliver = person('p-oliver', 'Oliver Smith', 'en-GB');
const sofie = person('p-sofie', 'Sofie Berg', 'da-DK');
const ida = person('p-ida', 'Ida Holm', 'da-DK');
const karl = person('p-karl', 'Karl Dahl', 'da-DK');

const ITEMS = [
  libraryItem('item-jobs', 'jobs', 'Vi søger montører i Aarhus'),
  libraryItem('item-events', 'events', 'Åbent hus på værkstedet'),
];

describe('the onboarding conversation (TestAdapter, state in Postgres)', () => {
  let world: BotWorld;
  beforeAll(async () => {
    world = await openBotWorld([mette, oliver, sofie, ida, karl], ITEMS);
  });
  afterAll(() => world.close());

  const progressOf = async (personId: string) =>
    (
      await world.handle.db
        .select()
        .from(onboardingProgress)
        .where(
          and(eq(onboardingProgress.tenantId, world.tenantId), eq(onboardingProgress.personId, personId)),
        )
    )[0] ?? null;
  const eventsOf = async (personId: string) =>
    (
      await world.handle.db
        .select({ type: activityEvents.type, data: activityEvents.data })
        .from(activityEvents)
        .where(and(eq(activityEvents.tenantId, world.tenantId), eq(activityEvents.personId, personId)))
    ).filter((e) => e.type.startsWith('onboarding.'));

  /** Presses the (first or named) button of `card` and returns the replies. */
  const press = (adapter: TestAdapter, who: typeof mette, card: unknown, title?: string, inputs = {}) =>
    repliesTo(adapter, submit(world, who, { ...buttonData(card as never, title), ...inputs }));

  it('runs a complete onboarding in Danish, step by step, and records it', async () => {
    const bot = world.instance();
    const [welcome] = await repliesTo(bot, say(world, mette, 'introduktion'));
    expect(textsOf(welcome)[0]).toBe('Velkommen som ambassadør, Mette!');
    expect(textsOf(welcome)).toContain('Trin 1 af 6');
    expect(buttonData(welcome)).toMatchObject({
      chorus: 'onboarding',
      step: 'welcome',
      flowVersion: 1,
      run: 1,
    });

    const [purpose] = await press(bot, mette, welcome, 'Kom i gang');
    expect(textsOf(purpose).slice(0, 2)).toEqual(['Trin 2 af 6', 'Hvorfor vi gør det']);
    // The program's purpose document, headings as bold lines, then what is expected.
    expect(textsOf(purpose)).toContain('Hvorfor et ambassadørprogram?');
    expect(textsOf(purpose).join('\n')).toMatch(/\*\*Tid:\*\* cirka 30 minutter om ugen/);
    expect(textsOf(purpose).join('\n')).toMatch(/Det er frivilligt/);

    const [guidelines] = await press(bot, mette, purpose, 'Næste');
    expect(textsOf(guidelines)[1]).toBe('Retningslinjerne');
    expect(textsOf(guidelines).join('\n')).toMatch(/start opslaget med \*\*Reklame\*\*/);
    expect(buttonData(guidelines, 'Jeg accepterer')).toMatchObject({
      step: 'guidelines',
      guidelinesVersion: 1,
    });
    expect(await world.store.memberships.get(world.tenantId, mette.id)).toBeNull();

    const [choices] = await press(bot, mette, guidelines, 'Jeg accepterer');
    // Accepting joined the program through the same service as the tab, with the current version.
    const membership = await world.store.memberships.get(world.tenantId, mette.id);
    expect(membership).toMatchObject({ guidelinesVersion: 1, source: 'bot', networks: [], topics: [] });
    const consentRows = await world.handle.db
      .select()
      .from(consents)
      .where(and(eq(consents.tenantId, world.tenantId), eq(consents.personId, mette.id)));
    expect(consentRows.map((c) => [c.guidelinesVersion, c.source])).toEqual([[1, 'bot']]);

    expect(textsOf(choices)[1]).toBe('Dine netværk og emner');
    const inputs = (cardOf(choices)['body'] as Record<string, unknown>[]).filter(
      (b) => b['type'] === 'Input.ChoiceSet',
    );
    expect(inputs.map((i) => [i['id'], i['isMultiSelect'], i['label']])).toEqual([
      ['networks', true, 'Netværk'],
      ['topics', true, 'Emner'],
    ]);
    expect((inputs[1]!['choices'] as { title: string }[]).map((c) => c.title)).toContain(
      'Job og rekruttering',
    );

    const [tips] = await press(bot, mette, choices, 'Gem', {
      networks: 'linkedin,instagram',
      topics: 'jobs',
    });
    expect((await world.store.memberships.get(world.tenantId, mette.id))?.networks).toEqual([
      'linkedin',
      'instagram',
    ]);
    expect((await world.store.memberships.get(world.tenantId, mette.id))?.topics).toEqual(['jobs']);
    const tipTexts = textsOf(tips);
    expect(tipTexts[1]).toBe('Tre gode råd');
    expect(tipTexts.filter((t) => /^\d\. /.test(t))).toEqual([
      '1. De første to linjer',
      '2. Dine egne ord',
      '3. Reklame først',
    ]);

    const [firstItem] = await press(bot, mette, tips, 'Forstået');
    expect(textsOf(firstItem)).toContain('Vi søger montører i Aarhus');
    const open = (cardOf(firstItem)['actions'] as Record<string, unknown>[]).find(
      (a) => a['type'] === 'Action.OpenUrl',
    );
    expect(open).toMatchObject({ title: 'Åbn i Chorus', url: 'https://chorus.example.com/items/item-jobs' });

    const [done] = await press(bot, mette, firstItem, 'Afslut');
    expect(textsOf(done)[0]).toBe('Du er klar!');
    expect(submitsOf(done)).toEqual([]);

    const progress = await progressOf(mette.id);
    expect(progress).toMatchObject({ step: 'done', run: 1, flowVersion: 1 });
    expect(progress?.completedAt).toBeInstanceOf(Date);
    const events = await eventsOf(mette.id);
    expect(events.map((e) => e.type)).toEqual([
      'onboarding.started',
      ...Array<string>(6).fill('onboarding.step'),
      'onboarding.completed',
    ]);
    expect(events.filter((e) => e.type === 'onboarding.step').map((e) => e.data['step'])).toEqual([
      'welcome',
      'purpose',
      'guidelines',
      'choices',
      'tips',
      'first-item',
    ]);
    // Nothing personal beyond the person id activity_events already holds: no networks or topics.
    expect(JSON.stringify(events)).not.toMatch(/linkedin|jobs/);
  });

  it('runs a complete onboarding in English, showing the tab’s consent as done', async () => {
    const bot = world.instance();
    // Oliver joined in the tab first: that acceptance counts in the bot.
    await joinProgram(
      { store: world.store, clock: world.clock },
      {
        tenantId: world.tenantId,
        personId: oliver.id,
        guidelinesVersion: 1,
        networks: ['x'],
        topics: [],
        source: 'tab',
      },
    );
    const [welcome] = await repliesTo(bot, say(world, oliver, 'onboarding', { locale: 'da-DK' }));
    expect(textsOf(welcome)[0]).toBe('Welcome aboard as an ambassador, Oliver!');
    const [purpose] = await press(bot, oliver, welcome, "Let's start");
    expect(textsOf(purpose)).toContain('Why an ambassador program?');
    const [guidelines] = await press(bot, oliver, purpose, 'Next');
    expect(textsOf(guidelines)).toContain('✓ You have already accepted the guidelines (version 1).');
    expect(submitsOf(guidelines).map((b) => b.title)).toEqual(['Continue']);
    expect(buttonData(guidelines)['guidelinesVersion']).toBeUndefined();

    const [choices] = await press(bot, oliver, guidelines, 'Continue');
    const networks = (cardOf(choices)['body'] as Record<string, unknown>[]).find(
      (b) => b['id'] === 'networks',
    );
    expect(networks?.['value']).toBe('x');
    const [tips] = await press(bot, oliver, choices, 'Save', { networks: 'x,linkedin' });
    expect(textsOf(tips)).toContain('3. Disclosure first');
    const [own] = await press(bot, oliver, tips, 'Got it');
    // No topics, so nothing from the library: write your own and send it for sparring.
    expect(textsOf(own)[1]).toBe('Write your own post');
    expect(textsOf(own).join(' ')).toMatch(/starting with “spar”/);
    const [done] = await press(bot, oliver, own, 'Finish');
    expect(textsOf(done)[0]).toBe("You're all set!");

    const consentRows = await world.handle.db
      .select()
      .from(consents)
      .where(and(eq(consents.tenantId, world.tenantId), eq(consents.personId, oliver.id)));
    expect(consentRows.map((c) => c.source)).toEqual(['tab']);
    expect((await world.store.memberships.get(world.tenantId, oliver.id))?.networks).toEqual([
      'x',
      'linkedin',
    ]);
    expect((await progressOf(oliver.id))?.step).toBe('done');
  });

  it('resumes days later on a new application instance (a restart) from the stored step', async () => {
    const before = world.instance();
    const [welcome] = await repliesTo(before, say(world, sofie, 'introduktion'));
    const [purpose] = await press(before, sofie, welcome);
    const [guidelines] = await press(before, sofie, purpose);

    world.clock.advance(3 * 86_400_000);
    const after = world.instance();
    const [choices] = await press(after, sofie, guidelines, 'Jeg accepterer');
    expect(textsOf(choices)[1]).toBe('Dine netværk og emner');
    expect(await world.store.memberships.get(world.tenantId, sofie.id)).not.toBeNull();
    expect((await progressOf(sofie.id))?.step).toBe('choices');
  });

  it('applies a double submit once, also when two instances race', async () => {
    const bot = world.instance();
    const [welcome] = await repliesTo(bot, say(world, ida, 'introduktion'));
    const [purpose] = await press(bot, ida, welcome);
    await press(bot, ida, purpose);
    const again = await press(bot, ida, purpose);
    expect(again.map((a) => a.text)).toEqual([
      'Det trin har du allerede svaret på. Du er nået til trin 3 af 6.',
    ]);
    expect((await progressOf(ida.id))?.step).toBe('guidelines');

    // Two instances get the same "I accept" at the same moment: one joins and moves on, one is refused.
    const [guidelinesCard] = await repliesTo(bot, say(world, ida, 'introduktion'));
    const [p2] = await press(bot, ida, guidelinesCard);
    const [g2] = await press(bot, ida, p2);
    const accept = submit(world, ida, buttonData(g2, 'Jeg accepterer'));
    const [a, b] = await Promise.all([
      repliesTo(world.instance(), accept),
      repliesTo(world.instance(), accept),
    ]);
    const answers = [...a, ...b];
    expect(answers.filter((r) => r.attachments?.length)).toHaveLength(1);
    expect(answers.filter((r) => r.text?.startsWith('Det trin har du allerede svaret på'))).toHaveLength(1);
    expect((await progressOf(ida.id))?.step).toBe('choices');
    const steps = (await eventsOf(ida.id)).filter(
      (e) => e.type === 'onboarding.step' && e.data['step'] === 'guidelines',
    );
    expect(steps).toHaveLength(1);
    const consentRows = await world.handle.db
      .select()
      .from(consents)
      .where(and(eq(consents.tenantId, world.tenantId), eq(consents.personId, ida.id)));
    expect(consentRows).toHaveLength(1);
  });

  it('answers a card from an earlier run or an older script, and shows where the person is', async () => {
    const bot = world.instance();
    const [firstWelcome] = await repliesTo(bot, say(world, karl, 'introduktion'));
    await press(bot, karl, firstWelcome);
    // `onboarding` starts over: the run is bumped, so the first run's cards are old.
    const [secondWelcome] = await repliesTo(bot, say(world, karl, 'intro'));
    expect(buttonData(secondWelcome)['run']).toBe(2);
    const old = await press(bot, karl, firstWelcome);
    expect(old[0]?.text).toBe('Det kort er fra en tidligere runde af introduktionen. Her er, hvor du er nu:');
    expect(textsOf(old[1])[0]).toBe('Velkommen som ambassadør, Karl!');
    expect(await progressOf(karl.id)).toMatchObject({ step: 'welcome', run: 2 });

    const olderScript = await repliesTo(
      bot,
      submit(world, karl, { ...buttonData(secondWelcome), flowVersion: 99 }),
    );
    expect(olderScript[0]?.text).toMatch(/tidligere runde/);
    expect((await progressOf(karl.id))?.step).toBe('welcome');
  });

  it('answers stray and malformed values clearly, and changes nothing', async () => {
    const bot = world.instance();
    // Sofie is at the choices step (from the restart test).
    expect((await progressOf(sofie.id))?.step).toBe('choices');
    const progress = await progressOf(sofie.id);
    const data = { chorus: 'onboarding', step: 'choices', flowVersion: 1, run: progress!.run };

    const stray = await repliesTo(
      bot,
      submit(world, sofie, { ...data, networks: 'linkedin,myspace', topics: 'jobs,gossip' }),
    );
    expect(stray.map((r) => r.text)).toEqual([
      '“myspace” er ikke et netværk, jeg kender. Vælg fra listen på kortet. “gossip” er ikke et emne, jeg kender. Vælg fra listen på kortet.',
    ]);
    const none = await repliesTo(bot, submit(world, sofie, { ...data, networks: '' }));
    expect(none.map((r) => r.text)).toEqual(['Vælg mindst ét netværk.']);
    const typed = await repliesTo(bot, submit(world, sofie, { ...data, networks: { evil: true } }));
    expect(typed[0]?.text).toMatch(/er ikke et netværk, jeg kender/);

    for (const value of [
      { chorus: 'onboarding', step: 'nope', flowVersion: 1, run: 1 },
      { chorus: 'onboarding', step: 'choices', flowVersion: 'one', run: 1 },
      { chorus: 'onboarding' },
    ]) {
      const replies = await repliesTo(bot, submit(world, sofie, value));
      expect(replies.map((r) => r.text)).toEqual([
        'Det svar kunne jeg ikke læse. Skriv “introduktion” for at starte forfra.',
      ]);
    }
    expect((await progressOf(sofie.id))?.step).toBe('choices');
    expect((await world.store.memberships.get(world.tenantId, sofie.id))?.networks).toEqual([]);
  });

  it('tells someone with no onboarding, and someone who finished, what to do', async () => {
    const bot = world.instance();
    const stranger = person('p-new', 'Nina Nyholm', 'en-GB');
    await world.store.people.upsertMany(world.tenantId, [stranger]);
    const card = { chorus: 'onboarding', step: 'purpose', flowVersion: 1, run: 1 };
    expect((await repliesTo(bot, submit(world, stranger, card))).map((r) => r.text)).toEqual([
      'You have no introduction under way. Write “onboarding” to start it.',
    ]);
    // Oliver finished in run 1.
    expect(
      (await repliesTo(bot, submit(world, oliver, { ...card, step: 'tips' }))).map((r) => r.text),
    ).toEqual(['You have already finished the introduction. Write “onboarding” to go through it again.']);
  });
});
