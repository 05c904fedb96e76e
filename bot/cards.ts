import { CardFactory, MessageFactory, type Activity, type Attachment } from 'botbuilder';
import type { Language } from '../src/domain/person';
import type { BotMessage } from '../src/ports/messenger';
import { STRINGS, firstNameOf } from './strings';

type TextBlock = {
  type: 'TextBlock';
  text: string;
  wrap: true;
  size?: 'Large' | 'Medium';
  weight?: 'Bolder';
  isSubtle?: boolean;
  spacing?: 'Medium';
};

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

/** An Adaptive Card 1.5 attachment (Teams renders 1.5). */
export function adaptiveCard(body: TextBlock[]): Attachment {
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
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
