import type { Pitch } from '../contracts/recruitment';
import { assertAnnounceable } from '../domain/campaign';
import { AppError } from '../domain/errors';
import { msg } from '../domain/messages';
import type { Language } from '../domain/person';
import type {
  CampaignDeps,
  CampaignRecord,
  NewsPageInput,
  NewsPageResult,
  SharePointNewsPages,
} from '../ports/campaigns';
import { getCampaign } from './get-campaign';

// "Publish to SharePoint": the campaign as a news page in the one configured site, linking to the
// campaign page in Chorus (docs/design/recruitment.md §2, §4). Published once: asking again returns the
// stored address, unless comms asks to publish it again (a new page).

export interface SharePointPublishDeps extends CampaignDeps {
  /** Null when SHAREPOINT_SITE_ID is unset. */
  sharepoint: SharePointNewsPages | null;
  /** PUBLIC_URL, no trailing slash: the page links to `${publicUrl}/?page=campaigns&campaign=<id>`. */
  publicUrl: string;
}

/** The words the page adds around the pitch; joining is voluntary, and the page says so. */
const PAGE_STRINGS: Record<
  Language,
  { why: string; effort: string; support: string; voluntary: string; link: string }
> = {
  da: {
    why: 'Hvorfor være med',
    effort: 'Hvad det kræver',
    support: 'Den støtte, du får',
    voluntary: 'Det er frivilligt at være med, og du kan melde dig ud igen med ét klik.',
    link: 'Læs mere og bliv ambassadør i Chorus',
  },
  en: {
    why: 'Why join',
    effort: 'What it takes',
    support: 'The support you get',
    voluntary: 'Joining is voluntary, and you can leave again with one click.',
    link: 'Learn more and join in Chorus',
  },
};

/** Text for HTML: every character that could start markup or end an attribute is escaped. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Paragraphs at blank lines, line breaks kept. */
function paragraphs(text: string): string {
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((p) => `<p>${escapeHtml(p.trim()).replace(/\r?\n/g, '<br>')}</p>`)
    .join('');
}

/** Where the page sends readers: the campaign in the Chorus tab, in a browser. */
export function campaignPageUrl(publicUrl: string, campaignId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/?page=campaigns&campaign=${encodeURIComponent(campaignId)}`;
}

/** The web part's HTML: the pitch in Danish and/or English, each with the link. */
export function newsPageHtml(pitch: { da?: Pitch; en?: Pitch }, link: string): string {
  const blocks: string[] = [];
  for (const language of ['da', 'en'] as const) {
    const p = pitch[language];
    if (!p) continue;
    const s = PAGE_STRINGS[language];
    blocks.push(
      [
        `<h2>${escapeHtml(s.why)}</h2>`,
        paragraphs(p.why),
        `<h3>${escapeHtml(s.effort)}</h3>`,
        paragraphs(p.effort),
        `<h3>${escapeHtml(s.support)}</h3>`,
        paragraphs(p.support),
        `<p>${escapeHtml(s.voluntary)}</p>`,
        `<p><a href="${escapeHtml(link)}">${escapeHtml(s.link)}</a></p>`,
      ].join(''),
    );
  }
  return blocks.join('<hr>');
}

/** A file name SharePoint takes: lower-case ASCII words (Danish letters spelt out), then a short id. */
export function pageSlug(name: string, campaignId: string): string {
  const words = name
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  const id = campaignId
    .replace(/[^a-zA-Z0-9]/g, '')
    .slice(0, 8)
    .toLowerCase();
  return [words || 'campaign', id].filter(Boolean).join('-');
}

/** `20250106-090000`: a new page's name when the first one is taken (published again). */
function stamp(at: Date): string {
  return at
    .toISOString()
    .replace(/\.\d+Z$/, '')
    .replace(/[-:]/g, '')
    .replace('T', '-');
}

/** The news page for a campaign. */
export function newsPageFor(
  campaign: CampaignRecord,
  publicUrl: string,
  suffix: string | null,
): NewsPageInput {
  const slug = pageSlug(campaign.name, campaign.id);
  const pitch = campaign.pitch.da ?? campaign.pitch.en;
  const description = (pitch?.why ?? campaign.name).replace(/\s+/g, ' ').trim();
  return {
    name: `${suffix ? `${slug}-${suffix}` : slug}.aspx`,
    title: campaign.name,
    description: description.length > 250 ? `${description.slice(0, 249)}…` : description,
    html: newsPageHtml(campaign.pitch, campaignPageUrl(publicUrl, campaign.id)),
  };
}

/** SharePoint's refusal, in words for comms. */
function failureError(result: Extract<NewsPageResult, { ok: false }>): AppError {
  switch (result.reason) {
    case 'forbidden':
      return new AppError('SHAREPOINT_FORBIDDEN', msg('sharepointForbidden', { step: result.step }), {
        details: { status: result.status, code: result.code },
      });
    case 'throttled':
      return new AppError(
        'RATE_LIMITED',
        msg('sharepointBusy', {
          seconds: result.retryAfterMs === null ? null : Math.ceil(result.retryAfterMs / 1000),
        }),
      );
    default:
      return new AppError(
        'SHAREPOINT_FAILED',
        msg('sharepointFailed', { status: result.status, code: result.code }),
        {
          details: { step: result.step },
        },
      );
  }
}

/**
 * Publishes the campaign as a news page in the configured SharePoint site and stores its address.
 * Already published: the campaign as it is, unless `republish`. Not configured:
 * SHAREPOINT_NOT_CONFIGURED; a closed or ended campaign: CONFLICT; SharePoint's 403:
 * SHAREPOINT_FORBIDDEN, and nothing is stored.
 */
export async function publishCampaignToSharePoint(
  deps: SharePointPublishDeps,
  input: { tenantId: string; campaignId: string; republish: boolean },
): Promise<CampaignRecord> {
  if (!deps.sharepoint) throw new AppError('SHAREPOINT_NOT_CONFIGURED', 'sharepointNotConfigured');
  const campaign = await getCampaign(deps, input);
  if (campaign.sharepointUrl && !input.republish) return campaign;
  const now = deps.clock.now();
  assertAnnounceable(campaign, now);

  // Published again, or the name taken (a page left as a draft by an earlier failure): a new name.
  let result = await deps.sharepoint.publishNewsPage(
    newsPageFor(campaign, deps.publicUrl, campaign.sharepointUrl ? stamp(now) : null),
  );
  if (!result.ok && result.reason === 'conflict' && result.step === 'create' && !campaign.sharepointUrl) {
    result = await deps.sharepoint.publishNewsPage(newsPageFor(campaign, deps.publicUrl, stamp(now)));
  }
  if (!result.ok) throw failureError(result);

  const saved = await deps.campaigns.saveSharepointUrl(input.tenantId, input.campaignId, result.webUrl);
  if (!saved) throw new AppError('NOT_FOUND', 'noSuchCampaign');
  return saved;
}
