import type { Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import {
  campaignLink,
  renderCampaignAnnouncement,
  renderCampaignInvitation,
  type CampaignCardData,
} from './cards-recruitment';

const campaign: CampaignCardData = {
  id: 'c-1',
  name: 'Bliv ambassadør',
  pitch: {
    da: { why: 'Fordi vi vil høres.', effort: '30 minutter om ugen', support: 'Workshops' },
    en: { why: 'Because we want to be heard.', effort: '30 minutes a week', support: 'Workshops' },
  },
  imageUrl: null,
};
const links = { publicUrl: 'https://chorus.example', teamsAppId: null };

type Card = {
  body: { type: string; text?: string; items?: { text: string }[] }[];
  actions: { title: string; url: string }[];
};
const cardOf = (activity: Partial<Activity>) => activity.attachments![0]!.content as Card;
const texts = (card: Card) =>
  card.body.flatMap((b) => (b.items ? b.items.map((i) => i.text) : [b.text ?? '']));

describe('recruitment cards', () => {
  it('links Join and Learn more to the Campaigns page in a browser', () => {
    expect(campaignLink('c-1', true, links)).toBe(
      'https://chorus.example/?page=campaigns&campaign=c-1&join=1',
    );
    expect(campaignLink('c-1', false, links)).toBe('https://chorus.example/?page=campaigns&campaign=c-1');
  });

  it('links to the Campaigns static tab in Teams, with the campaign as the sub-entity', () => {
    const url = new URL(campaignLink('c-1', true, { ...links, teamsAppId: 'app-id' }));
    expect(url.origin + url.pathname).toBe('https://teams.microsoft.com/l/entity/app-id/campaigns');
    expect(JSON.parse(url.searchParams.get('context')!)).toEqual({ subEntityId: 'campaign:c-1:join' });
    expect(url.searchParams.get('webUrl')).toBe('https://chorus.example/?page=campaigns&campaign=c-1&join=1');
  });

  it('announces in a channel with the pitch, Join and Learn more', () => {
    const card = cardOf(renderCampaignAnnouncement(campaign, 'da', links));
    expect(texts(card)).toEqual(
      expect.arrayContaining(['Bliv ambassadør', 'Fordi vi vil høres.', '30 minutter om ugen']),
    );
    expect(card.actions.map((a) => a.title)).toEqual(['Bliv ambassadør', 'Læs mere']);
  });

  it('invites in the reader’s language, quotes the nominator’s note, and always says joining is voluntary', () => {
    const nominated = cardOf(
      renderCampaignInvitation({
        campaign,
        language: 'en',
        recipientName: 'Anna Jensen',
        nomination: { nominatorName: 'Mette Holm', relation: 'manager', note: 'You tell stories well.' },
        links,
      }),
    );
    expect(texts(nominated)).toEqual(
      expect.arrayContaining([
        'Mette Holm nominated you',
        '“You tell stories well.”',
        'Because we want to be heard.',
      ]),
    );
    expect(texts(nominated).some((t) => t.startsWith('Joining is voluntary.'))).toBe(true);

    const plain = cardOf(
      renderCampaignInvitation({ campaign, language: 'da', recipientName: null, nomination: null, links }),
    );
    expect(texts(plain).some((t) => t.includes('indstillet'))).toBe(false);
    expect(texts(plain).some((t) => t.startsWith('Det er frivilligt at være med.'))).toBe(true);
  });

  it('falls back to the pitch the campaign has', () => {
    const danishOnly = { ...campaign, pitch: { da: campaign.pitch.da! } };
    const card = cardOf(
      renderCampaignInvitation({
        campaign: danishOnly,
        language: 'en',
        recipientName: null,
        nomination: null,
        links,
      }),
    );
    expect(texts(card)).toContain('Fordi vi vil høres.');
    expect(texts(card)).toContain('Why join');
  });
});
