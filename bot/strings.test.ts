import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../src/domain/person';
import { renderBotMessage } from './cards';
import { firstNameOf, HELP_PATTERN, STRINGS } from './strings';

describe('bot strings', () => {
  it('say the same things in Danish and English', () => {
    const [da, en] = [STRINGS.da, STRINGS.en];
    expect(Object.keys(da).sort()).toEqual(Object.keys(en).sort());
    expect(da.helpItems).toHaveLength(en.helpItems.length);
    expect(da.welcomeNext).toHaveLength(en.welcomeNext.length);
    for (const language of LANGUAGES) {
      const s = STRINGS[language];
      const texts = [
        s.greetingBody,
        s.helpHint,
        s.helpTitle,
        s.unknown,
        s.failure,
        s.welcomeBody,
        ...s.helpItems,
        ...s.welcomeNext,
      ];
      expect(texts.every((t) => t.trim().length > 0)).toBe(true);
    }
    expect(da.helpTitle).not.toBe(en.helpTitle);
  });

  it('recognise help in both languages, and nothing else', () => {
    for (const text of ['help', 'Hjælp', ' hjaelp ', 'HELP!', '?'])
      expect(HELP_PATTERN.test(text), text).toBe(true);
    for (const text of ['helpful', 'I need help with my post', 'hjælpe', ''])
      expect(HELP_PATTERN.test(text), text).toBe(false);
  });

  it('use the first name', () => {
    expect(firstNameOf('  Søren  Kierkegaard ')).toBe('Søren');
    expect(firstNameOf('')).toBeNull();
    expect(firstNameOf(null)).toBeNull();
  });

  it('render the welcome as an Adaptive Card 1.5 in the message language', () => {
    const message = renderBotMessage({ kind: 'welcome', language: 'en', displayName: 'Ada Lovelace' });
    const card = message.attachments?.[0];
    expect(card?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const content = card?.content as { version: string; body: { type: string; text: string }[] };
    expect(content.version).toBe('1.5');
    expect(content.body[0]).toMatchObject({
      type: 'TextBlock',
      text: 'Welcome aboard as an ambassador, Ada!',
    });
    expect(content.body).toHaveLength(4);
    expect(message.summary).toBe('Welcome aboard as an ambassador, Ada!');
  });
});
