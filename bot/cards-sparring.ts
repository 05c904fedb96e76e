import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import { describeFinding, type CoachResult, type Finding, type Severity } from '../src/domain/coach';
import type { Language } from '../src/domain/person';
import { NETWORKS, type Network } from '../src/domain/program';

// Sparring cards: "Get feedback" (a form for a draft), the coach's feedback card, and comms' reply to a
// human sparring request (sent through the outbox). Adaptive Cards 1.5, only elements Teams renders in
// messages (TextBlock, Container, FactSet, Input.Text, Input.ChoiceSet, Action.Submit, Action.ShowCard).
// Severity is always said in words; colour only repeats it.

export interface SparringStrings {
  getFeedbackTitle: string;
  getFeedbackIntro: string;
  draftLabel: string;
  draftPlaceholder: string;
  draftRequired: string;
  networkLabel: string;
  kindLabel: string;
  kindVoluntary: string;
  kindProgram: string;
  getFeedback: string;
  feedbackTitle: string;
  severity: Record<Severity, string>;
  suggestion: string;
  counts(mustFix: number, consider: number, good: number): string;
  noFindings: string;
  lengthFact: string;
  lengthValue(length: string, limit: string, network: string): string;
  copiedFact: string;
  copiedValue(percent: number): string;
  kindFact: string;
  trackedLinkTitle: string;
  trackedLink(title: string, url: string): string;
  coachOnly: string;
  askComms: string;
  checkAgain: string;
  /** The optional language model: extra coaching after the rules' card, and opening-line suggestions. */
  extraTitle: string;
  extraNote: string;
  openingsTitle: string;
  suggestOpenings: string;
  askCommsSent: string;
  askCommsAlreadySent: string;
  cardNotUnderstood: string;
  myRequestsTitle: string;
  myRequestOpen(asked: string): string;
  myRequestAnswered(asked: string): string;
  replyTitle: string;
  replyAbout(asked: string): string;
  replyFrom: string;
  replyClosing: string;
}

export const SPARRING_STRINGS: Record<Language, SparringStrings> = {
  da: {
    getFeedbackTitle: 'Få sparring på et udkast',
    getFeedbackIntro:
      'Indsæt dit opslag, som du har skrevet det. Jeg giver dig feedback med det samme – jeg skriver det aldrig om.',
    draftLabel: 'Dit udkast',
    draftPlaceholder: 'Skriv eller indsæt dit opslag her',
    draftRequired: 'Skriv eller indsæt dit udkast først.',
    networkLabel: 'Netværk',
    kindLabel: 'Hvad er det for et opslag?',
    kindVoluntary: 'Mit eget opslag',
    kindProgram: 'Programindhold, som jeg er blevet bedt om at dele',
    getFeedback: 'Få feedback',
    feedbackTitle: 'Sparring på dit udkast',
    severity: { must_fix: 'Skal rettes', consider: 'Overvej', good: 'Godt' },
    suggestion: 'Forslag',
    counts: (mustFix, consider, good) => `${mustFix} skal rettes · ${consider} at overveje · ${good} godt`,
    noFindings: 'Jeg har ingen bemærkninger. Det ser klar ud.',
    lengthFact: 'Længde',
    lengthValue: (length, limit, network) => `${length} af ${limit} tegn (${network})`,
    copiedFact: 'Kopieret fra biblioteket',
    copiedValue: (percent) => `${percent} %`,
    kindFact: 'Slags opslag',
    trackedLinkTitle: 'Dit sporingslink',
    trackedLink: (title, url) => `Brug dit eget link til »${title}«, så dine klik tæller: ${url}`,
    coachOnly: 'Jeg coacher kun. Ordene er dine, og du bestemmer, hvad du poster.',
    askComms: 'Spørg kommunikation',
    extraTitle: 'Mere sparring',
    extraNote:
      'Skrevet af en sprogmodel ud fra reglerne ovenfor. Reglerne gælder først, og du bestemmer selv dine ord.',
    openingsTitle: 'Tre bud på en første linje',
    suggestOpenings: 'Foreslå første linjer',
    checkAgain: 'Tjek igen',
    askCommsSent:
      'Sendt til kommunikation. Du får svaret her i chatten, og du kan følge det under Sparring i fanen Chorus.',
    askCommsAlreadySent: 'Det udkast er allerede sendt til kommunikation. Du får svaret her i chatten.',
    cardNotUnderstood:
      'Jeg kunne ikke læse svaret fra det kort (det er måske gammelt). Skriv “spar” for at få et nyt.',
    myRequestsTitle: 'Dine seneste sparringsanmodninger',
    myRequestOpen: (asked) => `Venter på svar (sendt ${asked})`,
    myRequestAnswered: (asked) => `Besvaret (sendt ${asked})`,
    replyTitle: 'Kommunikation har svaret på din sparring',
    replyAbout: (asked) => `Om dit udkast fra ${asked}:`,
    replyFrom: 'Svaret',
    replyClosing: 'Du finder alle dine sparringer under Sparring i fanen Chorus.',
  },
  en: {
    getFeedbackTitle: 'Get feedback on a draft',
    getFeedbackIntro: 'Paste your post as you wrote it. I give you feedback at once – I never rewrite it.',
    draftLabel: 'Your draft',
    draftPlaceholder: 'Write or paste your post here',
    draftRequired: 'Write or paste your draft first.',
    networkLabel: 'Network',
    kindLabel: 'What kind of post is it?',
    kindVoluntary: 'My own post',
    kindProgram: 'Program content I was asked to share',
    getFeedback: 'Get feedback',
    feedbackTitle: 'Feedback on your draft',
    severity: { must_fix: 'Must fix', consider: 'Consider', good: 'Good' },
    suggestion: 'Suggestion',
    counts: (mustFix, consider, good) => `${mustFix} to fix · ${consider} to consider · ${good} good`,
    noFindings: 'I have no remarks. It looks ready.',
    lengthFact: 'Length',
    lengthValue: (length, limit, network) => `${length} of ${limit} characters (${network})`,
    copiedFact: 'Copied from the library',
    copiedValue: (percent) => `${percent}%`,
    kindFact: 'Kind of post',
    trackedLinkTitle: 'Your tracked link',
    trackedLink: (title, url) => `Use your own link to “${title}” so your clicks count: ${url}`,
    coachOnly: 'I only coach. The words are yours, and you decide what to post.',
    askComms: 'Ask comms',
    extraTitle: 'More coaching',
    extraNote:
      'Written by a language model from the findings above. The findings come first, and the words stay yours.',
    openingsTitle: 'Three ideas for a first line',
    suggestOpenings: 'Suggest first lines',
    checkAgain: 'Check again',
    askCommsSent:
      "Sent to comms. You'll get the answer here in the chat, and you can follow it under Sparring in the Chorus tab.",
    askCommsAlreadySent: "That draft is already with comms. You'll get the answer here in the chat.",
    cardNotUnderstood:
      "I couldn't read the answer from that card (it may be an old one). Write “spar” to get a new one.",
    myRequestsTitle: 'Your latest sparring requests',
    myRequestOpen: (asked) => `Waiting for an answer (sent ${asked})`,
    myRequestAnswered: (asked) => `Answered (sent ${asked})`,
    replyTitle: 'Comms answered your sparring request',
    replyAbout: (asked) => `About your draft from ${asked}:`,
    replyFrom: 'The answer',
    replyClosing: 'You find all your sparring requests under Sparring in the Chorus tab.',
  },
};

export const NETWORK_NAMES: Record<Network, string> = {
  linkedin: 'LinkedIn',
  x: 'X',
  facebook: 'Facebook',
  instagram: 'Instagram',
  tiktok: 'TikTok',
};

const SEVERITY_COLOR: Record<Severity, 'Attention' | 'Warning' | 'Good'> = {
  must_fix: 'Attention',
  consider: 'Warning',
  good: 'Good',
};

type CardElement = Record<string, unknown> & { type: string };
type CardAction = Record<string, unknown> & { type: string; title: string };

const LOCALE: Record<Language, string> = { da: 'da-DK', en: 'en-GB' };
const number = (n: number, language: Language) => n.toLocaleString(LOCALE[language]);
/** A date as people say it ("23. nov." / "23 Nov"), in Copenhagen time. */
export function shortDate(date: Date, language: Language): string {
  return date.toLocaleDateString(LOCALE[language], {
    day: 'numeric',
    month: 'short',
    timeZone: 'Europe/Copenhagen',
  });
}

const text = (value: string, extra: Record<string, unknown> = {}): CardElement => ({
  type: 'TextBlock',
  text: value,
  wrap: true,
  ...extra,
});

function card(body: CardElement[], actions: CardAction[] = []) {
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions.length ? { actions } : {}),
  });
}

function message(attachment: ReturnType<typeof card>, summary: string): Partial<Activity> {
  const activity = MessageFactory.attachment(attachment);
  activity.summary = summary;
  return activity;
}

/** At most `max` characters on one line, cut at a word and marked with an ellipsis. */
export function excerpt(value: string, max: number): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  if ([...flat].length <= max) return flat;
  const cut = [...flat].slice(0, max - 1).join('');
  const atWord = cut.replace(/\s+\S*$/, '');
  return `${atWord.length > max / 2 ? atWord : cut}…`;
}

/** What the draft form and the card's actions carry along. */
export interface DraftData {
  draft: string;
  network: Network;
  kind: 'program' | 'voluntary';
}

/** The form's inputs: the draft, the network and the kind of post, prefilled when given. */
function draftInputs(s: SparringStrings, prefill: DraftData | null): CardElement[] {
  return [
    {
      type: 'Input.Text',
      id: 'draft',
      label: s.draftLabel,
      placeholder: s.draftPlaceholder,
      isMultiline: true,
      isRequired: true,
      errorMessage: s.draftRequired,
      maxLength: 5000,
      ...(prefill ? { value: prefill.draft } : {}),
    },
    {
      type: 'Input.ChoiceSet',
      id: 'network',
      label: s.networkLabel,
      style: 'compact',
      value: prefill?.network ?? 'linkedin',
      choices: NETWORKS.map((n) => ({ title: NETWORK_NAMES[n], value: n })),
    },
    {
      type: 'Input.ChoiceSet',
      id: 'kind',
      label: s.kindLabel,
      style: 'expanded',
      value: prefill?.kind ?? 'voluntary',
      choices: [
        { title: s.kindVoluntary, value: 'voluntary' },
        { title: s.kindProgram, value: 'program' },
      ],
    },
  ];
}

/** The "Get feedback" card: a form for a draft. `nonce` identifies this card's submit. */
export function renderGetFeedbackCard(
  language: Language,
  options: { nonce: string; prefill?: DraftData | null; recent?: CardElement[] },
): Partial<Activity> {
  const s = SPARRING_STRINGS[language];
  return message(
    card(
      [
        text(s.getFeedbackTitle, { size: 'Large', weight: 'Bolder' }),
        text(s.getFeedbackIntro),
        ...draftInputs(s, options.prefill ?? null),
        ...(options.recent ?? []),
      ],
      [{ type: 'Action.Submit', title: s.getFeedback, data: { chorus: 'spar', nonce: options.nonce } }],
    ),
    s.getFeedbackTitle,
  );
}

/** A short list of the person's latest requests, for the bottom of the "Get feedback" card. */
export function recentRequestsBlock(
  language: Language,
  requests: { status: 'open' | 'answered'; createdAt: Date; draft: string }[],
): CardElement[] {
  if (!requests.length) return [];
  const s = SPARRING_STRINGS[language];
  return [
    text(s.myRequestsTitle, { weight: 'Bolder', spacing: 'Large', separator: true }),
    ...requests.map((r) => {
      const asked = shortDate(r.createdAt, language);
      const status = r.status === 'open' ? s.myRequestOpen(asked) : s.myRequestAnswered(asked);
      return text(`• ${status}: “${excerpt(r.draft, 60)}”`, { isSubtle: true, spacing: 'Small' });
    }),
  ];
}

/** One finding: its severity in words (bold, coloured), the reason, and the suggestion. */
function findingBlock(finding: Finding, index: number, language: Language): CardElement {
  const s = SPARRING_STRINGS[language];
  const words = describeFinding(finding, language);
  return {
    type: 'Container',
    id: `finding-${index}-${finding.code}`,
    spacing: 'Medium',
    separator: index > 0,
    items: [
      text(s.severity[finding.severity], { weight: 'Bolder', color: SEVERITY_COLOR[finding.severity] }),
      text(words.reason, { spacing: 'Small' }),
      text(`${s.suggestion}: ${words.suggestion}`, { spacing: 'Small', isSubtle: true }),
    ],
  };
}

export interface FeedbackCardInput {
  language: Language;
  data: DraftData;
  result: CoachResult;
  trackedLinks: { url: string; trackedUrl: string; itemTitle: string }[];
  /** The card's "Ask comms" nonce (the request key) and the "Check again" form's nonce. */
  askNonce: string;
  againNonce: string;
  /** Extra coaching from the optional language model, shown after the rules' findings. */
  coaching?: { paragraph: string; openings: string[] } | null;
  /** The optional language model is configured: offer "Suggest first lines" (nonce of that button). */
  openingsNonce?: string | null;
}

/**
 * The coach's answer: a summary, each finding with its severity in words, the reason and a concrete
 * suggestion, the copied share and the length against the network's limit, tracked links for library
 * links, and "Ask comms" / "Check again". It never contains a rewritten post.
 */
export function renderFeedbackCard(input: FeedbackCardInput): Partial<Activity> {
  const { language, result, data } = input;
  const s = SPARRING_STRINGS[language];
  const count = (severity: Severity) => result.findings.filter((f) => f.severity === severity).length;
  const body: CardElement[] = [
    text(s.feedbackTitle, { size: 'Large', weight: 'Bolder' }),
    text(`“${excerpt(data.draft, 120)}”`, { isSubtle: true, spacing: 'Small' }),
    {
      type: 'FactSet',
      facts: [
        {
          title: s.lengthFact,
          value: s.lengthValue(
            number(result.length, language),
            number(result.limit, language),
            NETWORK_NAMES[data.network],
          ),
        },
        { title: s.copiedFact, value: s.copiedValue(result.copiedPercent) },
        { title: s.kindFact, value: data.kind === 'program' ? s.kindProgram : s.kindVoluntary },
      ],
    },
    text(
      result.findings.length ? s.counts(count('must_fix'), count('consider'), count('good')) : s.noFindings,
      {
        weight: 'Bolder',
        spacing: 'Medium',
      },
    ),
    ...result.findings.map((finding, i) => findingBlock(finding, i, language)),
  ];
  if (input.trackedLinks.length) {
    body.push({
      type: 'Container',
      id: 'tracked-links',
      spacing: 'Medium',
      separator: true,
      items: [
        text(s.trackedLinkTitle, { weight: 'Bolder' }),
        ...input.trackedLinks.map((l) =>
          text(s.trackedLink(l.itemTitle, l.trackedUrl), { spacing: 'Small' }),
        ),
      ],
    });
  }
  if (input.coaching?.paragraph) {
    body.push({
      type: 'Container',
      id: 'extra-coaching',
      spacing: 'Medium',
      separator: true,
      items: [
        text(input.coaching.paragraph),
        ...input.coaching.openings.map((o) => text(`• ${o}`, { spacing: 'Small', isSubtle: true })),
      ],
    });
  }
  body.push(text(s.coachOnly, { isSubtle: true, size: 'Small', spacing: 'Medium' }));
  const actions: CardAction[] = [
    {
      type: 'Action.Submit',
      title: s.askComms,
      data: { chorus: 'askComms', nonce: input.askNonce, ...data },
    },
    ...(input.openingsNonce
      ? [
          {
            type: 'Action.Submit',
            title: s.suggestOpenings,
            data: { chorus: 'openings', nonce: input.openingsNonce, ...data },
          } as CardAction,
        ]
      : []),
    {
      type: 'Action.ShowCard',
      title: s.checkAgain,
      card: {
        type: 'AdaptiveCard',
        body: draftInputs(s, data),
        actions: [
          { type: 'Action.Submit', title: s.getFeedback, data: { chorus: 'spar', nonce: input.againNonce } },
        ],
      },
    },
  ];
  return message(card(body, actions), s.feedbackTitle);
}

/**
 * The optional language model's extra coaching, sent after the rules' card: a short paragraph and,
 * when asked for, three opening lines; marked as coming from a language model.
 */
export function renderExtraCoaching(
  language: Language,
  coaching: { paragraph: string; openings: string[] },
): Partial<Activity> {
  const s = SPARRING_STRINGS[language];
  const body: CardElement[] = [
    text(s.extraTitle, { weight: 'Bolder' }),
    text(coaching.paragraph, { spacing: 'Small' }),
  ];
  if (coaching.openings.length) {
    body.push(text(s.openingsTitle, { weight: 'Bolder', spacing: 'Medium' }));
    body.push(...coaching.openings.map((o) => text(`• ${o}`, { spacing: 'Small' })));
  }
  body.push(text(s.extraNote, { isSubtle: true, size: 'Small', spacing: 'Medium' }));
  return message(card(body, []), s.extraTitle);
}

/** Comms' reply to a sparring request, as the ambassador receives it in the 1:1 chat. */
export function renderSparringReply(input: {
  language: Language;
  draft: string;
  reply: string;
  askedAt: Date;
}): Partial<Activity> {
  const s = SPARRING_STRINGS[input.language];
  return message(
    card([
      text(s.replyTitle, { size: 'Large', weight: 'Bolder' }),
      text(s.replyAbout(shortDate(input.askedAt, input.language)), { isSubtle: true }),
      text(`“${excerpt(input.draft, 160)}”`, { isSubtle: true, spacing: 'Small' }),
      text(s.replyFrom, { weight: 'Bolder', spacing: 'Medium' }),
      text(input.reply, { spacing: 'Small' }),
      text(s.replyClosing, { isSubtle: true, size: 'Small', spacing: 'Medium' }),
    ]),
    s.replyTitle,
  );
}

/** A short text answer in the person's language. */
export function renderSparringText(
  language: Language,
  key: 'askCommsSent' | 'askCommsAlreadySent' | 'cardNotUnderstood',
) {
  return MessageFactory.text(SPARRING_STRINGS[language][key]);
}
