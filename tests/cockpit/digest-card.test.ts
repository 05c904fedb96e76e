import { describe, expect, it } from 'vitest';
import { libraryLink, renderWeeklyDigest } from '../../bot/cards-digest';
import { cardTexts } from '../fakes/bot-connector';
import { adaptiveCards, expectTeamsCard } from '../support/teams-cards';

const digest = {
  week: '2026-W50',
  periodStart: '2026-11-30T07:00:00.000Z',
  periodEnd: '2026-12-07T07:00:00.000Z',
  items: [
    {
      id: 'i1',
      title: 'Open house at the wind farm',
      topic: 'events',
      topicLabel: { da: 'Arrangementer', en: 'Events' },
    },
  ],
  numbers: { shares: 3, clicks: 1234, uniqueClicks: 17 },
};
const links = { publicUrl: 'https://chorus.example', teamsAppId: null };

type Fact = { title: string; value: string };
const factsOf = (card: Record<string, unknown>) =>
  ((card['body'] as Record<string, unknown>[]).find((e) => e['type'] === 'FactSet')!['facts'] as Fact[]).map(
    (f) => `${f.title}: ${f.value}`,
  );

describe('the weekly digest card', () => {
  it('renders in English and Danish as a card Teams shows, with numbers in the reader’s format', () => {
    const en = renderWeeklyDigest({ language: 'en', digest, links });
    const da = renderWeeklyDigest({ language: 'da', digest, links });
    for (const activity of [en, da]) {
      const [card] = adaptiveCards(activity);
      expectTeamsCard(card!);
    }
    const enCard = adaptiveCards(en)[0]!;
    const daCard = adaptiveCards(da)[0]!;
    expect(cardTexts(en as Parameters<typeof cardTexts>[0]).slice(0, 1)).toEqual(['Your week in Chorus']);
    expect(cardTexts(da as Parameters<typeof cardTexts>[0]).slice(0, 1)).toEqual(['Din uge i Chorus']);
    expect(cardTexts(en as Parameters<typeof cardTexts>[0])).toContain(
      '• **Open house at the wind farm** (Events)',
    );
    expect(cardTexts(da as Parameters<typeof cardTexts>[0])).toContain(
      '• **Open house at the wind farm** (Arrangementer)',
    );
    expect(factsOf(enCard)).toEqual(['Shares: 3', 'Clicks on your links: 1,234', 'Unique visitors: 17']);
    expect(factsOf(daCard)).toEqual(['Delinger: 3', 'Klik på dine links: 1.234', 'Unikke besøgende: 17']);
    expect(en.summary).toBe('Your week in Chorus');
  });

  it('says so when nothing is new, and links to the library (a Teams deep link when the app id is known)', () => {
    const none = renderWeeklyDigest({ language: 'da', digest: { ...digest, items: [] }, links });
    expect(cardTexts(none as Parameters<typeof cardTexts>[0])).toContain(
      'Intet nyt inden for dine emner i denne uge.',
    );
    expect(libraryLink(links)).toBe('https://chorus.example/?page=library');
    expect(libraryLink({ ...links, teamsAppId: 'app-1' })).toBe(
      'https://teams.microsoft.com/l/entity/app-1/library?webUrl=https%3A%2F%2Fchorus.example%2F%3Fpage%3Dlibrary',
    );
  });
});
