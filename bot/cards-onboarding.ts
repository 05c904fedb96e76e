import { CardFactory, MessageFactory, type Activity, type Attachment } from 'botbuilder';
import { BUILT_IN_TOPICS } from '../src/domain/content';
import {
  ONBOARDING_STEP_COUNT,
  stepNumber,
  type ChoiceProblem,
  type OnboardingStep,
} from '../src/domain/onboarding';
import type { Language } from '../src/domain/person';
import { NETWORKS, TOPICS, type Network, type ProgramDocument } from '../src/domain/program';
import type { LibraryEntry } from '../src/ports/content';
import type { OnboardingStepView } from '../src/services/get-onboarding-step';
import { itemImageUrl, itemUrl } from './cards';
import { firstNameOf } from './strings';

// The onboarding conversation's cards (issue 5 §1): Adaptive Cards 1.5 with only what Teams renders in
// a 1:1 chat (TextBlock, Image, Input.ChoiceSet, Action.Submit, Action.OpenUrl). Every button's `data`
// names the step, run and script version it answers, so an old or repeated card is recognised.

export interface OnboardingStrings {
  stepOf(n: number, total: number): string;
  welcomeTitle(firstName: string | null): string;
  welcomeBody: string;
  welcomeWhat: string;
  start: string;
  purposeTitle: string;
  inShortTitle: string;
  inShort: string[];
  next: string;
  guidelinesTitle: string;
  guidelinesIntro: string;
  accept: string;
  alreadyAccepted(version: number): string;
  continue: string;
  choicesTitle: string;
  choicesIntro: string;
  networksLabel: string;
  topicsLabel: string;
  networksRequired: string;
  save: string;
  tipsTitle: string;
  tips: { title: string; text: string }[];
  gotIt: string;
  firstItemTitle: string;
  firstItemIntro: string;
  noItemTitle: string;
  noItem: string;
  openInChorus: string;
  finish: string;
  doneTitle: string;
  doneBody: string;
  doneCommands: string[];
  missingDocument: string;
  // Answers to cards that are not the one waiting.
  alreadyAnswered(n: number, total: number): string;
  oldCard: string;
  notStarted: string;
  completed: string;
  malformed: string;
  acceptedInTab: string;
  guidelinesChanged(version: number): string;
  unknownChoice(field: 'networks' | 'topics', values: string[]): string;
  answered(stepTitle: string): string;
  notInDirectory: string;
  personalOnly: string;
}

const quoteList = (values: string[], and: string) => {
  const quoted = values.map((v) => `“${v}”`);
  return quoted.length <= 1
    ? (quoted[0] ?? '')
    : `${quoted.slice(0, -1).join(', ')} ${and} ${quoted.at(-1)!}`;
};

export const ONBOARDING_STRINGS: Record<Language, OnboardingStrings> = {
  da: {
    stepOf: (n, total) => `Trin ${n} af ${total}`,
    welcomeTitle: (firstName) =>
      firstName ? `Velkommen som ambassadør, ${firstName}!` : 'Velkommen som ambassadør!',
    welcomeBody: 'Tak, fordi du er med. Du deler med dine egne ord, og du kan melde dig ud igen med ét klik.',
    welcomeWhat:
      'Jeg tager dig igennem en kort introduktion på et par minutter: formålet, retningslinjerne, dine netværk og emner, og tre gode råd. Du kan stoppe når som helst og fortsætte senere.',
    start: 'Kom i gang',
    purposeTitle: 'Hvorfor vi gør det',
    inShortTitle: 'Kort sagt',
    inShort: [
      'Du bestemmer selv, hvor tit du deler: der er ingen kvote.',
      'Det tager kun den tid, du har lyst til at give det.',
      'Det er frivilligt. Skriv “meld ud” her, eller brug fanen Chorus, hvis du vil stoppe.',
    ],
    next: 'Næste',
    guidelinesTitle: 'Retningslinjerne',
    guidelinesIntro: 'Læs dem, og tryk “Jeg accepterer”. Det er det samme samtykke som i fanen Chorus.',
    accept: 'Jeg accepterer',
    alreadyAccepted: (version) => `✓ Du har allerede accepteret retningslinjerne (version ${version}).`,
    continue: 'Fortsæt',
    choicesTitle: 'Dine netværk og emner',
    choicesIntro: 'Hvor deler du, og hvad vil du gerne dele om? Du kan ændre det senere.',
    networksLabel: 'Netværk',
    topicsLabel: 'Emner',
    networksRequired: 'Vælg mindst ét netværk.',
    save: 'Gem',
    tipsTitle: 'Tre gode råd',
    tips: [
      {
        title: 'De første to linjer',
        text: 'Kun de første to linjer vises før “se mere”. Start med det, der gør folk nysgerrige.',
      },
      {
        title: 'Dine egne ord',
        text: 'Fortæl, hvad du selv har oplevet. Et personligt opslag når længere end en kopieret tekst.',
      },
      {
        title: 'Reklame først',
        text: 'Når vi beder dig dele noget, er det reklame: start opslaget med “Reklame”. Et tag eller hashtag til sidst er ikke nok.',
      },
    ],
    gotIt: 'Forstået',
    firstItemTitle: 'Noget at dele',
    firstItemIntro:
      'Her er et forslag fra biblioteket, der passer til dine emner. Del det med dine egne ord.',
    noItemTitle: 'Skriv dit eget opslag',
    noItem:
      'Biblioteket har ikke noget til dine emner lige nu. Skriv i stedet dit eget opslag om noget fra din hverdag, og send det til mig med “spar” foran, så giver jeg dig feedback, før du deler det.',
    openInChorus: 'Åbn i Chorus',
    finish: 'Afslut',
    doneTitle: 'Du er klar!',
    doneBody: 'Tak, fordi du tog dig tid. Her er, hvad du kan skrive til mig:',
    doneCommands: [
      '“spar” og dit udkast: feedback på dit opslag',
      '“bibliotek”: tre forslag til dine emner',
      '“statistik”: dine delinger og klik',
      '“hjælp”: alt, hvad jeg kan',
    ],
    missingDocument: 'Teksten mangler lige nu. Du kan læse den i fanen Chorus.',
    alreadyAnswered: (n, total) =>
      `Det trin har du allerede svaret på. Du er nået til trin ${n} af ${total}.`,
    oldCard: 'Det kort er fra en tidligere runde af introduktionen. Her er, hvor du er nu:',
    notStarted: 'Du har ikke en introduktion i gang. Skriv “introduktion” for at starte den.',
    completed: 'Du har allerede gennemført introduktionen. Skriv “introduktion”, hvis du vil tage den igen.',
    malformed: 'Det svar kunne jeg ikke læse. Skriv “introduktion” for at starte forfra.',
    acceptedInTab: 'Du havde allerede accepteret retningslinjerne, så det gælder.',
    guidelinesChanged: (version) =>
      `Retningslinjerne er blevet opdateret (version ${version}), mens kortet ventede. Læs den nye udgave:`,
    unknownChoice: (field, values) =>
      `${quoteList(values, 'og')} er ikke ${field === 'networks' ? 'et netværk' : 'et emne'}, jeg kender. Vælg fra listen på kortet.`,
    answered: (stepTitle) => `✓ ${stepTitle}`,
    notInDirectory: 'Introduktionen er for personer i organisationens adressebog.',
    personalOnly: 'Det klarer vi bedst i vores egen chat. Skriv til mig dér.',
  },
  en: {
    stepOf: (n, total) => `Step ${n} of ${total}`,
    welcomeTitle: (firstName) =>
      firstName ? `Welcome aboard as an ambassador, ${firstName}!` : 'Welcome aboard as an ambassador!',
    welcomeBody:
      'Thank you for joining. You share in your own words, and you can leave again with one click.',
    welcomeWhat:
      "I'll take you through a short introduction of a few minutes: the purpose, the guidelines, your networks and topics, and three tips. You can stop at any time and carry on later.",
    start: "Let's start",
    purposeTitle: 'Why we do this',
    inShortTitle: 'In short',
    inShort: [
      'You decide how often you share: there is no quota.',
      'It takes only the time you want to give it.',
      'It is voluntary. Write “leave” here, or use the Chorus tab, whenever you want to stop.',
    ],
    next: 'Next',
    guidelinesTitle: 'The guidelines',
    guidelinesIntro: 'Please read them and press “I accept”. It is the same consent as in the Chorus tab.',
    accept: 'I accept',
    alreadyAccepted: (version) => `✓ You have already accepted the guidelines (version ${version}).`,
    continue: 'Continue',
    choicesTitle: 'Your networks and topics',
    choicesIntro: 'Where do you share, and what would you like to share about? You can change this later.',
    networksLabel: 'Networks',
    topicsLabel: 'Topics',
    networksRequired: 'Choose at least one network.',
    save: 'Save',
    tipsTitle: 'Three tips',
    tips: [
      {
        title: 'The first two lines',
        text: 'Only the first two lines show before “see more”. Open with what makes people curious.',
      },
      {
        title: 'Your own words',
        text: 'Tell what you experienced yourself. A personal post reaches further than a copied text.',
      },
      {
        title: 'Disclosure first',
        text: 'When we ask you to share something, it is advertising: start the post with “Advertisement” (in Danish posts “Reklame”). A tag or hashtag at the end is not enough.',
      },
    ],
    gotIt: 'Got it',
    firstItemTitle: 'Something to share',
    firstItemIntro:
      'Here is a suggestion from the library that matches your topics. Share it in your own words.',
    noItemTitle: 'Write your own post',
    noItem:
      'The library has nothing for your topics right now. Write your own post about something from your working day instead, and send it to me starting with “spar”: I will give you feedback before you share it.',
    openInChorus: 'Open in Chorus',
    finish: 'Finish',
    doneTitle: "You're all set!",
    doneBody: 'Thank you for taking the time. Here is what you can write to me:',
    doneCommands: [
      '“spar” and your draft: feedback on your post',
      '“library”: three suggestions for your topics',
      '“stats”: your shares and clicks',
      '“help”: everything I can do',
    ],
    missingDocument: 'The text is missing right now. You can read it in the Chorus tab.',
    alreadyAnswered: (n, total) => `You already answered that step. You are at step ${n} of ${total}.`,
    oldCard: 'That card is from an earlier round of the introduction. Here is where you are now:',
    notStarted: 'You have no introduction under way. Write “onboarding” to start it.',
    completed: 'You have already finished the introduction. Write “onboarding” to go through it again.',
    malformed: 'I could not read that answer. Write “onboarding” to start over.',
    acceptedInTab: 'You had already accepted the guidelines, so that counts.',
    guidelinesChanged: (version) =>
      `The guidelines were updated (version ${version}) while the card was waiting. Please read the new version:`,
    unknownChoice: (field, values) =>
      `${quoteList(values, 'and')} ${values.length === 1 ? 'is' : 'are'} not ${field === 'networks' ? 'a network' : 'a topic'} I know. Please choose from the list on the card.`,
    answered: (stepTitle) => `✓ ${stepTitle}`,
    notInDirectory: 'The introduction is for people in the organisation directory.',
    personalOnly: "Let's do that in our own chat. Write to me there.",
  },
};

const NETWORK_LABELS: Record<Network, string> = {
  linkedin: 'LinkedIn',
  x: 'X',
  facebook: 'Facebook',
  instagram: 'Instagram',
  tiktok: 'TikTok',
};

type TextBlock = {
  type: 'TextBlock';
  text: string;
  wrap: true;
  size?: 'Large' | 'Medium' | 'Small';
  weight?: 'Bolder';
  isSubtle?: boolean;
  spacing?: 'Medium' | 'Small' | 'Large';
  color?: 'Good' | 'Attention';
};
type Choice = { title: string; value: string };
type ChoiceSetInput = {
  type: 'Input.ChoiceSet';
  id: string;
  label: string;
  isMultiSelect: true;
  style: 'expanded';
  choices: Choice[];
  value?: string;
  isRequired?: boolean;
  errorMessage?: string;
};
type ImageElement = { type: 'Image'; url: string; altText: string; size: 'Stretch' };
type Element = TextBlock | ChoiceSetInput | ImageElement;
type SubmitAction = { type: 'Action.Submit'; title: string; data: OnboardingCardData; style?: 'positive' };
type OpenUrlAction = { type: 'Action.OpenUrl'; title: string; url: string };

/** What every onboarding button sends back (see ZOnboardingSubmit). */
export interface OnboardingCardData {
  chorus: 'onboarding';
  step: OnboardingStep;
  flowVersion: number;
  run: number;
  guidelinesVersion?: number;
}

/** Which card a run is on. */
export interface OnboardingCardContext {
  language: Language;
  flowVersion: number;
  run: number;
  /** PUBLIC_URL, no trailing slash. */
  publicUrl: string;
}

const text = (value: string, extra: Partial<TextBlock> = {}): TextBlock => ({
  type: 'TextBlock',
  text: value,
  wrap: true,
  ...extra,
});

function card(body: Element[], actions: (SubmitAction | OpenUrlAction)[]): Attachment {
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions.length ? { actions } : {}),
  });
}

function message(attachment: Attachment, summary: string): Partial<Activity> {
  const m = MessageFactory.attachment(attachment);
  m.summary = summary;
  return m;
}

const header = (ctx: OnboardingCardContext, step: OnboardingStep, title: string): TextBlock[] => [
  text(ONBOARDING_STRINGS[ctx.language].stepOf(stepNumber(step), ONBOARDING_STEP_COUNT), {
    isSubtle: true,
    size: 'Small',
  }),
  text(title, { size: 'Large', weight: 'Bolder', spacing: 'Small' }),
];

const submit = (
  ctx: OnboardingCardContext,
  step: OnboardingStep,
  title: string,
  extra: Partial<OnboardingCardData> = {},
): SubmitAction => ({
  type: 'Action.Submit',
  title,
  style: 'positive',
  data: { chorus: 'onboarding', step, flowVersion: ctx.flowVersion, run: ctx.run, ...extra },
});

/**
 * A program document (Markdown, as comms writes it) as TextBlocks: headings become bold lines (Teams'
 * TextBlock has no headings), the rest keeps the Markdown Teams renders (bold, italics, lists, links).
 */
export function documentBlocks(markdown: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    const joined = paragraph.join('\n').trim();
    if (joined) blocks.push(text(joined));
    paragraph = [];
  };
  for (const line of markdown.split(/\r?\n/)) {
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    if (heading) {
      flush();
      blocks.push(text(heading[1]!.trim(), { weight: 'Bolder', spacing: 'Medium' }));
    } else if (!line.trim()) {
      flush();
    } else {
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
}

const docBody = (doc: ProgramDocument | null, language: Language): TextBlock[] =>
  doc
    ? documentBlocks(language === 'da' ? doc.bodyDa : doc.bodyEn)
    : [text(ONBOARDING_STRINGS[language].missingDocument, { isSubtle: true })];

/** The topic's name in `language`. */
export function topicLabel(key: string, language: Language): string {
  const topic = BUILT_IN_TOPICS.find((t) => t.key === key);
  if (!topic) return key;
  return language === 'da' ? topic.labelDa : topic.labelEn;
}

/** The first card: the welcome (also what the outbox sends after someone joins in the tab). */
export function renderOnboardingWelcome(
  ctx: OnboardingCardContext,
  displayName: string | null,
): Partial<Activity> {
  const s = ONBOARDING_STRINGS[ctx.language];
  const title = s.welcomeTitle(firstNameOf(displayName));
  return message(
    card(
      [
        text(title, { size: 'Large', weight: 'Bolder' }),
        text(s.welcomeBody),
        text(s.welcomeWhat, { isSubtle: true, spacing: 'Medium' }),
        text(s.stepOf(stepNumber('welcome'), ONBOARDING_STEP_COUNT), { isSubtle: true, size: 'Small' }),
      ],
      [submit(ctx, 'welcome', s.start)],
    ),
    title,
  );
}

/** The title of a step, for receipts ("✓ The guidelines"). */
export function stepTitle(step: OnboardingStep, language: Language): string {
  const s = ONBOARDING_STRINGS[language];
  const titles: Record<OnboardingStep, string> = {
    welcome: s.start,
    purpose: s.purposeTitle,
    guidelines: s.guidelinesTitle,
    choices: s.choicesTitle,
    tips: s.tipsTitle,
    'first-item': s.firstItemTitle,
    done: s.doneTitle,
  };
  return titles[step];
}

/** The card for a step, from what the step shows now. */
export function renderOnboardingStep(
  ctx: OnboardingCardContext,
  view: OnboardingStepView,
  displayName: string | null,
): Partial<Activity> {
  const s = ONBOARDING_STRINGS[ctx.language];
  switch (view.step) {
    case 'welcome':
      return renderOnboardingWelcome(ctx, displayName);
    case 'purpose':
      return message(
        card(
          [
            ...header(ctx, 'purpose', s.purposeTitle),
            ...docBody(view.purpose, ctx.language),
            text(s.inShortTitle, { weight: 'Bolder', spacing: 'Medium' }),
            text(s.inShort.map((line) => `- ${line}`).join('\n')),
          ],
          [submit(ctx, 'purpose', s.next)],
        ),
        s.purposeTitle,
      );
    case 'guidelines': {
      const accepted = view.acceptedVersion;
      const version = view.guidelines?.version;
      return message(
        card(
          [
            ...header(ctx, 'guidelines', s.guidelinesTitle),
            ...(accepted === null ? [text(s.guidelinesIntro, { isSubtle: true })] : []),
            ...docBody(view.guidelines, ctx.language),
            ...(accepted !== null
              ? [text(s.alreadyAccepted(accepted), { color: 'Good', weight: 'Bolder', spacing: 'Medium' })]
              : []),
          ],
          accepted !== null
            ? [submit(ctx, 'guidelines', s.continue)]
            : version
              ? [submit(ctx, 'guidelines', s.accept, { guidelinesVersion: version })]
              : [],
        ),
        s.guidelinesTitle,
      );
    }
    case 'choices':
      return message(
        card(
          [
            ...header(ctx, 'choices', s.choicesTitle),
            text(s.choicesIntro),
            {
              type: 'Input.ChoiceSet',
              id: 'networks',
              label: s.networksLabel,
              isMultiSelect: true,
              style: 'expanded',
              choices: NETWORKS.map((n) => ({ title: NETWORK_LABELS[n], value: n })),
              value: (view.networks.length ? view.networks : ['linkedin']).join(','),
              isRequired: true,
              errorMessage: s.networksRequired,
            },
            {
              type: 'Input.ChoiceSet',
              id: 'topics',
              label: s.topicsLabel,
              isMultiSelect: true,
              style: 'expanded',
              choices: TOPICS.map((t) => ({ title: topicLabel(t, ctx.language), value: t })),
              ...(view.topics.length ? { value: view.topics.join(',') } : {}),
            },
          ],
          [submit(ctx, 'choices', s.save)],
        ),
        s.choicesTitle,
      );
    case 'tips':
      return message(
        card(
          [
            ...header(ctx, 'tips', s.tipsTitle),
            ...s.tips.flatMap((tip, i) => [
              text(`${i + 1}. ${tip.title}`, { weight: 'Bolder', spacing: 'Medium' }),
              text(tip.text, { spacing: 'Small' }),
            ]),
          ],
          [submit(ctx, 'tips', s.gotIt)],
        ),
        s.tipsTitle,
      );
    case 'first-item':
      return renderFirstItem(ctx, view.item);
    case 'done':
      return message(
        card(
          [
            text(s.doneTitle, { size: 'Large', weight: 'Bolder' }),
            text(s.doneBody),
            text(s.doneCommands.map((c) => `- ${c}`).join('\n')),
          ],
          [],
        ),
        s.doneTitle,
      );
  }
}

function renderFirstItem(ctx: OnboardingCardContext, item: LibraryEntry | null): Partial<Activity> {
  const s = ONBOARDING_STRINGS[ctx.language];
  if (!item) {
    return message(
      card(
        [...header(ctx, 'first-item', s.noItemTitle), text(s.noItem)],
        [submit(ctx, 'first-item', s.finish)],
      ),
      s.noItemTitle,
    );
  }
  const image = itemImageUrl(ctx.publicUrl, item);
  return message(
    card(
      [
        ...header(ctx, 'first-item', s.firstItemTitle),
        text(s.firstItemIntro, { isSubtle: true }),
        ...(image ? [{ type: 'Image', url: image, altText: item.title, size: 'Stretch' } as const] : []),
        text(item.title, { size: 'Medium', weight: 'Bolder' }),
        ...(item.caption ? [text(item.caption)] : []),
      ],
      [
        { type: 'Action.OpenUrl', title: s.openInChorus, url: itemUrl(ctx.publicUrl, item.id) },
        submit(ctx, 'first-item', s.finish),
      ],
    ),
    s.firstItemTitle,
  );
}

/** A short text answer (old card, double submit, stray value…). */
export function onboardingText(value: string): Partial<Activity> {
  return MessageFactory.text(value);
}

/** The problems with a choices answer, in words. */
export function choiceProblemsText(problems: ChoiceProblem[], language: Language): string {
  const s = ONBOARDING_STRINGS[language];
  return problems
    .map((p) => (p.kind === 'required' ? s.networksRequired : s.unknownChoice(p.field, p.values)))
    .join(' ');
}

/** The small card that replaces an answered card (the invoke answer to Action.Execute). */
export function renderReceiptCard(language: Language, step: OnboardingStep): Record<string, unknown> {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [text(ONBOARDING_STRINGS[language].answered(stepTitle(step, language)), { color: 'Good' })],
  };
}
