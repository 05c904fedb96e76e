import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import { msg, render, type PlainMessageKey } from '../src/domain/messages';
import type { Language } from '../src/domain/person';
import type { OutboxPayload } from '../src/ports/outbox';
import type { CampaignLinkOptions } from './cards-recruitment';

// The weekly digest card (issue 6), sent through the outbox to an ambassador's 1:1 chat: new library
// items for their topics and their own numbers for the last seven days. Adaptive Cards 1.5, only
// elements Teams renders in bot messages. The words are in src/domain/catalogue/digest.ts.

type DigestPayload = Extract<OutboxPayload, { kind: 'weeklyDigest' }>;
type CardElement = Record<string, unknown>;

/** The entityId of the Library static tab in appPackage/manifest.json. */
export const LIBRARY_TAB_ENTITY_ID = 'library';

const say = (key: PlainMessageKey, language: Language) => render(msg(key), language);

const text = (value: string, extra: CardElement = {}): CardElement => ({
  type: 'TextBlock',
  text: value,
  wrap: true,
  ...extra,
});

/** The library: a Teams deep link to its tab when the app id is known, else the tab in a browser. */
export function libraryLink(options: CampaignLinkOptions): string {
  const webUrl = `${options.publicUrl}/?page=library`;
  if (!options.teamsAppId) return webUrl;
  return (
    `https://teams.microsoft.com/l/entity/${encodeURIComponent(options.teamsAppId)}/${LIBRARY_TAB_ENTITY_ID}` +
    `?webUrl=${encodeURIComponent(webUrl)}`
  );
}

/** Numbers as the reader writes them (Danish: 1.234; English: 1,234). */
const formatNumber = (value: number, language: Language) =>
  new Intl.NumberFormat(language === 'da' ? 'da-DK' : 'en-GB').format(value);

/** The digest card in `language`. */
export function renderWeeklyDigest(input: {
  language: Language;
  digest: Omit<DigestPayload, 'kind'>;
  links: CampaignLinkOptions;
}): Partial<Activity> {
  const { language, digest } = input;
  const items: CardElement[] =
    digest.items.length > 0
      ? digest.items.map((item) =>
          text(`• **${item.title.replace(/[*_[\]]/g, '\\$&')}** (${item.topicLabel[language]})`, {
            spacing: 'Small',
          }),
        )
      : [text(say('digestNoNewContent', language), { isSubtle: true, spacing: 'Small' })];
  const facts = [
    { title: say('digestSharesFact', language), value: formatNumber(digest.numbers.shares, language) },
    { title: say('digestClicksFact', language), value: formatNumber(digest.numbers.clicks, language) },
    {
      title: say('digestUniqueClicksFact', language),
      value: formatNumber(digest.numbers.uniqueClicks, language),
    },
  ];
  const title = say('digestCardTitle', language);
  const activity = MessageFactory.attachment(
    CardFactory.adaptiveCard({
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: '1.5',
      body: [
        text(title, { size: 'Large', weight: 'Bolder' }),
        text(say('digestCardIntro', language), { isSubtle: true }),
        text(say('digestNewContentHeading', language), { weight: 'Bolder', spacing: 'Medium' }),
        ...items,
        text(say('digestNumbersHeading', language), { weight: 'Bolder', spacing: 'Medium' }),
        { type: 'FactSet', facts },
        text(say('digestPauseHint', language), { isSubtle: true, size: 'Small', spacing: 'Medium' }),
      ],
      actions: [
        { type: 'Action.OpenUrl', title: say('digestOpenLibrary', language), url: libraryLink(input.links) },
      ],
    }),
  );
  activity.summary = title;
  return activity;
}
