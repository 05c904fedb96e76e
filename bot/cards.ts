import {
  CardFactory,
  MessageFactory,
  type Activity,
  type Attachment,
  type MessagingExtensionAttachment,
} from 'botbuilder';
import { mediaPath } from '../src/domain/images';
import type { Language } from '../src/domain/person';
import type { LibraryEntry } from '../src/ports/content';
import type { BotMessage } from '../src/ports/messenger';
import { STRINGS, firstNameOf } from './strings';

type TextBlock = {
  type: 'TextBlock';
  text: string;
  wrap: true;
  size?: 'Large' | 'Medium' | 'Small';
  weight?: 'Bolder';
  isSubtle?: boolean;
  spacing?: 'Medium' | 'Small';
  maxLines?: number;
};
type ImageElement = { type: 'Image'; url: string; altText: string; size: 'Stretch' };
type CardElement = TextBlock | ImageElement;
type OpenUrlAction = { type: 'Action.OpenUrl'; title: string; url: string };

const title = (text: string): TextBlock => ({
  type: 'TextBlock',
  text,
  wrap: true,
  size: 'Large',
  weight: 'Bolder',
});
const para = (text: string): TextBlock => ({ type: 'TextBlock', text, wrap: true });
const subtle = (text: string): TextBlock => ({
  type: 'TextBlock',
  text,
  wrap: true,
  isSubtle: true,
  spacing: 'Medium',
});

/** An Adaptive Card attachment: 1.5 (what Teams renders in messages) unless told. */
export function adaptiveCard(
  body: CardElement[],
  options: { actions?: OpenUrlAction[]; version?: '1.3' | '1.5' } = {},
): Attachment {
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: options.version ?? '1.5',
    body,
    ...(options.actions?.length ? { actions: options.actions } : {}),
  });
}

/** A message carrying one card; `summary` is what notifications and screen readers show first. */
function cardMessage(card: Attachment, summary: string): Partial<Activity> {
  const message = MessageFactory.attachment(card);
  message.summary = summary;
  return message;
}

/** The greeting when someone installs the bot. */
export function renderGreeting(language: Language, displayName: string | null): Partial<Activity> {
  const s = STRINGS[language];
  const heading = s.greetingTitle(firstNameOf(displayName));
  return cardMessage(adaptiveCard([title(heading), para(s.greetingBody), subtle(s.helpHint)]), heading);
}

/** The answer to "help". */
export function renderHelp(language: Language): Partial<Activity> {
  const s = STRINGS[language];
  return cardMessage(
    adaptiveCard([title(s.helpTitle), ...s.helpItems.map((item) => para(`• ${item}`))]),
    s.helpTitle,
  );
}

/** The pointer to "help" for input the bot does not understand. */
export function renderUnknown(language: Language): Partial<Activity> {
  return MessageFactory.text(STRINGS[language].unknown);
}

/** The short failure message; the details go to the log. */
export function renderFailure(language: Language): Partial<Activity> {
  return MessageFactory.text(STRINGS[language].failure);
}

/** A proactive message from a service (the Messenger port). */
export function renderBotMessage(message: BotMessage): Partial<Activity> {
  switch (message.kind) {
    case 'welcome': {
      const s = STRINGS[message.language];
      const heading = s.welcomeTitle(firstNameOf(message.displayName) ?? message.displayName);
      return cardMessage(
        adaptiveCard([
          title(heading),
          para(s.welcomeBody),
          ...s.welcomeNext.map((line) => subtle(`• ${line}`)),
        ]),
        heading,
      );
    }
    default: {
      const unknown: never = message.kind;
      throw new Error(`no renderer for bot message '${String(unknown)}'`);
    }
  }
}

/** The address of an item's page in Chorus, which its card opens and whose links unfurl. */
export function itemUrl(publicUrl: string, itemId: string): string {
  return `${publicUrl}/items/${encodeURIComponent(itemId)}`;
}

/** The picture of a library item as an absolute URL (uploads are served from /media/<id>), or null. */
export function itemImageUrl(
  publicUrl: string,
  item: Pick<LibraryEntry, 'imageId' | 'imageUrl'>,
): string | null {
  if (item.imageId) return `${publicUrl}${mediaPath(item.imageId)}`;
  return item.imageUrl;
}

/** At most `max` characters, cut at a word and marked with an ellipsis. */
function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if ([...flat].length <= max) return flat;
  const cut = [...flat].slice(0, max - 1).join('');
  const atWord = cut.replace(/\s+\S*$/, '');
  return `${atWord.length > max / 2 ? atWord : cut}…`;
}

/**
 * A library item as the card an employee inserts into a chat or channel (message extension), or that
 * a pasted Chorus link unfurls into: picture, title, the item's caption and "Open in Chorus", in the
 * reader's language. The preview is the thumbnail Teams lists among the search results.
 *
 * Teams renders Adaptive Cards 1.5 in messages but only 1.3 in link unfurls, so the unfurl asks for
 * 1.3; the card uses nothing newer than 1.2 either way.
 */
export function renderLibraryCard(
  item: LibraryEntry,
  options: { language: Language; publicUrl: string; version?: '1.3' | '1.5' },
): MessagingExtensionAttachment {
  const s = STRINGS[options.language];
  const image = itemImageUrl(options.publicUrl, item);
  const body: CardElement[] = [
    ...(image ? [{ type: 'Image', url: image, altText: item.title, size: 'Stretch' } as const] : []),
    { type: 'TextBlock', text: item.title, wrap: true, size: 'Medium', weight: 'Bolder' },
    ...(item.caption ? [para(item.caption)] : []),
    { type: 'TextBlock', text: s.fromLibrary, wrap: true, isSubtle: true, size: 'Small', spacing: 'Small' },
  ];
  const card = adaptiveCard(body, {
    actions: [{ type: 'Action.OpenUrl', title: s.openInChorus, url: itemUrl(options.publicUrl, item.id) }],
    version: options.version ?? '1.5',
  });
  const preview = CardFactory.thumbnailCard(
    item.title,
    shorten(item.caption || item.body, 120),
    image ? [{ url: image, alt: item.title }] : [],
  );
  return { ...card, preview };
}
