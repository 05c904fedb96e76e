import type { Language } from '../domain/person';
import type { DigestItemCandidate, DigestNumbers } from '../domain/digest';

/** The org's real numbers behind the reach calculator's prefill. */
export interface ReachNumbers {
  /** People in the directory with an enabled account. */
  employees: number;
  /** Current ambassadors. */
  members: number;
  /** Ambassadors who stated their network size, and the sum of what they stated. */
  statedNetworkSizes: number;
  networkSizeSum: number;
  /** The canvas's organic reach rate (0–1), or null when no canvas names one. */
  organicReachRate: number | null;
  /** Shares recorded as shared since `since`, by anyone. */
  shares: number;
}

/** An ambassador as the digest needs them. */
export interface DigestRecipient {
  personId: string;
  topics: string[];
  /** Their `language` command choice, else null. */
  chatLanguage: Language | null;
  /** The directory's language tag (e.g. da-DK), else null. */
  preferredLanguage: string | null;
  notificationsPaused: boolean;
}

/** A new item with its topic's name in each language. */
export interface DigestItemRecord extends DigestItemCandidate {
  topicLabel: Record<Language, string>;
}

/** The reads behind the reach calculator and the weekly digest. Every call filters on the tenant. */
export interface DigestStore {
  /** Directory, membership, canvas and share counts for the reach calculator (shares since `since`). */
  reachNumbers(tenantId: string, since: Date): Promise<ReachNumbers>;
  /** Current ambassadors with an enabled account (one, when `personId` is given), paused or not. */
  recipients(tenantId: string, personId?: string): Promise<DigestRecipient[]>;
  /** Items approved in [since, now) that are valid at `now`. */
  newItems(tenantId: string, since: Date, now: Date): Promise<DigestItemRecord[]>;
  /** Each person's shares, clicks and unique visitors in [since, now) (people with none are absent). */
  personNumbers(
    tenantId: string,
    since: Date,
    now: Date,
    personId?: string,
  ): Promise<Map<string, DigestNumbers>>;
}
