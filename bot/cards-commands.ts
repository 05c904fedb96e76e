import { CardFactory, MessageFactory, type Activity, type Attachment } from 'botbuilder';
import type { Language } from '../src/domain/person';
import type { LibraryEntry } from '../src/ports/content';
import { itemUrl } from './cards';
import { topicLabel } from './cards-onboarding';

// The chat commands' cards and words (issue 5 §5): library, stats, pause/resume, leave, language.
// Adaptive Cards 1.5 with what Teams renders: TextBlock, FactSet, ActionSet, Action.Submit/OpenUrl.

export interface CommandStrings {
  libraryTitle: string;
  libraryForTopics(topics: string): string;
  libraryNoTopics: string;
  libraryEmpty: string;
  openInChorus: string;
  statsTitle(days: number): string;
  shares: string;
  clicks: string;
  uniqueClicks: string;
  topItem: string;
  statsPrivate: string;
  paused: string;
  alreadyPaused: string;
  resumed: string;
  notPaused: string;
  leaveTitle: string;
  leaveBody: string;
  leaveConfirm: string;
  leaveCancel: string;
  left: string;
  alreadyLeft: string;
  leaveCancelled: string;
  notAMember: string;
  languageIs(name: string, chosen: boolean): string;
  languageSet: string;
  languageCleared(name: string): string;
  languageUnknown(value: string): string;
  languageName: Record<Language, string>;
  notInDirectory: string;
  personalOnly: string;
  malformed: string;
}

export const COMMAND_STRINGS: Record<Language, CommandStrings> = {
  da: {
    libraryTitle: 'Fra biblioteket',
    libraryForTopics: (topics) => `Det mest delte inden for dine emner: ${topics}.`,
    libraryNoTopics:
      'Du har ikke valgt emner endnu, så her er det mest delte. Skriv “introduktion” for at vælge emner.',
    libraryEmpty:
      'Biblioteket har ikke noget til dig lige nu. Skriv dit eget opslag, og send det til mig med “spar” foran.',
    openInChorus: 'Åbn i Chorus',
    statsTitle: (days) => `Dine tal de sidste ${days} dage`,
    shares: 'Delinger',
    clicks: 'Klik',
    uniqueClicks: 'Unikke klik',
    topItem: 'Mest klikkede',
    statsPrivate: 'Kun du kan se dine tal.',
    paused:
      'Notifikationer er sat på pause. Jeg sender dig ikke kampagner og invitationer, før du skriver “genoptag”.',
    alreadyPaused: 'Dine notifikationer er allerede sat på pause. Skriv “genoptag” for at slå dem til igen.',
    resumed: 'Notifikationer er slået til igen.',
    notPaused: 'Dine notifikationer er ikke sat på pause.',
    leaveTitle: 'Vil du melde dig ud af ambassadørprogrammet?',
    leaveBody:
      'Dine personlige data i programmet bliver anonymiseret eller slettet. Links, du allerede har delt, virker stadig. Du kan melde dig ind igen senere.',
    leaveConfirm: 'Ja, meld mig ud',
    leaveCancel: 'Nej, bliv',
    left: 'Du er nu meldt ud. Tak for din hjælp indtil nu!',
    alreadyLeft: 'Du er allerede meldt ud.',
    leaveCancelled: 'Godt, du er stadig med.',
    notAMember: 'Du er ikke ambassadør, så der er intet at melde sig ud af.',
    languageIs: (name, chosen) =>
      chosen
        ? `Jeg skriver til dig på ${name}, som du har valgt. Skriv “sprog en” for engelsk eller “sprog auto” for at følge Teams.`
        : `Jeg skriver til dig på ${name} ud fra dine indstillinger i Teams. Skriv “sprog en” for engelsk.`,
    languageSet: 'Fint, jeg skriver til dig på dansk fra nu af.',
    languageCleared: (name) => `Fint, jeg følger dine indstillinger i Teams igen (${name}).`,
    languageUnknown: (value) =>
      `Det sprog kender jeg ikke: “${value}”. Jeg taler dansk (da) og engelsk (en). Skriv for eksempel “sprog da”.`,
    languageName: { da: 'dansk', en: 'engelsk' },
    notInDirectory: 'Det kan jeg kun hjælpe med for personer i organisationens adressebog.',
    personalOnly: 'Det klarer vi bedst i vores egen chat. Skriv til mig dér.',
    malformed: 'Det svar kunne jeg ikke læse. Prøv igen.',
  },
  en: {
    libraryTitle: 'From the library',
    libraryForTopics: (topics) => `The most shared in your topics: ${topics}.`,
    libraryNoTopics:
      "You haven't chosen topics yet, so here is the most shared. Write “onboarding” to choose topics.",
    libraryEmpty:
      'The library has nothing for you right now. Write your own post and send it to me starting with “spar”.',
    openInChorus: 'Open in Chorus',
    statsTitle: (days) => `Your numbers for the last ${days} days`,
    shares: 'Shares',
    clicks: 'Clicks',
    uniqueClicks: 'Unique clicks',
    topItem: 'Most clicked',
    statsPrivate: 'Only you can see your numbers.',
    paused: "Notifications are paused. I won't send you campaigns and invitations until you write “resume”.",
    alreadyPaused: 'Your notifications are already paused. Write “resume” to turn them on again.',
    resumed: 'Notifications are on again.',
    notPaused: 'Your notifications are not paused.',
    leaveTitle: 'Do you want to leave the ambassador program?',
    leaveBody:
      'Your personal data in the program is anonymised or deleted. Links you already shared keep working. You can join again later.',
    leaveConfirm: 'Yes, leave',
    leaveCancel: 'No, stay',
    left: 'You have left the program. Thank you for your help so far!',
    alreadyLeft: 'You have already left.',
    leaveCancelled: "Good, you're still in.",
    notAMember: "You're not an ambassador, so there is nothing to leave.",
    languageIs: (name, chosen) =>
      chosen
        ? `I write to you in ${name}, as you chose. Write “language da” for Danish, or “language auto” to follow Teams.`
        : `I write to you in ${name}, from your Teams settings. Write “language da” for Danish.`,
    languageSet: "Fine, I'll write to you in English from now on.",
    languageCleared: (name) => `Fine, I follow your Teams settings again (${name}).`,
    languageUnknown: (value) =>
      `I don't know that language: “${value}”. I speak Danish (da) and English (en). Write, for example, “language en”.`,
    languageName: { da: 'Danish', en: 'English' },
    notInDirectory: 'I can only help with that for people in the organisation directory.',
    personalOnly: "Let's do that in our own chat. Write to me there.",
    malformed: 'I could not read that answer. Please try again.',
  },
};

/** What the leave card's buttons send back. */
export interface CommandCardData {
  chorus: 'command';
  command: 'leave';
  confirm: boolean;
}

function card(body: unknown[], actions: unknown[] = []): Attachment {
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions.length ? { actions } : {}),
  });
}

const text = (value: string, extra: Record<string, unknown> = {}) => ({
  type: 'TextBlock',
  text: value,
  wrap: true,
  ...extra,
});

function message(attachment: Attachment, summary: string): Partial<Activity> {
  const m = MessageFactory.attachment(attachment);
  m.summary = summary;
  return m;
}

/** A short text answer. */
export function commandText(value: string): Partial<Activity> {
  return MessageFactory.text(value);
}

/** The cut caption of an item, at a word. */
function excerpt(value: string, max: number): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  if ([...flat].length <= max) return flat;
  const cut = [...flat].slice(0, max - 1).join('');
  return `${cut.replace(/\s+\S*$/, '')}…`;
}

/** `library`: up to three items, each with "Open in Chorus". */
export function renderLibraryList(
  items: LibraryEntry[],
  options: { language: Language; publicUrl: string; topics: string[] },
): Partial<Activity> {
  const s = COMMAND_STRINGS[options.language];
  if (items.length === 0) return commandText(s.libraryEmpty);
  const intro = options.topics.length
    ? s.libraryForTopics(options.topics.map((t) => topicLabel(t, options.language)).join(', '))
    : s.libraryNoTopics;
  return message(
    card([
      text(s.libraryTitle, { size: 'Large', weight: 'Bolder' }),
      text(intro, { isSubtle: true }),
      ...items.flatMap((item) => [
        text(item.title, { size: 'Medium', weight: 'Bolder', spacing: 'Large', separator: true }),
        ...(item.caption ? [text(excerpt(item.caption, 280))] : []),
        {
          type: 'ActionSet',
          actions: [
            { type: 'Action.OpenUrl', title: s.openInChorus, url: itemUrl(options.publicUrl, item.id) },
          ],
        },
      ]),
    ]),
    s.libraryTitle,
  );
}

/** `stats`: the person's own shares and clicks. */
export function renderStats(
  impact: {
    days: number;
    totals: { shares: number; clicks: number; uniqueClicks: number };
    byItem: { title: string; clicks: number }[];
  },
  language: Language,
): Partial<Activity> {
  const s = COMMAND_STRINGS[language];
  const locale = language === 'da' ? 'da-DK' : 'en-GB';
  const n = (value: number) => value.toLocaleString(locale);
  const top = impact.byItem.find((i) => i.clicks > 0);
  const title = s.statsTitle(impact.days);
  return message(
    card([
      text(title, { size: 'Large', weight: 'Bolder' }),
      {
        type: 'FactSet',
        facts: [
          { title: s.shares, value: n(impact.totals.shares) },
          { title: s.clicks, value: n(impact.totals.clicks) },
          { title: s.uniqueClicks, value: n(impact.totals.uniqueClicks) },
          ...(top ? [{ title: s.topItem, value: `${top.title} (${n(top.clicks)})` }] : []),
        ],
      },
      text(s.statsPrivate, { isSubtle: true, size: 'Small' }),
    ]),
    title,
  );
}

/** `leave`: the confirmation, with the same consequences as leaving in the tab. */
export function renderLeaveConfirmation(language: Language): Partial<Activity> {
  const s = COMMAND_STRINGS[language];
  const data = (confirm: boolean): CommandCardData => ({ chorus: 'command', command: 'leave', confirm });
  return message(
    card(
      [text(s.leaveTitle, { size: 'Medium', weight: 'Bolder' }), text(s.leaveBody)],
      [
        { type: 'Action.Submit', title: s.leaveConfirm, style: 'destructive', data: data(true) },
        { type: 'Action.Submit', title: s.leaveCancel, data: data(false) },
      ],
    ),
    s.leaveTitle,
  );
}
