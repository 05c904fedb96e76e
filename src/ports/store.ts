import type { Person } from '../domain/person';
import type { DocumentKind, JoinSource, Membership, ProgramDocument } from '../domain/program';

/** People from the org directory. */
export interface PeopleRepository {
  /** Inserts or updates people by id. */
  upsertMany(tenantId: string, people: Person[]): Promise<void>;
  /** Deletes people the directory reported as removed. */
  removeMany(tenantId: string, ids: string[]): Promise<void>;
  /** One person, or null. */
  get(tenantId: string, id: string): Promise<Person | null>;
  /** Enabled people whose name, title or department matches, ordered by name. */
  search(tenantId: string, query: string, limit: number): Promise<Person[]>;
  /** One person with their number of direct reports, in one query (role checks run on every request). */
  getWithReportCount(tenantId: string, id: string): Promise<{ person: Person; directReports: number } | null>;
  /** How many people report directly to `managerId`. */
  countDirectReports(tenantId: string, managerId: string): Promise<number>;
  /** How many people the tenant has. */
  count(tenantId: string): Promise<number>;
  /** Refreshes the planner's statistics after bulk changes (a sync), so lookups keep using indexes. */
  refreshStatistics(): Promise<void>;
}

/** Versioned purpose and guidelines. */
export interface ProgramRepository {
  /** The newest version of a document, or null. */
  current(tenantId: string, kind: DocumentKind): Promise<ProgramDocument | null>;
  /**
   * Stores a new version (max + 1, or `version` when given); never overwrites. With `version`, a row
   * another writer already stored under that number makes it fail instead of becoming the next one.
   */
  addVersion(
    tenantId: string,
    kind: DocumentKind,
    doc: { bodyDa: string; bodyEn: string; createdBy: string | null; version?: number },
  ): Promise<ProgramDocument>;
}

/** Current ambassadors. */
export interface MembershipRepository {
  /** The membership of a person, or null. */
  get(tenantId: string, personId: string): Promise<Membership | null>;
  /** Inserts a membership; false when the person already is a member. */
  insert(tenantId: string, membership: Membership): Promise<boolean>;
  /** Deletes a membership; false when there was none. */
  delete(tenantId: string, personId: string): Promise<boolean>;
  /** How many ambassadors the tenant has. */
  count(tenantId: string): Promise<number>;
}

/** Consent records: who accepted which guidelines version, when. */
export interface ConsentRepository {
  /** Records an acceptance. */
  record(tenantId: string, personId: string, guidelinesVersion: number, source: JoinSource): Promise<void>;
  /** Cuts the link between a person and their consents; keeps the rows for counts. */
  anonymise(tenantId: string, personId: string): Promise<void>;
}

/** The append-only activity log. */
export interface ActivityRepository {
  /** Appends one event. */
  record(
    tenantId: string,
    personId: string | null,
    type: string,
    data?: Record<string, unknown>,
  ): Promise<void>;
  /** Cuts the link between a person and their events; keeps the rows for aggregates. */
  anonymise(tenantId: string, personId: string): Promise<void>;
  /** Number of events of each type. */
  countByType(tenantId: string): Promise<Record<string, number>>;
}

export interface EnqueueOptions {
  runAt?: Date;
  /** At most one queued or running job per tenant and key. */
  dedupeKey?: string;
  maxAttempts?: number;
}

/** The durable job queue in Postgres. */
export interface JobQueue {
  /** Adds a job; returns false when a job with the same dedupe key is already waiting. */
  enqueue(
    tenantId: string,
    kind: string,
    payload: Record<string, unknown>,
    options?: EnqueueOptions,
  ): Promise<boolean>;
  /** Cancels waiting jobs that concern one person (used when they leave). */
  cancelForPerson(tenantId: string, personId: string): Promise<number>;
}

/** Where the directory sync stands for a tenant. */
export interface DirectorySyncState {
  source: string;
  deltaLink: string | null;
  lastStartedAt: Date | null;
  lastCompletedAt: Date | null;
  lastError: string | null;
  peopleCount: number;
  lastRequestCount: number;
}

export interface DirectorySyncRepository {
  /** The state, or null before the first sync. */
  get(tenantId: string): Promise<DirectorySyncState | null>;
  /** Saves the state. */
  save(tenantId: string, state: DirectorySyncState): Promise<void>;
}

/** What the signed-in person's home needs, read in one query. */
export interface Profile {
  person: Person;
  directReports: number;
  membership: Membership | null;
  currentGuidelinesVersion: number | null;
}

export interface ProfileReader {
  /** The person, their report count, membership and the current guidelines version; null if unknown. */
  get(tenantId: string, personId: string): Promise<Profile | null>;
}

/** All repositories, plus a way to run several writes atomically. */
export interface Store {
  people: PeopleRepository;
  program: ProgramRepository;
  memberships: MembershipRepository;
  consents: ConsentRepository;
  activity: ActivityRepository;
  jobs: JobQueue;
  directorySync: DirectorySyncRepository;
  profiles: ProfileReader;
  /** Ensures the tenant row exists. */
  ensureTenant(tenantId: string, name: string): Promise<void>;
  /** Runs `work` in one transaction; the store it receives writes inside that transaction. */
  transaction<T>(work: (store: Store) => Promise<T>): Promise<T>;
}
