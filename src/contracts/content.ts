import { z } from 'zod';
import { ZLanguage, ZNetwork } from './common';
import { schemaMessage as m } from './schema-messages';

const httpUrl = (what: 'link' | 'imageUrl' | 'postUrl') =>
  z
    .string()
    .trim()
    .max(2000, m(`${what}TooLong`))
    .url(m(`${what}NotUrl`))
    .refine((v) => /^https?:\/\//i.test(v), m(`${what}NotHttp`));

const isoDate = z
  .string()
  .datetime({ offset: true, message: m('isoDate') })
  .nullable()
  .default(null);

export const ZContentStatus = z.enum(['draft', 'in_review', 'approved', 'rejected', 'archived']);
export type ContentStatus = z.infer<typeof ZContentStatus>;

export const ZTopicKey = z
  .string()
  .trim()
  .min(1, m('topicRequired'))
  .max(40)
  .regex(/^[a-z0-9-]+$/, m('topicKeyFormat'));

export const ZTopicEntry = z.object({
  key: z.string(),
  labelDa: z.string(),
  labelEn: z.string(),
  builtIn: z.boolean(),
});
export type TopicEntry = z.infer<typeof ZTopicEntry>;
export const ZTopicList = z.object({ topics: z.array(ZTopicEntry) });
export const ZCreateTopicRequest = z.object({
  key: ZTopicKey,
  labelDa: z.string().trim().min(1, m('topicDanishNameRequired')).max(60),
  labelEn: z.string().trim().min(1, m('topicEnglishNameRequired')).max(60),
});

/** What an editor sends to create or edit an item. */
export const ZContentInput = z.object({
  title: z.string().trim().min(1, m('titleRequired')).max(200, m('titleTooLong')),
  body: z.string().trim().max(10_000, m('textTooLong')).default(''),
  linkUrl: httpUrl('link'),
  imageId: z.string().max(100).nullable().default(null),
  imageUrl: httpUrl('imageUrl').nullable().default(null),
  topic: ZTopicKey,
  language: ZLanguage,
  networks: z.array(ZNetwork).min(1, m('networksRequired')).max(5),
  /** Caption variants per language; the item's own language needs at least one. */
  captions: z.object({
    da: z
      .array(z.string().trim().min(1, m('captionEmpty')))
      .max(10)
      .default([]),
    en: z
      .array(z.string().trim().min(1, m('captionEmpty')))
      .max(10)
      .default([]),
  }),
  validFrom: isoDate,
  validTo: isoDate,
  evergreen: z.boolean().default(false),
  pinned: z.boolean().default(false),
  /** Shared at the employer's request: the post is advertising and gets "Reklame" first. */
  advertising: z.boolean().default(true),
  /** Create straight into review instead of as a draft. */
  submit: z.boolean().default(false),
});
export type ContentInput = z.infer<typeof ZContentInput>;

export const ZTransition = z.object({
  from: ZContentStatus.nullable(),
  to: ZContentStatus,
  actorName: z.string().nullable(),
  note: z.string().nullable(),
  at: z.string(),
});

export const ZContentDetail = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  linkUrl: z.string(),
  imageId: z.string().nullable(),
  imageUrl: z.string().nullable(),
  /** The URL to show the image from (uploaded → /media/<id>; or the external address). */
  displayImageUrl: z.string().nullable(),
  topic: z.string(),
  language: ZLanguage,
  networks: z.array(ZNetwork),
  captions: z.object({ da: z.array(z.string()), en: z.array(z.string()) }),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  evergreen: z.boolean(),
  pinned: z.boolean(),
  advertising: z.boolean(),
  status: ZContentStatus,
  authorId: z.string(),
  authorName: z.string().nullable(),
  reviewNote: z.string().nullable(),
  shareCount: z.number().int(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
  transitions: z.array(ZTransition),
});
export type ContentDetail = z.infer<typeof ZContentDetail>;

export const ZContentSummary = ZContentDetail.omit({ body: true, captions: true, transitions: true });
export type ContentSummary = z.infer<typeof ZContentSummary>;

export const ZContentListQuery = z.object({ status: ZContentStatus.optional() });
export const ZContentList = z.object({
  items: z.array(ZContentSummary),
  counts: z.record(ZContentStatus, z.number().int()),
});
export type ContentList = z.infer<typeof ZContentList>;

export const ZRejectRequest = z.object({
  note: z.string().trim().min(1, m('rejectNoteRequired')).max(2000),
});
export const ZItemParams = z.object({ id: z.string().min(1).max(100) });

export const ZImageUploaded = z.object({
  id: z.string(),
  url: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
});
export type ImageUploaded = z.infer<typeof ZImageUploaded>;

// ---- Library ------------------------------------------------------------------------------------

export const ZLibraryQuery = z.object({
  q: z.string().trim().max(200, m('librarySearchTooLong')).default(''),
  topic: ZTopicKey.optional(),
  network: ZNetwork.optional(),
  language: ZLanguage.optional(),
  sort: z.enum(['newest', 'most_shared']).default('newest'),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(12),
});
export type LibraryQuery = z.infer<typeof ZLibraryQuery>;

export const ZLibraryItem = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  linkUrl: z.string(),
  imageUrl: z.string().nullable(),
  topic: z.string(),
  language: ZLanguage,
  networks: z.array(ZNetwork),
  pinned: z.boolean(),
  advertising: z.boolean(),
  shareCount: z.number().int(),
  publishedAt: z.string().nullable(),
  /** The first caption in the item's language, for the card; the share flow hands out variants. */
  caption: z.string(),
});
export type LibraryItem = z.infer<typeof ZLibraryItem>;

export const ZLibraryPage = z.object({ items: z.array(ZLibraryItem), nextCursor: z.string().nullable() });
export type LibraryPage = z.infer<typeof ZLibraryPage>;

// ---- Sharing ------------------------------------------------------------------------------------

export const ZPrepareShareRequest = z.object({ network: ZNetwork });

export const ZShareIntent = z.object({
  url: z.string().nullable(),
  fallbackUrl: z.string().nullable(),
  manual: z.boolean(),
});

export const ZSharePreparation = z.object({
  shareId: z.string(),
  itemId: z.string(),
  network: ZNetwork,
  /** The tracked link, /r/<code>, one per ambassador, item and network. */
  trackedUrl: z.string(),
  /** The caption variant handed to this ambassador, with the disclosure marking already first. */
  caption: z.string(),
  variantPosition: z.number().int(),
  variantCount: z.number().int(),
  advertising: z.boolean(),
  /** The characters the network allows (the tracked link included). */
  limit: z.number().int(),
  imageUrl: z.string().nullable(),
  status: z.enum(['prepared', 'shared']),
});
export type SharePreparation = z.infer<typeof ZSharePreparation>;

export const ZCompleteShareRequest = z.object({
  /** The final text as the ambassador edited it. Chorus puts the marking first where required. */
  text: z.string().max(70_000),
  /** 'intent': they followed the network's share link; 'confirmed': they said "I posted it". */
  via: z.enum(['intent', 'confirmed']),
  postUrl: httpUrl('postUrl').nullable().default(null),
});

export const ZShareCompleted = z.object({
  shareId: z.string(),
  status: z.literal('shared'),
  /** True the first time; a repeated confirmation records nothing new. */
  recorded: z.boolean(),
  text: z.string(),
  disclosure: z.object({ added: z.boolean(), warnings: z.array(z.enum(['MARK_MISPLACED', 'MARK_WEAK'])) }),
  intent: ZShareIntent,
});
export type ShareCompleted = z.infer<typeof ZShareCompleted>;

export const ZShareParams = z.object({ shareId: z.string().min(1).max(100) });
export const ZShareFeedbackRequest = z
  .object({
    reactions: z.number().int().min(0).max(10_000_000).optional(),
    comments: z.number().int().min(0).max(10_000_000).optional(),
    postUrl: httpUrl('postUrl').optional(),
  })
  .refine((v) => v.reactions !== undefined || v.comments !== undefined || v.postUrl !== undefined, {
    message: m('feedbackRequired'),
  });

/** The share after the ambassador recorded their post's reactions, comments or address. */
export const ZShareFeedback = z.object({
  shareId: z.string(),
  itemId: z.string(),
  network: ZNetwork,
  status: z.enum(['prepared', 'shared']),
  postUrl: z.string().nullable(),
  reactions: z.number().int().nullable(),
  comments: z.number().int().nullable(),
  sharedAt: z.string().nullable(),
});
export type ShareFeedback = z.infer<typeof ZShareFeedback>;

// ---- Impact and stats ------------------------------------------------------------------------------

export const ZImpactQuery = z.object({ days: z.coerce.number().int().min(1).max(365).default(30) });

const ZCounts = z.object({
  shares: z.number().int(),
  clicks: z.number().int(),
  uniqueClicks: z.number().int(),
});

export const ZImpact = z.object({
  days: z.number().int(),
  totals: ZCounts.extend({ reactions: z.number().int(), comments: z.number().int() }),
  byItem: z.array(ZCounts.extend({ itemId: z.string(), title: z.string() })),
  byNetwork: z.array(ZCounts.extend({ network: ZNetwork })),
  daily: z.array(z.object({ date: z.string(), shares: z.number().int(), clicks: z.number().int() })),
});
export type Impact = z.infer<typeof ZImpact>;

export const ZItemStats = z.object({
  itemId: z.string(),
  shares: z.number().int(),
  clicks: z.number().int(),
  uniqueClicks: z.number().int(),
  byNetwork: z.array(ZCounts.extend({ network: ZNetwork })),
});
export type ItemStats = z.infer<typeof ZItemStats>;

/** The ambassador's own recorded posts, newest first, so reactions and comments can be added later. */
export const ZMyShares = z.object({
  shares: z.array(
    z.object({
      shareId: z.string(),
      itemId: z.string(),
      title: z.string(),
      network: ZNetwork,
      sharedAt: z.string(),
      postUrl: z.string().nullable(),
      reactions: z.number().int().nullable(),
      comments: z.number().int().nullable(),
    }),
  ),
});
export type MyShares = z.infer<typeof ZMyShares>;
