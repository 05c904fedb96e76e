import {
  ZCampaignInput,
  type AudienceFilter,
  type CampaignInput,
  type CampaignView,
  type Language,
  type Pitch,
} from '@contracts';
import type { ImageValue } from '../content/image-field';

/** What the campaign editor holds while someone types: strings as typed, dates as yyyy-mm-dd. */
export interface CampaignForm {
  name: string;
  image: ImageValue;
  pitch: Record<Language, Pitch>;
  startsOn: string;
  endsOn: string;
  goal: string;
  audience: AudienceForm;
}

export interface AudienceForm {
  departments: string[];
  locations: string[];
  /** As typed: comma-separated words. */
  titleWords: string;
  manager: { id: string; displayName: string | null } | null;
  includeSubtree: boolean;
  languages: Language[];
}

export type Problems = Record<string, string>;

const EMPTY_PITCH: Pitch = { why: '', effort: '', support: '' };
const pad = (n: number) => String(n).padStart(2, '0');

/** A date in the browser's time zone as an <input type="date"> value. */
export function toDateInput(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function isoToDateInput(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : toDateInput(d);
}

/** yyyy-mm-dd → the start (or end) of that day in the browser's time zone, as ISO; null if invalid. */
export function dateInputToIso(value: string, endOfDay: boolean): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!match) return null;
  const [, y, m, d] = match;
  const date = endOfDay
    ? new Date(Number(y), Number(m) - 1, Number(d), 23, 59, 59, 999)
    : new Date(Number(y), Number(m) - 1, Number(d), 0, 0, 0, 0);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** A new campaign: starts today, runs four weeks, aims for a pilot of eight. */
export function emptyCampaignForm(now = new Date()): CampaignForm {
  const end = new Date(now.getTime() + 28 * 86_400_000);
  return {
    name: '',
    image: { imageId: null, imageUrl: '', previewUrl: null },
    pitch: { da: { ...EMPTY_PITCH }, en: { ...EMPTY_PITCH } },
    startsOn: toDateInput(now),
    endsOn: toDateInput(end),
    goal: '8',
    audience: {
      departments: [],
      locations: [],
      titleWords: '',
      manager: null,
      includeSubtree: true,
      languages: [],
    },
  };
}

/**
 * The uploaded image's id behind a campaign's image address (`/media/<id>`, as the server serves
 * uploads). The view carries only the address; without the id, saving would drop the image.
 */
export function imageIdFromUrl(url: string | null): string | null {
  const match = /\/media\/([^/?#]+)$/.exec(url ?? '');
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}

export function formFromCampaign(campaign: CampaignView): CampaignForm {
  const a = campaign.audience;
  return {
    name: campaign.name,
    image: { imageId: imageIdFromUrl(campaign.imageUrl), imageUrl: '', previewUrl: campaign.imageUrl },
    pitch: {
      da: { ...EMPTY_PITCH, ...campaign.pitch.da },
      en: { ...EMPTY_PITCH, ...campaign.pitch.en },
    },
    startsOn: isoToDateInput(campaign.startsAt),
    endsOn: isoToDateInput(campaign.endsAt),
    goal: String(campaign.goalAmbassadors),
    audience: {
      departments: [...a.departments],
      locations: [...a.locations],
      titleWords: a.titleWords.join(', '),
      manager: a.managerId ? { id: a.managerId, displayName: null } : null,
      includeSubtree: a.includeSubtree,
      languages: [...a.languages],
    },
  };
}

function words(text: string): string[] {
  return text
    .split(/[,;\n]/)
    .map((w) => w.trim())
    .filter((w) => w !== '');
}

/** The audience rules the form describes, leaving out what cannot be sent yet (a word of one letter). */
export function audienceFilter(audience: AudienceForm): AudienceFilter {
  return {
    departments: audience.departments,
    locations: audience.locations,
    titleWords: words(audience.titleWords).filter((w) => w.length >= 2 && w.length <= 60),
    managerId: audience.manager?.id ?? null,
    includeSubtree: audience.includeSubtree,
    languages: audience.languages,
  };
}

function hasAny(pitch: Pitch): boolean {
  return pitch.why.trim() !== '' || pitch.effort.trim() !== '' || pitch.support.trim() !== '';
}

/**
 * Checks the form with the contract's own schema, so the person sees the server's rules before
 * sending, in their own words. Returns the request body or the problems per field ("pitch.da.why").
 */
export function toCampaignInput(
  form: CampaignForm,
  messages: {
    name: string;
    pitch: string;
    pitchPart: string;
    date: string;
    endsAfterStart: string;
    goal: string;
    titleWords: string;
  },
): { ok: true; input: CampaignInput } | { ok: false; problems: Problems } {
  const problems: Problems = {};
  const pitch: Partial<Record<Language, Pitch>> = {};
  for (const lang of ['da', 'en'] as const) {
    if (hasAny(form.pitch[lang])) pitch[lang] = form.pitch[lang];
  }
  const startsAt = dateInputToIso(form.startsOn, false);
  const endsAt = dateInputToIso(form.endsOn, true);
  if (!startsAt) problems['startsAt'] = messages.date;
  if (!endsAt) problems['endsAt'] = messages.date;
  const goal = /^\d+$/.test(form.goal.trim()) ? Number(form.goal.trim()) : NaN;
  const titleWords = words(form.audience.titleWords);
  const raw = {
    name: form.name,
    pitch,
    imageId: form.image.imageId,
    startsAt: startsAt ?? form.startsOn,
    endsAt: endsAt ?? form.endsOn,
    goalAmbassadors: goal,
    audience: { ...audienceFilter(form.audience), titleWords },
  };
  const parsed = ZCampaignInput.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [first, second, third] = issue.path;
      let key: string;
      let message: string;
      if (first === 'name') [key, message] = ['name', messages.name];
      else if (first === 'pitch' && (second === 'da' || second === 'en') && typeof third === 'string')
        [key, message] = [`pitch.${second}.${third}`, messages.pitchPart];
      else if (first === 'pitch') [key, message] = ['pitch', messages.pitch];
      else if (first === 'startsAt') [key, message] = ['startsAt', messages.date];
      else if (first === 'endsAt')
        [key, message] = ['endsAt', startsAt && endsAt ? messages.endsAfterStart : messages.date];
      else if (first === 'goalAmbassadors') [key, message] = ['goal', messages.goal];
      else if (first === 'audience' && second === 'titleWords')
        [key, message] = ['titleWords', messages.titleWords];
      else [key, message] = [issue.path.join('.') || 'form', issue.message];
      problems[key] ??= message;
    }
  }
  if (!parsed.success || Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, input: parsed.data };
}

/** A key the server will treat as "this very press", made when the Announce dialog opens. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return `announce-${crypto.randomUUID()}`;
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `announce-${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}
