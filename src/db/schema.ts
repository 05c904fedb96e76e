import { sql } from 'drizzle-orm';
import {
  bigserial,
  customType,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

// Every table carries tenant_id and every query filters on it: tenants stay apart, and the data can
// later be distributed by tenant (Citus) with no change to the model.

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const tenants = pgTable('tenants', {
  tenantId: text('tenant_id').primaryKey(),
  name: text('name').notNull(),
  createdAt: createdAt(),
});

export const people = pgTable(
  'people',
  {
    tenantId: text('tenant_id').notNull(),
    id: text('id').notNull(),
    displayName: text('display_name').notNull(),
    mail: text('mail'),
    userPrincipalName: text('user_principal_name'),
    jobTitle: text('job_title'),
    department: text('department'),
    officeLocation: text('office_location'),
    country: text('country'),
    managerId: text('manager_id'),
    preferredLanguage: text('preferred_language'),
    accountEnabled: boolean('account_enabled').notNull().default(true),
    syncedAt: timestamp('synced_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('people_manager_idx').on(t.tenantId, t.managerId),
    index('people_upn_idx').on(t.tenantId, sql`lower(${t.userPrincipalName})`),
  ],
);

export const directorySync = pgTable('directory_sync', {
  tenantId: text('tenant_id').primaryKey(),
  source: text('source').notNull(),
  deltaLink: text('delta_link'),
  lastStartedAt: timestamp('last_started_at', { withTimezone: true }),
  lastCompletedAt: timestamp('last_completed_at', { withTimezone: true }),
  lastError: text('last_error'),
  peopleCount: integer('people_count').notNull().default(0),
  lastRequestCount: integer('last_request_count').notNull().default(0),
});

/** Purpose and guidelines: every edit is a new version, never an overwrite. */
export const programDocuments = pgTable(
  'program_documents',
  {
    tenantId: text('tenant_id').notNull(),
    kind: text('kind', { enum: ['purpose', 'guidelines'] }).notNull(),
    version: integer('version').notNull(),
    bodyDa: text('body_da').notNull(),
    bodyEn: text('body_en').notNull(),
    createdBy: text('created_by'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.kind, t.version] })],
);

/** Current ambassadors. Leaving deletes the row; aggregates live in activity_events. */
export const memberships = pgTable(
  'memberships',
  {
    tenantId: text('tenant_id').notNull(),
    personId: text('person_id').notNull(),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
    guidelinesVersion: integer('guidelines_version').notNull(),
    networks: text('networks').array().notNull(),
    topics: text('topics').array().notNull(),
    source: text('source').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.personId] })],
);

/** Each acceptance of a guidelines version. person_id is nulled when the person leaves. */
export const consents = pgTable(
  'consents',
  {
    tenantId: text('tenant_id').notNull(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    personId: text('person_id'),
    guidelinesVersion: integer('guidelines_version').notNull(),
    source: text('source').notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('consents_person_idx').on(t.tenantId, t.personId),
  ],
);

/** An append-only log of what happened, kept (anonymised) for aggregate counts. */
export const activityEvents = pgTable(
  'activity_events',
  {
    tenantId: text('tenant_id').notNull(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    personId: text('person_id'),
    type: text('type').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('activity_person_idx').on(t.tenantId, t.personId),
    index('activity_type_idx').on(t.tenantId, t.type, t.occurredAt),
  ],
);

/** The durable job queue: workers claim rows with FOR UPDATE SKIP LOCKED, so instances share it. */
export const jobs = pgTable(
  'jobs',
  {
    tenantId: text('tenant_id').notNull(),
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: text('kind').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    status: text('status', { enum: ['queued', 'running', 'done', 'failed'] })
      .notNull()
      .default('queued'),
    runAt: timestamp('run_at', { withTimezone: true }).notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(5),
    lockedBy: text('locked_by'),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    dedupeKey: text('dedupe_key'),
    createdAt: createdAt(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('jobs_ready_idx').on(t.status, t.runAt),
    uniqueIndex('jobs_dedupe_idx')
      .on(t.tenantId, t.dedupeKey)
      .where(sql`${t.status} in ('queued', 'running')`),
  ],
);

/** botbuilder Storage: conversation and user state, with an etag for optimistic concurrency. */
export const botState = pgTable(
  'bot_state',
  {
    tenantId: text('tenant_id').notNull(),
    key: text('key').notNull(),
    value: jsonb('value').$type<Record<string, unknown>>().notNull(),
    etag: integer('etag').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.key] })],
);

/** Where to reach a person proactively (1:1 chat with the bot). */
export const conversationReferences = pgTable(
  'conversation_references',
  {
    tenantId: text('tenant_id').notNull(),
    personId: text('person_id').notNull(),
    conversationId: text('conversation_id').notNull(),
    reference: jsonb('reference').$type<Record<string, unknown>>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.personId] })],
);

/** Small per-tenant secrets and settings the app generates itself (e.g. the dev session key). */
export const tenantSecrets = pgTable(
  'tenant_secrets',
  {
    tenantId: text('tenant_id').notNull(),
    name: text('name').notNull(),
    value: text('value').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.name] })],
);

/** Demo only: activities the bot sent to the local connector, shown in the tab's chat panel. */
export const devChatActivities = pgTable(
  'dev_chat_activities',
  {
    tenantId: text('tenant_id').notNull(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    conversationId: text('conversation_id').notNull(),
    activity: jsonb('activity').$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('dev_chat_conv_idx').on(t.tenantId, t.conversationId, t.id),
  ],
);

// ---- Content library and sharing -------------------------------------------------------------

/** Topics: the built-in ones are seeded per tenant; comms can add more. */
export const topics = pgTable(
  'topics',
  {
    tenantId: text('tenant_id').notNull(),
    key: text('key').notNull(),
    labelDa: text('label_da').notNull(),
    labelEn: text('label_en').notNull(),
    builtIn: boolean('built_in').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.key] })],
);

/** Uploaded images, kept in the database so every instance can serve them. */
export const images = pgTable(
  'images',
  {
    tenantId: text('tenant_id').notNull(),
    id: text('id').notNull(),
    contentType: text('content_type').notNull(),
    bytes: bytea('bytes').notNull(),
    size: integer('size').notNull(),
    width: integer('width'),
    height: integer('height'),
    createdBy: text('created_by'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export const contentItems = pgTable(
  'content_items',
  {
    tenantId: text('tenant_id').notNull(),
    id: text('id').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    linkUrl: text('link_url').notNull(),
    imageId: text('image_id'),
    imageUrl: text('image_url'),
    topic: text('topic').notNull(),
    language: text('language', { enum: ['da', 'en'] }).notNull(),
    networks: text('networks').array().notNull(),
    validFrom: timestamp('valid_from', { withTimezone: true }),
    validTo: timestamp('valid_to', { withTimezone: true }),
    evergreen: boolean('evergreen').notNull().default(false),
    pinned: boolean('pinned').notNull().default(false),
    advertising: boolean('advertising').notNull().default(true),
    status: text('status', { enum: ['draft', 'in_review', 'approved', 'rejected', 'archived'] }).notNull(),
    authorId: text('author_id').notNull(),
    reviewNote: text('review_note'),
    /** Shares recorded, kept here so "most shared" sorts without counting events. */
    shareCount: integer('share_count').notNull().default(0),
    /** Set by the store from title, body and captions with the item language's text-search dictionary. */
    search: tsvector('search'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    // The library's two orders (pinned first, then newest or most shared, then id), so a page and the
    // keyset condition of the next one are read straight from an index instead of sorting every match.
    index('content_library_idx').on(t.tenantId, t.status, t.pinned, t.publishedAt, t.id),
    index('content_popular_idx').on(t.tenantId, t.status, t.pinned, t.shareCount, t.id),
    index('content_search_idx').using('gin', t.search),
  ],
);

/** Caption variants per item and language, handed out in turn so feeds do not fill with one text. */
export const captionVariants = pgTable(
  'caption_variants',
  {
    tenantId: text('tenant_id').notNull(),
    itemId: text('item_id').notNull(),
    language: text('language', { enum: ['da', 'en'] }).notNull(),
    position: integer('position').notNull(),
    text: text('text').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.itemId, t.language, t.position] })],
);

/** Every workflow step, with who and when. */
export const contentTransitions = pgTable(
  'content_transitions',
  {
    tenantId: text('tenant_id').notNull(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    itemId: text('item_id').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    actorId: text('actor_id'),
    note: text('note'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('transitions_item_idx').on(t.tenantId, t.itemId),
  ],
);

/**
 * One tracked link per ambassador, item and network. The code is random and unguessable; the row
 * outlives the item's expiry and the ambassador's membership (person_id is nulled when they leave).
 */
export const trackedLinks = pgTable(
  'tracked_links',
  {
    tenantId: text('tenant_id').notNull(),
    code: text('code').notNull(),
    personId: text('person_id'),
    itemId: text('item_id').notNull(),
    network: text('network').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.code] }),
    uniqueIndex('tracked_links_owner_idx').on(t.tenantId, t.personId, t.itemId, t.network),
  ],
);

/** Shares: prepared when the share dialog opens, recorded once when the person shares or confirms. */
export const shares = pgTable(
  'shares',
  {
    tenantId: text('tenant_id').notNull(),
    id: text('id').notNull(),
    personId: text('person_id'),
    itemId: text('item_id').notNull(),
    network: text('network').notNull(),
    linkCode: text('link_code').notNull(),
    variantPosition: integer('variant_position'),
    status: text('status', { enum: ['prepared', 'shared'] })
      .notNull()
      .default('prepared'),
    postUrl: text('post_url'),
    reactions: integer('reactions'),
    comments: integer('comments'),
    preparedAt: timestamp('prepared_at', { withTimezone: true }).notNull().defaultNow(),
    sharedAt: timestamp('shared_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('shares_person_idx').on(t.tenantId, t.personId, t.sharedAt),
    index('shares_item_idx').on(t.tenantId, t.itemId, t.network),
  ],
);

/** Human clicks on tracked links. visitor_key is a daily-salted hash: never a raw IP. */
export const clickEvents = pgTable(
  'click_events',
  {
    tenantId: text('tenant_id').notNull(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    code: text('code').notNull(),
    itemId: text('item_id').notNull(),
    personId: text('person_id'),
    network: text('network').notNull(),
    visitorKey: text('visitor_key').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('clicks_item_idx').on(t.tenantId, t.itemId, t.at),
    index('clicks_person_idx').on(t.tenantId, t.personId, t.at),
  ],
);
