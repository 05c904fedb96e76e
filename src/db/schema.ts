import { sql } from 'drizzle-orm';
import {
  bigserial,
  customType,
  boolean,
  index,
  integer,
  jsonb,
  date,
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
    // Audience rules filter on these (docs/design/recruitment.md §7).
    index('people_department_idx').on(t.tenantId, t.department),
    index('people_office_idx').on(t.tenantId, t.officeLocation),
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
    /** The ambassador's own statement of how many people follow them (for estimated reach). */
    networkSize: integer('network_size'),
    /** Named on leaderboards only when the ambassador chose it; private by default. */
    showOnLeaderboard: boolean('show_on_leaderboard').notNull().default(false),
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
    /** The outbox's idempotency key (header x-chorus-idempotency-key): a repeat is stored once. */
    clientKey: text('client_key'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('dev_chat_conv_idx').on(t.tenantId, t.conversationId, t.id),
    uniqueIndex('dev_chat_client_key_idx')
      .on(t.tenantId, t.clientKey)
      .where(sql`${t.clientKey} is not null`),
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
    index('shares_at_idx').on(t.tenantId, t.sharedAt),
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
    // Clicks arrive in time order, so a BRIN index finds a day's rows for the roll-up at almost no
    // cost to the redirect's insert.
    index('clicks_at_brin').using('brin', t.at),
  ],
);

// ---- Recruitment: campaigns, audiences, invitations, nominations and the outbox -------------------

/** A recruitment campaign: pitch, period, goal and the audience rules (docs/design/recruitment.md). */
export const recruitmentCampaigns = pgTable(
  'recruitment_campaigns',
  {
    tenantId: text('tenant_id').notNull(),
    id: text('id').notNull(),
    name: text('name').notNull(),
    /** { da?: { why, effort, support }, en?: {…} }: at least one language. */
    pitch: jsonb('pitch').$type<Record<string, unknown>>().notNull(),
    imageId: text('image_id'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    goalAmbassadors: integer('goal_ambassadors').notNull(),
    /** The audience rules (AudienceFilter in src/contracts/recruitment.ts). */
    audience: jsonb('audience').$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: ['draft', 'running', 'closed'] })
      .notNull()
      .default('draft'),
    createdBy: text('created_by'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    sharepointUrl: text('sharepoint_url'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('campaigns_status_idx').on(t.tenantId, t.status, t.endsAt),
  ],
);

/**
 * One row per person a campaign reached (targeted, or joined through it without being targeted), with
 * the time of each funnel stage. department and office_location are copied when targeted, so the
 * funnel survives anonymisation; person_id is nulled when the person leaves the program.
 */
export const campaignAudienceMembers = pgTable(
  'campaign_audience_members',
  {
    tenantId: text('tenant_id').notNull(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    campaignId: text('campaign_id').notNull(),
    personId: text('person_id'),
    department: text('department'),
    officeLocation: text('office_location'),
    targeted: boolean('targeted').notNull().default(true),
    targetedAt: timestamp('targeted_at', { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    joinedAt: timestamp('joined_at', { withTimezone: true }),
    onboardedAt: timestamp('onboarded_at', { withTimezone: true }),
    firstSharedAt: timestamp('first_shared_at', { withTimezone: true }),
    declinedAt: timestamp('declined_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('audience_member_idx').on(t.tenantId, t.campaignId, t.personId),
  ],
);

/** A personal invitation. At most one open invitation per person and campaign. */
export const invitations = pgTable(
  'invitations',
  {
    tenantId: text('tenant_id').notNull(),
    id: text('id').notNull(),
    campaignId: text('campaign_id').notNull(),
    personId: text('person_id'),
    source: text('source', { enum: ['audience', 'manager', 'colleague', 'page'] }).notNull(),
    via: text('via', { enum: ['chat', 'activity_feed', 'none'] }).notNull(),
    status: text('status', { enum: ['open', 'joined', 'declined', 'expired'] })
      .notNull()
      .default('open'),
    createdAt: createdAt(),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('invitations_open_idx')
      .on(t.tenantId, t.campaignId, t.personId)
      .where(sql`${t.status} = 'open'`),
    index('invitations_person_idx').on(t.tenantId, t.personId, t.status),
  ],
);

/** A manager's or colleague's nomination, with the note quoted in the invitation. */
export const nominations = pgTable(
  'nominations',
  {
    tenantId: text('tenant_id').notNull(),
    id: text('id').notNull(),
    campaignId: text('campaign_id').notNull(),
    nomineeId: text('nominee_id'),
    nominatorId: text('nominator_id'),
    relation: text('relation', { enum: ['manager', 'colleague'] }).notNull(),
    note: text('note'),
    /** Null when the nomination sent nothing (the person was already invited, or had declined). */
    invitationId: text('invitation_id'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('nominations_pair_idx').on(t.tenantId, t.campaignId, t.nomineeId, t.nominatorId),
    index('nominations_nominator_idx').on(t.tenantId, t.nominatorId, t.createdAt),
  ],
);

/** Teams channels the bot is installed in (from conversationUpdate), for announcements. */
export const botChannels = pgTable(
  'bot_channels',
  {
    tenantId: text('tenant_id').notNull(),
    conversationId: text('conversation_id').notNull(),
    teamId: text('team_id'),
    teamName: text('team_name').notNull(),
    channelName: text('channel_name').notNull(),
    serviceUrl: text('service_url').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.conversationId] })],
);

/** One press of "send" (an announcement, the personal invitations, a nomination): progress and cancel. */
export const outboxSends = pgTable(
  'outbox_sends',
  {
    tenantId: text('tenant_id').notNull(),
    id: text('id').notNull(),
    campaignId: text('campaign_id'),
    kind: text('kind', { enum: ['announcement', 'invitations', 'nomination', 'welcome'] }).notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    createdBy: text('created_by'),
    createdAt: createdAt(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    total: integer('total').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('outbox_sends_key_idx').on(t.tenantId, t.idempotencyKey),
  ],
);

/** Every proactive message, delivered by the outbox worker (docs/design/recruitment.md §5). */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    tenantId: text('tenant_id').notNull(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    sendId: text('send_id'),
    idempotencyKey: text('idempotency_key').notNull(),
    transport: text('transport', { enum: ['bot', 'graph_feed'] })
      .notNull()
      .default('bot'),
    recipientPersonId: text('recipient_person_id'),
    /** Set for channels and known chats; resolved at send time for people. */
    conversationId: text('conversation_id'),
    serviceUrl: text('service_url'),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    state: text('state', { enum: ['queued', 'sending', 'sent', 'failed', 'dead', 'cancelled'] })
      .notNull()
      .default('queued'),
    priority: integer('priority').notNull().default(5),
    notBefore: timestamp('not_before', { withTimezone: true }).notNull().defaultNow(),
    slotAt: timestamp('slot_at', { withTimezone: true }),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    claimedBy: text('claimed_by'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(8),
    ambiguous: boolean('ambiguous').notNull().default(false),
    lastStatus: integer('last_status'),
    lastReason: text('last_reason'),
    activityId: text('activity_id'),
    /** The correlation id of the request, bot turn or job that queued it; its sends' logs name it. */
    causedBy: text('caused_by'),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('outbox_key_idx').on(t.tenantId, t.idempotencyKey),
    index('outbox_due_idx')
      .on(t.tenantId, t.transport, t.priority, t.notBefore)
      .where(sql`${t.state} = 'queued'`),
    index('outbox_lease_idx')
      .on(t.leaseUntil)
      .where(sql`${t.state} = 'sending'`),
    index('outbox_conversation_idx').on(t.tenantId, t.conversationId, t.slotAt),
    index('outbox_send_idx').on(t.tenantId, t.sendId, t.state),
  ],
);

/** Each delivery attempt: the per-conversation windows are counted from here. */
export const outboxAttempts = pgTable(
  'outbox_attempts',
  {
    tenantId: text('tenant_id').notNull(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    messageId: integer('message_id').notNull(),
    conversationId: text('conversation_id'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    status: integer('status').notNull(),
    retryAfterMs: integer('retry_after_ms'),
    reason: text('reason'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('outbox_attempts_conv_idx').on(t.tenantId, t.conversationId, t.startedAt),
  ],
);

/** The tenant's sending budget (a GCRA token bucket, src/domain/rate-limit.ts), shared by instances. */
export const outboxRateBuckets = pgTable(
  'outbox_rate_buckets',
  {
    tenantId: text('tenant_id').notNull(),
    transport: text('transport').notNull(),
    state: jsonb('state').$type<Record<string, unknown>>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.transport] })],
);

// ---- Bot: onboarding, sparring and chat preferences ----------------------------------------------

/**
 * The program's coaching settings (one row per tenant; defaults when absent): what the sparring coach
 * checks drafts against. Edited by comms in Admin.
 */
export const coachSettings = pgTable('coach_settings', {
  tenantId: text('tenant_id').primaryKey(),
  /** The employer's name, for the "say where you work" hint. */
  companyName: text('company_name').notNull(),
  /** Terms that must never appear in a post (code names, customers, "fortroligt"). */
  blockedTerms: text('blocked_terms').array().notNull(),
  /** Hashtags every program post should carry, with the '#'. */
  requiredHashtags: text('required_hashtags').array().notNull(),
  /** 'du' (informal) or 'De' (formal) in Danish posts. */
  tone: text('tone', { enum: ['du', 'De'] }).notNull(),
  emojiPolicy: text('emoji_policy', { enum: ['none', 'sparing', 'free'] }).notNull(),
  /** Host names of the company's own sites: links to them should be tracked links. */
  companyDomains: text('company_domains').array().notNull(),
  /** Hashtags the brand style suggests (not required), with the '#'. */
  suggestedHashtags: text('suggested_hashtags')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  /** The disclosure word that goes first in an advertising post, per locale. */
  disclosureMarks: jsonb('disclosure_marks')
    .$type<{ da: string; en: string }>()
    .notNull()
    .default({ da: 'Reklame', en: 'Advertisement' }),
  updatedBy: text('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Where each person is in the bot's onboarding conversation. Resumable: the step is stored after
 * every answer. Deleted when the person leaves (aggregates live in activity_events).
 */
export const onboardingProgress = pgTable(
  'onboarding_progress',
  {
    tenantId: text('tenant_id').notNull(),
    personId: text('person_id').notNull(),
    /** The version of the conversation's script; a card from an older version is answered, not applied. */
    flowVersion: integer('flow_version').notNull(),
    /** Bumped when onboarding restarts, so cards from an earlier run are recognised as old. */
    run: integer('run').notNull().default(1),
    step: text('step').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.personId] }),
    index('onboarding_step_idx').on(t.tenantId, t.step),
  ],
);

/** Per-person chat preferences: a language override and paused notifications. */
export const chatPreferences = pgTable(
  'chat_preferences',
  {
    tenantId: text('tenant_id').notNull(),
    personId: text('person_id').notNull(),
    /** 'da' or 'en' when the person chose one with the `language` command; null follows Teams. */
    language: text('language', { enum: ['da', 'en'] }),
    notificationsPaused: boolean('notifications_paused').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.personId] })],
);

/**
 * Human sparring: a draft and the coach's findings, sent to comms. Comms replies in the tab; the
 * reply reaches the ambassador through the outbox. Deleted when the person leaves (drafts are theirs).
 */
export const sparringRequests = pgTable(
  'sparring_requests',
  {
    tenantId: text('tenant_id').notNull(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    personId: text('person_id').notNull(),
    language: text('language', { enum: ['da', 'en'] }).notNull(),
    network: text('network').notNull(),
    draft: text('draft').notNull(),
    findings: jsonb('findings').$type<Record<string, unknown>[]>().notNull(),
    /** The client's key for the request (the card's nonce): a second submit finds the first. */
    requestKey: text('request_key').notNull(),
    status: text('status', { enum: ['open', 'answered'] })
      .notNull()
      .default('open'),
    reply: text('reply'),
    answeredBy: text('answered_by'),
    createdAt: createdAt(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('sparring_request_key_idx').on(t.tenantId, t.requestKey),
    index('sparring_status_idx').on(t.tenantId, t.status, t.createdAt),
    index('sparring_person_idx').on(t.tenantId, t.personId, t.createdAt),
  ],
);

// ---- Program cockpit: canvas, audit log, conversions, statistics roll-ups, gamification -----------

/**
 * The program canvas (one row per tenant; defaults when absent): purpose, EVP, personas and key
 * messages, channel strategy, ambition, design, KPI targets and the reach factor. Stored as one JSON
 * document parsed by ZProgramCanvas (src/contracts/canvas.ts); `version` rises with every save.
 */
export const programCanvas = pgTable('program_canvas', {
  tenantId: text('tenant_id').primaryKey(),
  canvas: jsonb('canvas').$type<Record<string, unknown>>().notNull(),
  version: integer('version').notNull().default(1),
  updatedBy: text('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Admin actions: who did what to which thing, and when. Append-only; viewable and exportable. */
export const auditLog = pgTable(
  'audit_log',
  {
    tenantId: text('tenant_id').notNull(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    actorId: text('actor_id'),
    /** What was done, as a stable code: 'canvas.updated', 'coach_settings.updated', 'draw.run', … */
    action: text('action').notNull(),
    /** What it was done to (an id or a name), when there is one. */
    subject: text('subject'),
    /** The details: changed fields, old and new values where they are not personal data. */
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('audit_at_idx').on(t.tenantId, t.at)],
);

/**
 * Conversions reported by the career site (POST /api/conversions) or imported from CSV, attributed to
 * a tracked link's item, ambassador and network when the code or utm_content names one. `external_id`
 * is the caller's own id: reporting the same conversion twice stores it once.
 */
export const conversions = pgTable(
  'conversions',
  {
    tenantId: text('tenant_id').notNull(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    externalId: text('external_id').notNull(),
    /** 'application' (to a job ad) or 'conversion' (any other goal the site reports). */
    kind: text('kind', { enum: ['application', 'conversion'] }).notNull(),
    code: text('code'),
    itemId: text('item_id'),
    /** Nulled when the ambassador leaves. */
    personId: text('person_id'),
    network: text('network'),
    /** utm_campaign as the site saw it (the item's slug), or a recruitment campaign's id. */
    campaign: text('campaign'),
    source: text('source', { enum: ['api', 'csv'] }).notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('conversions_external_idx').on(t.tenantId, t.externalId),
    index('conversions_at_idx').on(t.tenantId, t.occurredAt),
  ],
);

/**
 * Daily roll-ups of shares, clicks and reported reactions, so a 90-day dashboard reads thousands of
 * rows instead of millions. One row per day and key within a dimension: 'total' (key ''), 'person'
 * (the person id; '' once anonymised), 'item' (the item id) and 'network'. unique_clicks counts
 * distinct daily visitor keys per row. Days up to stats_rollups.rolled_through are here; later days
 * are read from the raw tables.
 */
export const dailyStats = pgTable(
  'daily_stats',
  {
    tenantId: text('tenant_id').notNull(),
    dim: text('dim', { enum: ['total', 'person', 'item', 'network'] }).notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    key: text('key').notNull(),
    shares: integer('shares').notNull().default(0),
    clicks: integer('clicks').notNull().default(0),
    uniqueClicks: integer('unique_clicks').notNull().default(0),
    reactions: integer('reactions').notNull().default(0),
    comments: integer('comments').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.dim, t.day, t.key] })],
);

/**
 * A compact per-member summary of the 'person' roll-ups, one row per person and calendar month, so the
 * dashboard's people figures read thousands of rows instead of a row per person and day:
 * shared_days has bit d-1 set when the person shared on day d of the month; shares_cum and clicks_cum
 * hold 31 running totals (element d is the sum over days 1…d). Kept by the roll-up from daily_stats
 * (rolled days only), and recomputed when a leaver's rows merge into the anonymous key ''.
 */
export const memberActivityMonths = pgTable(
  'member_activity_months',
  {
    tenantId: text('tenant_id').notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    personId: text('person_id').notNull(),
    sharedDays: integer('shared_days').notNull().default(0),
    sharesCum: integer('shares_cum').array().notNull(),
    clicksCum: integer('clicks_cum').array().notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.month, t.personId] })],
);

/**
 * How far each tenant's daily_stats reach: every day up to and including rolled_through is rolled up.
 * The days after it (usually today) may hold a snapshot: their rows count the raw events before
 * snapshot_at, refreshed every minute so the dashboard need not read today's raw rows.
 */
export const statsRollups = pgTable('stats_rollups', {
  tenantId: text('tenant_id').primaryKey(),
  rolledThrough: date('rolled_through', { mode: 'string' }),
  snapshotAt: timestamp('snapshot_at', { withTimezone: true }),
  /**
   * Raw click_events rows count from this UTC day on; the days before it are in click_days (the
   * retention job, CLICK_RETENTION_DAYS). Never after rolled_through + 1. Null: every raw row is kept.
   */
  rawClicksFrom: date('raw_clicks_from', { mode: 'string' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Clicks per tracked link and UTC day, for the days whose raw click_events rows the retention job
 * deleted (before stats_rollups.raw_clicks_from): no visitor keys and no times of day. unique_clicks
 * counts the day's distinct visitor keys on the link, so over several days only their sum is known.
 */
export const clickDays = pgTable(
  'click_days',
  {
    tenantId: text('tenant_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    code: text('code').notNull(),
    itemId: text('item_id').notNull(),
    personId: text('person_id'),
    network: text('network').notNull(),
    clicks: integer('clicks').notNull(),
    uniqueClicks: integer('unique_clicks').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.day, t.code] }),
    index('click_days_item_idx').on(t.tenantId, t.itemId, t.day),
    index('click_days_person_idx').on(t.tenantId, t.personId, t.day),
  ],
);

/** Gamification switches and points per action (one row per tenant; defaults when absent: all off). */
export const gamificationSettings = pgTable('gamification_settings', {
  tenantId: text('tenant_id').primaryKey(),
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull(),
  updatedBy: text('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A challenge: a time-boxed campaign with a hashtag and a qualifying number of shares. */
export const challenges = pgTable(
  'challenges',
  {
    tenantId: text('tenant_id').notNull(),
    id: text('id').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    hashtag: text('hashtag').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    /** Shares within the period needed to qualify. */
    threshold: integer('threshold').notNull(),
    /** Prize-draw tickets: one per qualifying ambassador, or one per share. */
    ticketRule: text('ticket_rule', { enum: ['one', 'per_share'] }).notNull(),
    createdBy: text('created_by'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('challenges_end_idx').on(t.tenantId, t.endsAt)],
);

/**
 * A prize draw: the published seed, the frozen list of entries (pseudonymous entrant ids with their
 * tickets) and the winners. Anyone with the seed and the entries can re-run it and get the same winners.
 */
export const prizeDraws = pgTable(
  'prize_draws',
  {
    tenantId: text('tenant_id').notNull(),
    id: text('id').notNull(),
    challengeId: text('challenge_id').notNull(),
    seed: text('seed').notNull(),
    ticketRule: text('ticket_rule', { enum: ['one', 'per_share'] }).notNull(),
    winnerCount: integer('winner_count').notNull(),
    excludePastWinners: boolean('exclude_past_winners').notNull(),
    entries: jsonb('entries').$type<{ entrant: string; tickets: number }[]>().notNull(),
    winners: jsonb('winners').$type<string[]>().notNull(),
    drawnBy: text('drawn_by'),
    drawnAt: timestamp('drawn_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('draws_challenge_idx').on(t.tenantId, t.challengeId),
  ],
);

/** Who won which draw (person_id nulled when they leave), for telling them and excluding past winners. */
export const drawWinners = pgTable(
  'draw_winners',
  {
    tenantId: text('tenant_id').notNull(),
    drawId: text('draw_id').notNull(),
    entrant: text('entrant').notNull(),
    personId: text('person_id'),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.drawId, t.entrant] }),
    index('draw_winners_person_idx').on(t.tenantId, t.personId),
  ],
);
