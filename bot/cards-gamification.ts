import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import { msg, render } from '../src/domain/messages';
import type { Language } from '../src/domain/person';

// The prize-draw congratulation (issue 6), sent through the outbox to a winner's 1:1 chat and worded
// in their language when it is sent. Adaptive Cards 1.5; the words are in src/domain/catalogue/gamification.ts.

type CardElement = Record<string, unknown>;

const text = (value: string, extra: CardElement = {}): CardElement => ({
  type: 'TextBlock',
  text: value,
  wrap: true,
  ...extra,
});

/** The congratulation card for a prize-draw winner. */
export function renderPrizeWin(input: { language: Language; challengeTitle: string }): Partial<Activity> {
  const { language } = input;
  const title = render(msg('prizeWinTitle'), language);
  const activity = MessageFactory.attachment(
    CardFactory.adaptiveCard({
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: '1.5',
      body: [
        text(title, { size: 'Large', weight: 'Bolder' }),
        text(render(msg('prizeWinBody', { challenge: input.challengeTitle }), language)),
        text(render(msg('prizeWinVerify'), language), { isSubtle: true, size: 'Small', spacing: 'Medium' }),
      ],
    }),
  );
  activity.summary = title;
  return activity;
}
