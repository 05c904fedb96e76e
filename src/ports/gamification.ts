import type { GamificationSettings, PointFacts } from '../domain/gamification';
import type { Language } from '../domain/person';
import type { DrawEntry, TicketRule } from '../domain/prize-draw';

/** The settings as stored, with who changed them last and when. */
export interface StoredGamificationSettings {
  settings: GamificationSettings;
  updatedBy: string | null;
  updatedAt: Date;
}

/** A challenge as stored. */
export interface ChallengeRecord {
  id: string;
  title: string;
  description: string;
  hashtag: string;
  startsAt: Date;
  endsAt: Date;
  threshold: number;
  ticketRule: TicketRule;
  createdBy: string | null;
  createdAt: Date;
}

/** A prize draw as stored: the published seed, the frozen entries in order and the winners' entrant ids. */
export interface DrawRecord {
  id: string;
  challengeId: string;
  seed: string;
  ticketRule: TicketRule;
  winnerCount: number;
  excludePastWinners: boolean;
  entries: DrawEntry[];
  winners: string[];
  drawnBy: string | null;
  drawnAt: Date;
}

/** What saveDraw did: stored the draw, or found the challenge's draws had changed meanwhile. */
export type SaveDrawResult =
  | { saved: true }
  | {
      saved: false;
      /** How many draws the challenge has. */
      draws: number;
      /** Its newest draw, with who ran it (their name, while they are in the directory) and when. */
      latest: { id: string; drawnBy: string | null; drawnByName: string | null; drawnAt: Date } | null;
    };

/** A winner of a draw; `personId` and `displayName` are null once they left the program. */
export interface DrawWinnerRecord {
  entrant: string;
  position: number;
  personId: string | null;
  displayName: string | null;
  preferredLanguage: Language | null;
}

/** One current ambassador's facts, with what the leaderboard may know about them. */
export interface MemberFacts extends PointFacts {
  personId: string;
  displayName: string;
  /** people.department: the team on the leaderboard. */
  team: string | null;
  showOnLeaderboard: boolean;
}

/** Gamification's storage: settings, the facts points are computed from, challenges and prize draws. */
export interface GamificationStore {
  /** The tenant's settings, or null when comms never saved any (all off). */
  getSettings(tenantId: string): Promise<StoredGamificationSettings | null>;
  /** Saves the tenant's settings, replacing any earlier ones. */
  putSettings(
    tenantId: string,
    settings: GamificationSettings,
    change: { updatedBy: string | null; at: Date },
  ): Promise<StoredGamificationSettings>;
  /** Every current ambassador's facts (or just `personId`'s), read fresh: nothing is stored as points. */
  memberFacts(tenantId: string, now: Date, personId?: string): Promise<MemberFacts[]>;
  /** Sets the ambassador's leaderboard opt-in; false when they are not a member. */
  setShowOnLeaderboard(tenantId: string, personId: string, show: boolean): Promise<boolean>;
  /** Stores a new challenge. */
  createChallenge(tenantId: string, challenge: ChallengeRecord): Promise<void>;
  /** The tenant's challenges, latest start first. */
  listChallenges(tenantId: string): Promise<ChallengeRecord[]>;
  getChallenge(tenantId: string, id: string): Promise<ChallengeRecord | null>;
  /**
   * Shares with status 'shared' made in [startsAt, endsAt) by each current ambassador (or just
   * `personId`) who made any.
   */
  sharesInPeriod(
    tenantId: string,
    period: { startsAt: Date; endsAt: Date },
    personId?: string,
  ): Promise<{ personId: string; shares: number }[]>;
  /** Everyone who won an earlier draw and is still known (not left). */
  pastWinners(tenantId: string): Promise<Set<string>>;
  /**
   * Stores a draw and its winners in one transaction, only if the challenge still has exactly
   * `earlierDraws` draws; draws of one challenge are serialised across instances (the challenge row is
   * locked), so of two draws that both expect the same number, one is stored and the other is told
   * about it.
   */
  saveDraw(
    tenantId: string,
    draw: DrawRecord,
    winners: { entrant: string; personId: string; position: number }[],
    expected: { earlierDraws: number },
  ): Promise<SaveDrawResult>;
  getDraw(tenantId: string, id: string): Promise<DrawRecord | null>;
  /** The draw's winners in the order drawn, with names from the directory. */
  drawWinners(tenantId: string, drawId: string): Promise<DrawWinnerRecord[]>;
  /** Draw ids by challenge, newest first. */
  drawIdsByChallenge(tenantId: string): Promise<Map<string, string[]>>;
  /** Forgets who won (person_id nulled) when a person leaves; the published draw stays verifiable. */
  anonymise(tenantId: string, personId: string): Promise<void>;
}
