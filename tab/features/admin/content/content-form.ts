import {
  ZContentInput,
  type ContentDetail,
  type ContentInput,
  type Language,
  type Network,
} from '@contracts';
import type { ImageValue } from './image-field';

/** What the editor holds while someone types: strings as typed, dates as local date-times. */
export interface ContentForm {
  title: string;
  body: string;
  linkUrl: string;
  image: ImageValue;
  topic: string;
  language: Language;
  networks: Network[];
  captions: Record<Language, string[]>;
  validFrom: string;
  validTo: string;
  evergreen: boolean;
  pinned: boolean;
  advertising: boolean;
}

export type Problems = Record<string, string>;

const pad = (n: number) => String(n).padStart(2, '0');

/** ISO timestamp → the value a datetime-local input shows, in the browser's time zone. */
export function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function fromLocalInput(value: string): string | null {
  if (!value.trim()) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : d.toISOString();
}

export function emptyForm(language: Language): ContentForm {
  return {
    title: '',
    body: '',
    linkUrl: '',
    image: { imageId: null, imageUrl: '', previewUrl: null },
    topic: '',
    language,
    networks: ['linkedin'],
    captions: { da: language === 'da' ? [''] : [], en: language === 'en' ? [''] : [] },
    validFrom: '',
    validTo: '',
    evergreen: false,
    pinned: false,
    advertising: true,
  };
}

export function formFromDetail(item: ContentDetail): ContentForm {
  return {
    title: item.title,
    body: item.body,
    linkUrl: item.linkUrl,
    image: {
      imageId: item.imageId,
      imageUrl: item.imageId ? '' : (item.imageUrl ?? ''),
      previewUrl: item.displayImageUrl,
    },
    topic: item.topic,
    language: item.language,
    networks: [...item.networks],
    captions: { da: [...item.captions.da], en: [...item.captions.en] },
    validFrom: toLocalInput(item.validFrom),
    validTo: toLocalInput(item.validTo),
    evergreen: item.evergreen,
    pinned: item.pinned,
    advertising: item.advertising,
  };
}

/**
 * Checks the form with the contract's own schema, so the person sees the same rules the server
 * applies, before sending. Returns the request body or the problems per field ("captions.da.1").
 */
export function toInput(
  form: ContentForm,
  submit: boolean,
  messages: { needCaption: string },
): { ok: true; input: ContentInput } | { ok: false; problems: Problems } {
  const raw = {
    title: form.title,
    body: form.body,
    linkUrl: form.linkUrl.trim(),
    imageId: form.image.imageId,
    imageUrl: form.image.imageId ? null : form.image.imageUrl.trim() || null,
    topic: form.topic,
    language: form.language,
    networks: form.networks,
    // blank variants are left out rather than refused
    captions: {
      da: form.captions.da.filter((c) => c.trim() !== ''),
      en: form.captions.en.filter((c) => c.trim() !== ''),
    },
    validFrom: fromLocalInput(form.validFrom),
    validTo: fromLocalInput(form.validTo),
    evergreen: form.evergreen,
    pinned: form.pinned,
    advertising: form.advertising,
    submit,
  };
  const problems: Problems = {};
  const parsed = ZContentInput.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems[issue.path.join('.')] ??= issue.message;
  }
  if (raw.captions[form.language].length === 0)
    problems[`captions.${form.language}`] ??= messages.needCaption;
  if (!parsed.success || Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, input: parsed.data };
}
