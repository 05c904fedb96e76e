import { CardFactory, MessageFactory, type Activity, type Attachment } from 'botbuilder';
import type { Pitch } from '../src/contracts/recruitment';
import type { Language } from '../src/domain/person';
import { firstNameOf } from './strings';

// Recruitment cards (design §10): the channel announcement and the personal invitation, rendered in
// the reader's language when the outbox sends them. Joining always goes through the tab's consent
// step (guidelines, networks, topics), so both buttons only open the Campaigns page.

export interface RecruitmentStrings {
  channelIntro: string;
  invitationIntro(firstName: string | null): string;
  nominatedBy(name: string, relation: 'manager' | 'colleague'): string;
  whyHeading: string;
  effortHeading: string;
  supportHeading: string;
  voluntary: string;
  join: string;
  learnMore: string;
  /** Activity-feed preview when the pitch has no text. */
  feedPreview(campaignName: string): string;
}

export const RECRUITMENT_STRINGS: Record<Language, RecruitmentStrings> = {
  da: {
    channelIntro: 'Vi søger ambassadører',
    invitationIntro: (firstName) =>
      firstName
        ? `Hej ${firstName}, du er inviteret til at blive ambassadør`
        : 'Du er inviteret til at blive ambassadør',
    nominatedBy: (name, relation) =>
      relation === 'manager' ? `${name} har indstillet dig` : `${name} har anbefalet dig`,
    whyHeading: 'Hvorfor være med',
    effortHeading: 'Hvad det kræver',
    supportHeading: 'Den støtte, du får',
    voluntary:
      'Det er frivilligt at være med. Sig kun ja, hvis du har lyst, og du kan melde dig ud igen med ét klik.',
    join: 'Bliv ambassadør',
    learnMore: 'Læs mere',
    feedPreview: (campaignName) => `Du er inviteret: ${campaignName}`,
  },
  en: {
    channelIntro: "We're looking for ambassadors",
    invitationIntro: (firstName) =>
      firstName
        ? `Hi ${firstName}, you're invited to become an ambassador`
        : "You're invited to become an ambassador",
    nominatedBy: (name, relation) =>
      relation === 'manager' ? `${name} nominated you` : `${name} recommended you`,
    whyHeading: 'Why join',
    effortHeading: 'What it takes',
    supportHeading: 'The support you get',
    voluntary: 'Joining is voluntary. Say yes only if you want to, and you can leave again with one click.',
    join: 'Join',
    learnMore: 'Learn more',
    feedPreview: (campaignName) => `You're invited: ${campaignName}`,
  },
};

/** The campaign as a card shows it. */
export interface CampaignCardData {
  id: string;
  name: string;
  pitch: { da?: Pitch; en?: Pitch };
  /** An absolute image URL, or null. */
  imageUrl: string | null;
}

export interface CampaignLinkOptions {
  /** PUBLIC_URL, no trailing slash. */
  publicUrl: string;
  /** The Teams app id (manifest id): when set, links are Teams deep links to the Campaigns tab. */
  teamsAppId: string | null;
}

/** The entityId of the Campaigns static tab in appPackage/manifest.json. */
export const CAMPAIGNS_TAB_ENTITY_ID = 'campaigns';

/**
 * Where Join (join=true) and Learn more lead. In a browser: `${PUBLIC_URL}/?page=campaigns&campaign=<id>`
 * plus `&join=1`. In Teams: a deep link to the Campaigns static tab whose subEntityId is
 * `campaign:<id>[:join]`, which the tab reads from its context; `webUrl` is the browser fallback.
 */
export function campaignLink(campaignId: string, join: boolean, options: CampaignLinkOptions): string {
  const webUrl = `${options.publicUrl}/?page=campaigns&campaign=${encodeURIComponent(campaignId)}${join ? '&join=1' : ''}`;
  if (!options.teamsAppId) return webUrl;
  const context = JSON.stringify({ subEntityId: `campaign:${campaignId}${join ? ':join' : ''}` });
  return (
    `https://teams.microsoft.com/l/entity/${encodeURIComponent(options.teamsAppId)}/${CAMPAIGNS_TAB_ENTITY_ID}` +
    `?webUrl=${encodeURIComponent(webUrl)}&context=${encodeURIComponent(context)}`
  );
}

/** The pitch in the reader's language, else the one the campaign has. */
export function pitchFor(pitch: CampaignCardData['pitch'], language: Language): Pitch | null {
  return pitch[language] ?? pitch.da ?? pitch.en ?? null;
}

type Element = Record<string, unknown>;

const text = (value: string, extra: Element = {}): Element => ({
  type: 'TextBlock',
  text: value,
  wrap: true,
  ...extra,
});

function pitchSections(pitch: Pitch | null, s: RecruitmentStrings): Element[] {
  if (!pitch) return [];
  return [
    [s.whyHeading, pitch.why],
    [s.effortHeading, pitch.effort],
    [s.supportHeading, pitch.support],
  ].flatMap(([heading, body]) => [
    text(heading!, { weight: 'Bolder', spacing: 'Medium' }),
    text(body!, { spacing: 'Small' }),
  ]);
}

function card(body: Element[], actions: Element[]): Attachment {
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    actions,
  });
}

function actionsFor(campaignId: string, s: RecruitmentStrings, links: CampaignLinkOptions): Element[] {
  return [
    { type: 'Action.OpenUrl', title: s.join, url: campaignLink(campaignId, true, links), style: 'positive' },
    { type: 'Action.OpenUrl', title: s.learnMore, url: campaignLink(campaignId, false, links) },
  ];
}

function message(attachment: Attachment, summary: string): Partial<Activity> {
  const activity = MessageFactory.attachment(attachment);
  activity.summary = summary;
  return activity;
}

const image = (campaign: CampaignCardData): Element[] =>
  campaign.imageUrl
    ? [{ type: 'Image', url: campaign.imageUrl, altText: campaign.name, size: 'Stretch' }]
    : [];

/** The card the bot posts in a channel: the pitch, Join and Learn more. */
export function renderCampaignAnnouncement(
  campaign: CampaignCardData,
  language: Language,
  links: CampaignLinkOptions,
): Partial<Activity> {
  const s = RECRUITMENT_STRINGS[language];
  return message(
    card(
      [
        ...image(campaign),
        text(s.channelIntro, { isSubtle: true, spacing: 'Small' }),
        text(campaign.name, { size: 'Large', weight: 'Bolder', spacing: 'Small' }),
        ...pitchSections(pitchFor(campaign.pitch, language), s),
        text(s.voluntary, { isSubtle: true, spacing: 'Medium' }),
      ],
      actionsFor(campaign.id, s, links),
    ),
    `${s.channelIntro}: ${campaign.name}`,
  );
}

export interface InvitationCardInput {
  campaign: CampaignCardData;
  language: Language;
  recipientName: string | null;
  /** Set when a manager or colleague nominated the person; the note is quoted. */
  nomination: { nominatorName: string; relation: 'manager' | 'colleague'; note: string | null } | null;
  links: CampaignLinkOptions;
}

/**
 * The personal invitation: the pitch, who nominated the person (quoting the note) when someone did,
 * and always a plain line that joining is voluntary.
 */
export function renderCampaignInvitation(input: InvitationCardInput): Partial<Activity> {
  const { campaign, language, nomination } = input;
  const s = RECRUITMENT_STRINGS[language];
  const nominationBlock: Element[] = nomination
    ? [
        text(s.nominatedBy(nomination.nominatorName, nomination.relation), {
          weight: 'Bolder',
          spacing: 'Medium',
        }),
        ...(nomination.note
          ? [
              {
                type: 'Container',
                style: 'emphasis',
                spacing: 'Small',
                items: [text(`“${nomination.note}”`, { isSubtle: false })],
              },
            ]
          : []),
      ]
    : [];
  const heading = s.invitationIntro(firstNameOf(input.recipientName));
  return message(
    card(
      [
        ...image(campaign),
        text(heading, { isSubtle: true, spacing: 'Small' }),
        text(campaign.name, { size: 'Large', weight: 'Bolder', spacing: 'Small' }),
        ...nominationBlock,
        ...pitchSections(pitchFor(campaign.pitch, language), s),
        text(s.voluntary, { spacing: 'Medium' }),
      ],
      actionsFor(campaign.id, s, input.links),
    ),
    nomination
      ? `${s.nominatedBy(nomination.nominatorName, nomination.relation)}: ${campaign.name}`
      : heading,
  );
}
