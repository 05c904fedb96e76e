import { z } from 'zod';
import { schemaMessage as m } from './schema-messages';

// Gamification (issue 6): points, leaderboards, badges, challenges and prize draws. Everything is
// switchable and off by default, and personal stats stay private unless the ambassador opts in.

const ZIsoDateTime = z.string().datetime({ offset: true, message: m('isoDate') });
const ZPoints = z.number().int(m('pointsRange')).min(0, m('pointsRange')).max(1000, m('pointsRange'));

export const ZPointAction = z.enum(['joined', 'onboarded', 'share', 'click', 'ownPost', 'sparring']);
export type PointAction = z.infer<typeof ZPointAction>;

export const ZBadge = z.enum([
  'onboarded',
  'first_share',
  'ten_shares',
  'first_click',
  'hundred_clicks',
  'own_voice',
  'sparring_partner',
  'challenge_finisher',
]);
export type Badge = z.infer<typeof ZBadge>;

/** What comms saves in Admin → Gamification. */
export const ZGamificationSettingsInput = z
  .object({
    enabled: z.boolean(),
    points: z
      .object({
        joined: ZPoints,
        onboarded: ZPoints,
        share: ZPoints,
        click: ZPoints,
        ownPost: ZPoints,
        sparring: ZPoints,
      })
      .strict(),
    /** The team leaderboard (by department; teams under five ambassadors are never shown). */
    leaderboard: z.boolean(),
    /** Also list individuals, only those who opted in. */
    individualLeaderboard: z.boolean(),
    badges: z.boolean(),
  })
  .strict();
export type GamificationSettingsInput = z.infer<typeof ZGamificationSettingsInput>;

/** The settings as Admin shows them; `updatedAt` is null while the defaults (all off) apply. */
export const ZGamificationSettingsView = ZGamificationSettingsInput.extend({
  updatedAt: z.string().nullable(),
});
export type GamificationSettingsView = z.infer<typeof ZGamificationSettingsView>;

/** The ambassador's own points and badges (private to them). All empty when gamification is off. */
export const ZMyPoints = z.object({
  enabled: z.boolean(),
  badgesEnabled: z.boolean(),
  leaderboardEnabled: z.boolean(),
  individualLeaderboard: z.boolean(),
  points: z.number().int(),
  breakdown: z.array(z.object({ action: ZPointAction, count: z.number().int(), points: z.number().int() })),
  badges: z.array(ZBadge),
  /** The ambassador's choice to be named on the leaderboard (off by default). */
  showOnLeaderboard: z.boolean(),
});
export type MyPoints = z.infer<typeof ZMyPoints>;

/** The leaderboard: teams of five or more, and individuals who opted in (when comms allows). */
export const ZLeaderboard = z.object({
  minTeamSize: z.number().int(),
  teams: z.array(
    z.object({
      team: z.string(),
      ambassadors: z.number().int(),
      points: z.number().int(),
      averagePoints: z.number().int(),
    }),
  ),
  individuals: z.array(z.object({ displayName: z.string(), points: z.number().int(), isMe: z.boolean() })),
});
export type Leaderboard = z.infer<typeof ZLeaderboard>;

export const ZLeaderboardVisibilityInput = z.object({ show: z.boolean() }).strict();
export type LeaderboardVisibilityInput = z.infer<typeof ZLeaderboardVisibilityInput>;

/** "I wrote my own post": optionally where it is. */
export const ZOwnPostInput = z
  .object({
    url: z
      .string()
      .trim()
      .max(2000, m('postUrlTooLong'))
      .url(m('ownPostUrlNotHttp'))
      .refine((v) => /^https?:\/\//i.test(v), m('ownPostUrlNotHttp'))
      .optional(),
  })
  .strict();
export type OwnPostInput = z.infer<typeof ZOwnPostInput>;

export const ZTicketRule = z.enum(['one', 'per_share']);
export type TicketRule = z.infer<typeof ZTicketRule>;

/** A new challenge (comms). */
export const ZChallengeInput = z
  .object({
    title: z.string().trim().min(1, m('challengeTitleRequired')).max(120, m('challengeTitleTooLong')),
    description: z.string().trim().max(2000, m('challengeDescriptionTooLong')).default(''),
    hashtag: z
      .string()
      .trim()
      .regex(/^#[\p{L}\p{N}_]{1,60}$/u, m('challengeHashtagFormat')),
    startsAt: ZIsoDateTime,
    endsAt: ZIsoDateTime,
    threshold: z
      .number()
      .int(m('challengeThresholdRange'))
      .min(1, m('challengeThresholdRange'))
      .max(1000, m('challengeThresholdRange')),
    ticketRule: ZTicketRule,
  })
  .strict()
  .refine((c) => Date.parse(c.endsAt) > Date.parse(c.startsAt), {
    message: m('challengeEndsAfterStart'),
    path: ['endsAt'],
  });
export type ChallengeInput = z.infer<typeof ZChallengeInput>;

export const ZChallengeStatus = z.enum(['upcoming', 'running', 'ended']);
export type ChallengeStatus = z.infer<typeof ZChallengeStatus>;

/** A challenge as comms and ambassadors see it; `progress` is the reader's own (members only). */
export const ZChallengeView = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  hashtag: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  threshold: z.number().int(),
  ticketRule: ZTicketRule,
  status: ZChallengeStatus,
  /** The challenge's draws, newest first. */
  drawIds: z.array(z.string()),
  progress: z
    .object({ shares: z.number().int(), qualified: z.boolean(), tickets: z.number().int() })
    .nullable(),
});
export type ChallengeView = z.infer<typeof ZChallengeView>;

export const ZChallengeList = z.object({ challenges: z.array(ZChallengeView) });
export type ChallengeList = z.infer<typeof ZChallengeList>;

export const ZGamificationIdParams = z.object({ id: z.string().min(1).max(100) }).strict();

const ZSeed = z.string().regex(/^[\x21-\x7e]{1,128}$/, m('drawSeedFormat'));

/** Run a prize draw for an ended challenge (comms). */
export const ZDrawInput = z
  .object({
    winnerCount: z
      .number()
      .int(m('drawWinnerCountRange'))
      .min(1, m('drawWinnerCountRange'))
      .max(100, m('drawWinnerCountRange')),
    excludePastWinners: z.boolean().default(true),
    /** Leave out for 32 fresh random bytes; give one to reproduce a public ceremony. */
    seed: ZSeed.optional(),
    /**
     * How many draws of this challenge the caller has seen (the challenge's `drawIds.length`; 0 for the
     * first). The draw is stored only while that is still the number, so a double click, a second comms
     * person or a second instance cannot draw twice by accident (409); another draw is asked for on purpose.
     */
    earlierDraws: z
      .number()
      .int(m('drawEarlierDrawsRange'))
      .min(0, m('drawEarlierDrawsRange'))
      .max(10_000, m('drawEarlierDrawsRange'))
      .default(0),
  })
  .strict();
export type DrawInput = z.infer<typeof ZDrawInput>;

export const ZDrawEntry = z
  .object({
    entrant: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, m('drawEntrantFormat')),
    tickets: z
      .number()
      .int(m('drawTicketsRange'))
      .min(1, m('drawTicketsRange'))
      .max(1_000_000, m('drawTicketsRange')),
  })
  .strict();
export type DrawEntryView = z.infer<typeof ZDrawEntry>;

/** A draw as published: seed, frozen entries in order, winners; names only for comms. */
export const ZDrawView = z.object({
  id: z.string(),
  challengeId: z.string(),
  challengeTitle: z.string(),
  seed: z.string(),
  ticketRule: ZTicketRule,
  winnerCount: z.number().int(),
  excludePastWinners: z.boolean(),
  entries: z.array(ZDrawEntry),
  winners: z.array(
    z.object({ entrant: z.string(), position: z.number().int(), name: z.string().nullable() }),
  ),
  drawnAt: z.string(),
  /** How anyone can check the result, in the reader's language. */
  howToVerify: z.string(),
});
export type DrawView = z.infer<typeof ZDrawView>;

/** Re-run a draw from what was published. */
export const ZDrawVerifyInput = z
  .object({
    seed: ZSeed,
    entries: z
      .array(ZDrawEntry)
      .max(100_000, m('drawEntriesTooMany'))
      .refine((list) => new Set(list.map((e) => e.entrant)).size === list.length, m('drawEntrantsUnique')),
    winnerCount: z
      .number()
      .int(m('drawWinnerCountRange'))
      .min(1, m('drawWinnerCountRange'))
      .max(100, m('drawWinnerCountRange')),
  })
  .strict();
export type DrawVerifyInput = z.infer<typeof ZDrawVerifyInput>;

export const ZDrawVerifyResult = z.object({ winners: z.array(z.string()) });
export type DrawVerifyResult = z.infer<typeof ZDrawVerifyResult>;
