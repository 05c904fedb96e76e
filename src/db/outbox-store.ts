import { sql, type SQL } from 'drizzle-orm';
import { ZCampaignPitch, type OutboxState, type SendProgress } from '../contracts/recruitment';
import { DEFAULT_MAX_ATTEMPTS, OUTBOX_STATES } from '../domain/outbox';
import {
  checkConversationWindows,
  createBucket,
  DEFAULT_THROTTLE_POLICY,
  onSuccessWindow,
  onThrottled,
  reconfigureBucket,
  reserveSlots,
  TEAMS_CONVERSATION_LIMITS,
  type BucketState,
  type WindowLimit,
} from '../domain/rate-limit';
import type {
  BotChannelRepository,
  ClaimedOutboxMessage,
  OutboxContentReader,
  OutboxPace,
  OutboxPayload,
  OutboxQueue,
  OutboxStore,
} from '../ports/outbox';
import { currentCorrelationId } from '../observability/context';
import { rowsOf, type Db } from './database';

// The durable outbox (docs/design/recruitment.md §5) in plain SQL: enqueueing is set-based (one JSON
// parameter per chunk, so 10,000 messages cost a handful of statements), and each claim is one short
// transaction that locks the tenant's bucket row, so every instance shares one budget.

/** Rows per insert statement: one JSON parameter each, far below any parameter limit. */
const ENQUEUE_CHUNK = 2_000;

/**
 * A margin on Teams' per-conversation windows. Requests leave a little after their slot (timers,
 * the event loop); without it a late first request and a punctual eighth would meet inside one second.
 */
const WINDOW_MARGIN_MS = 250;
const PADDED_LIMITS: WindowLimit[] = TEAMS_CONVERSATION_LIMITS.map((l) => ({
  windowMs: l.windowMs + WINDOW_MARGIN_MS,
  max: l.max,
}));
const LONGEST_WINDOW_MS = Math.max(...PADDED_LIMITS.map((l) => l.windowMs));

/** Final reasons meaning the person's stored chat no longer reaches them (see `record`). */
const STALE_REFERENCE_REASONS = ['not_found', 'not_installed'] as const;

const toDate = (value: unknown): Date => (value instanceof Date ? value : new Date(String(value)));
const toDateOrNull = (value: unknown): Date | null =>
  value === null || value === undefined ? null : toDate(value);
const ts = (date: Date) => sql`${date.toISOString()}::timestamptz`;
const json = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`;
const inList = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

export interface OutboxStoreOptions {
  /** Attempts before a message is dead (`OUTBOX_MAX_ATTEMPTS`). */
  maxAttempts?: number;
}

export type DbOutbox = OutboxStore & OutboxQueue;

/** The outbox over Postgres (PGlite or a server). */
export function createOutboxStore(db: Db, options: OutboxStoreOptions = {}): DbOutbox {
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;

  const progressOf = async (tenantId: string, sendIds: string[] | null, campaignId?: string) => {
    const where: SQL = sendIds
      ? sql`s.tenant_id = ${tenantId} and s.id in (${inList(sendIds)})`
      : sql`s.tenant_id = ${tenantId} and s.campaign_id = ${campaignId ?? ''}`;
    const sends = rowsOf<{
      id: string;
      kind: SendProgress['kind'];
      created_at: unknown;
      cancelled_at: unknown;
      total: number;
    }>(
      await db.execute(sql`
        select s.id, s.kind, s.created_at, s.cancelled_at, s.total from outbox_sends s
        where ${where} order by s.created_at desc, s.id`),
    );
    if (sends.length === 0) return [];
    const ids = sends.map((s) => s.id);
    const counts = rowsOf<{ send_id: string; state: OutboxState; n: number; repeated: number }>(
      await db.execute(sql`
        select send_id, state, count(*)::int as n,
          (count(*) filter (where ambiguous and state = 'sent'))::int as repeated
        from outbox_messages where tenant_id = ${tenantId} and send_id in (${inList(ids)})
        group by send_id, state`),
    );
    const failures = rowsOf<{ send_id: string; reason: string | null; n: number }>(
      await db.execute(sql`
        select send_id, last_reason as reason, count(*)::int as n
        from outbox_messages
        where tenant_id = ${tenantId} and send_id in (${inList(ids)}) and state in ('failed', 'dead')
        group by send_id, last_reason order by n desc`),
    );
    const paused = rowsOf<{ paused_until: string | null }>(
      await db.execute(sql`
        select max((state->>'pausedUntil')::float8) as paused_until from outbox_rate_buckets
        where tenant_id = ${tenantId}`),
    )[0]?.paused_until;
    const pausedMs = paused === null || paused === undefined ? null : Number(paused);
    const pausedUntil = pausedMs !== null && pausedMs > Date.now() ? new Date(pausedMs).toISOString() : null;

    return sends.map((s): SendProgress => {
      const byState = Object.fromEntries(OUTBOX_STATES.map((st) => [st, 0])) as Record<OutboxState, number>;
      let possiblyRepeated = 0;
      for (const c of counts) {
        if (c.send_id !== s.id) continue;
        byState[c.state] = Number(c.n);
        possiblyRepeated += Number(c.repeated);
      }
      return {
        id: s.id,
        kind: s.kind,
        createdAt: toDate(s.created_at).toISOString(),
        cancelledAt: toDateOrNull(s.cancelled_at)?.toISOString() ?? null,
        total: Number(s.total),
        counts: byState,
        possiblyRepeated,
        failures: failures
          .filter((f) => f.send_id === s.id)
          .map((f) => ({ reason: f.reason ?? 'unknown', count: Number(f.n) })),
        pausedUntil,
      };
    });
  };

  const loadBucket = async (
    tx: Pick<Db, 'execute'>,
    tenantId: string,
    transport: string,
    pace: OutboxPace,
    now: number,
  ): Promise<BucketState> => {
    const config = { ratePerSec: pace.ratePerSec, burst: pace.burst };
    await tx.execute(sql`
      insert into outbox_rate_buckets (tenant_id, transport, state)
      values (${tenantId}, ${transport}, ${json(createBucket(config, now))})
      on conflict (tenant_id, transport) do nothing`);
    const row = rowsOf<{ state: BucketState }>(
      await tx.execute(sql`
        select state from outbox_rate_buckets
        where tenant_id = ${tenantId} and transport = ${transport} for update`),
    )[0];
    const stored = row?.state ?? createBucket(config, now);
    return reconfigureBucket({ ...createBucket(config, now), ...stored }, config, now);
  };

  /** True when two bucket states are the same (jsonb reorders keys, so compare field by field). */
  const sameBucket = (a: BucketState, b: BucketState) =>
    a.tat === b.tat &&
    a.effectiveRate === b.effectiveRate &&
    a.ratePerSec === b.ratePerSec &&
    a.burst === b.burst &&
    a.pausedUntil === b.pausedUntil &&
    a.pauseReason === b.pauseReason &&
    a.pauses === b.pauses &&
    a.lastAdjustedAt === b.lastAdjustedAt &&
    a.throttleTimes.join() === b.throttleTimes.join();

  const saveBucket = (tx: Pick<Db, 'execute'>, tenantId: string, transport: string, state: BucketState) =>
    tx.execute(sql`
      update outbox_rate_buckets set state = ${json(state)}, updated_at = now()
      where tenant_id = ${tenantId} and transport = ${transport}`);

  const store: DbOutbox = {
    async enqueue(tenantId, send, messages) {
      // The correlation id of the request, turn or job that queued it, so the send's logs and span can
      // name their cause (as src/db/store.ts does for jobs).
      const causedBy = currentCorrelationId();
      return db.transaction(async (tx) => {
        const inserted = rowsOf<{ id: string }>(
          await tx.execute(sql`
            insert into outbox_sends (tenant_id, id, campaign_id, kind, idempotency_key, created_by)
            values (${tenantId}, ${send.id}, ${send.campaignId}, ${send.kind}, ${send.idempotencyKey},
              ${send.createdBy})
            on conflict (tenant_id, idempotency_key) do nothing
            returning id`),
        );
        if (inserted.length === 0) {
          const existing = rowsOf<{ id: string }>(
            await tx.execute(sql`
              select id from outbox_sends
              where tenant_id = ${tenantId} and idempotency_key = ${send.idempotencyKey}`),
          );
          return { sendId: existing[0]!.id, created: false };
        }
        let total = 0;
        for (let i = 0; i < messages.length; i += ENQUEUE_CHUNK) {
          const rows = messages.slice(i, i + ENQUEUE_CHUNK).map((m) => ({
            k: m.idempotencyKey,
            t: m.transport,
            p: m.recipientPersonId,
            c: m.conversationId,
            s: m.serviceUrl,
            payload: m.payload,
            pr: m.priority ?? 5,
          }));
          const res = rowsOf<{ n: number }>(
            await tx.execute(sql`
              with ins as (
                insert into outbox_messages (tenant_id, send_id, idempotency_key, transport,
                  recipient_person_id, conversation_id, service_url, payload, priority, max_attempts,
                  caused_by)
                select ${tenantId}, ${send.id}, x.k, x.t, x.p, x.c, x.s, x.payload, x.pr, ${maxAttempts},
                  ${causedBy}::text
                from jsonb_to_recordset(${json(rows)})
                  as x(k text, t text, p text, c text, s text, payload jsonb, pr int)
                on conflict (tenant_id, idempotency_key) do nothing
                returning 1)
              select count(*)::int as n from ins`),
          );
          total += Number(res[0]?.n ?? 0);
        }
        await tx.execute(sql`
          update outbox_sends set total = ${total} where tenant_id = ${tenantId} and id = ${send.id}`);
        return { sendId: send.id, created: true };
      });
    },

    async progress(tenantId, sendId) {
      return (await progressOf(tenantId, [sendId]))[0] ?? null;
    },

    async listSends(tenantId, campaignId) {
      return progressOf(tenantId, null, campaignId);
    },

    async cancel(tenantId, sendId) {
      const found = await db.transaction(async (tx) => {
        const rows = rowsOf<{ id: string }>(
          await tx.execute(sql`
            update outbox_sends set cancelled_at = coalesce(cancelled_at, now())
            where tenant_id = ${tenantId} and id = ${sendId} returning id`),
        );
        if (rows.length === 0) return false;
        await tx.execute(sql`
          update outbox_messages set state = 'cancelled', last_reason = 'cancelled'
          where tenant_id = ${tenantId} and send_id = ${sendId} and state = 'queued'`);
        return true;
      });
      return found ? store.progress(tenantId, sendId) : null;
    },

    async stateOf(tenantId, idempotencyKey) {
      const rows = rowsOf<{ state: OutboxState }>(
        await db.execute(sql`
          select state from outbox_messages
          where tenant_id = ${tenantId} and idempotency_key = ${idempotencyKey}`),
      );
      return rows[0]?.state ?? null;
    },

    async claim(tenantId, transport, { workerId, max, pace, now }) {
      const t = now.getTime();
      const at = ts(now);
      const policy = pace.throttle ?? DEFAULT_THROTTLE_POLICY;
      return db.transaction(async (tx) => {
        // 1. The bucket row lock serialises this tenant's claims across instances.
        const loaded = await loadBucket(tx, tenantId, transport, pace, t);
        let bucket = onSuccessWindow(loaded, t, policy);
        // An idle poll changes nothing: skip the write.
        const save = () =>
          sameBucket(bucket, loaded) ? Promise.resolve() : saveBucket(tx, tenantId, transport, bucket);

        // 2. Expired leases: the worker died (or hung) between claiming and recording. Back to the queue,
        // marked as possibly delivered already; past the last attempt, dead.
        const recovered = Number(
          rowsOf<{ n: number }>(
            await tx.execute(sql`
              with r as (
                update outbox_messages set
                  state = case when attempts >= max_attempts then 'dead' else 'queued' end,
                  last_reason = case when attempts >= max_attempts then 'lease_expired' else last_reason end,
                  ambiguous = true, claimed_by = null, lease_until = null, not_before = ${at}
                where tenant_id = ${tenantId} and transport = ${transport} and state = 'sending'
                  and lease_until < ${at}
                returning 1)
              select count(*)::int as n from r`),
          )[0]?.n ?? 0,
        );

        // 3. A paused tenant claims nothing.
        if (bucket.pausedUntil !== null && bucket.pausedUntil > t) {
          await save();
          const pausedUntil = new Date(bucket.pausedUntil);
          return { messages: [], recovered, pausedUntil, nextDueAt: pausedUntil };
        }

        // 4. Due messages, skipping rows another instance holds.
        const candidates = rowsOf<{
          id: string | number;
          send_id: string | null;
          idempotency_key: string;
          recipient_person_id: string | null;
          conversation_id: string | null;
          service_url: string | null;
          payload: OutboxPayload;
          attempts: number;
          max_attempts: number;
          ambiguous: boolean;
          caused_by: string | null;
        }>(
          // The due rows first (index order, locked, at most `max`), then their people's chats: joining
          // before the limit would make the planner join the whole queue (badly, before statistics).
          await tx.execute(sql`
            with due as (
              select m.id, m.send_id, m.idempotency_key, m.recipient_person_id, m.conversation_id,
                m.service_url, m.payload, m.attempts, m.max_attempts, m.ambiguous, m.priority, m.not_before,
                m.caused_by
              from outbox_messages m
              where m.tenant_id = ${tenantId} and m.transport = ${transport} and m.state = 'queued'
                and m.not_before <= ${at}
              order by m.priority, m.not_before
              limit ${max}
              for update skip locked)
            select due.id, due.send_id, due.idempotency_key, due.recipient_person_id,
              coalesce(due.conversation_id, cr.conversation_id) as conversation_id,
              coalesce(cr.reference->>'serviceUrl', due.service_url) as service_url,
              due.payload, due.attempts, due.max_attempts, due.ambiguous, due.caused_by
            from due
            left join conversation_references cr
              on cr.tenant_id = ${tenantId} and cr.person_id = due.recipient_person_id
                and due.conversation_id is null
            order by due.priority, due.not_before, due.id`),
        );

        const needsCreate = (c: (typeof candidates)[number]) =>
          transport === 'bot' && c.conversation_id === null && c.recipient_person_id !== null;
        const wanted = candidates.reduce((n, c) => n + (needsCreate(c) ? 2 : 1), 0);
        const offered = reserveSlots(bucket, t, wanted, { maxAheadMs: pace.maxAheadMs }).slots;

        // 5. Teams' per-conversation windows, from recent attempts and messages in flight.
        const conversations = [
          ...new Set(
            candidates.filter((c) => transport === 'bot' && c.conversation_id).map((c) => c.conversation_id!),
          ),
        ];
        const history = new Map<string, number[]>();
        if (conversations.length > 0 && offered.length > 0) {
          const since = ts(new Date(t - LONGEST_WINDOW_MS));
          const rows = rowsOf<{ conversation_id: string; at: unknown }>(
            await tx.execute(sql`
              select conversation_id, started_at as at from outbox_attempts
              where tenant_id = ${tenantId} and conversation_id in (${inList(conversations)})
                and started_at > ${since}
              union all
              select conversation_id, slot_at as at from outbox_messages
              where tenant_id = ${tenantId} and conversation_id in (${inList(conversations)})
                and state = 'sending' and slot_at is not null`),
          );
          for (const r of rows) {
            const list = history.get(r.conversation_id) ?? [];
            list.push(toDate(r.at).getTime());
            history.set(r.conversation_id, list);
          }
        }

        const claimed: { row: (typeof candidates)[number]; slotAt: number; sendAt: number }[] = [];
        const deferred: { id: number; nb: string }[] = [];
        let used = 0;
        for (const c of candidates) {
          const k = needsCreate(c) ? 2 : 1;
          if (used + k > offered.length) break;
          const slotAt = offered[used]!;
          const sendAt = offered[used + k - 1]!;
          if (transport === 'bot' && c.conversation_id) {
            const times = history.get(c.conversation_id) ?? [];
            const check = checkConversationWindows(times, sendAt, PADDED_LIMITS);
            if (!check.allowed) {
              // Its slot goes to the next message; this one waits until its conversation has room.
              deferred.push({ id: Number(c.id), nb: new Date(check.earliestAt).toISOString() });
              continue;
            }
            times.push(sendAt);
            history.set(c.conversation_id, times);
          }
          claimed.push({ row: c, slotAt, sendAt });
          used += k;
        }

        // 6. Take exactly the slots used (reserveSlots is deterministic, so these are the first `used`).
        if (used > 0) bucket = reserveSlots(bucket, t, used, { maxAheadMs: pace.maxAheadMs }).state;
        await save();

        if (deferred.length > 0) {
          await tx.execute(sql`
            update outbox_messages m set not_before = x.nb
            from jsonb_to_recordset(${json(deferred)}) as x(id bigint, nb timestamptz)
            where m.tenant_id = ${tenantId} and m.id = x.id`);
        }
        if (claimed.length > 0) {
          const updates = claimed.map((c) => ({
            id: Number(c.row.id),
            slot: new Date(c.slotAt).toISOString(),
            lease: new Date(c.sendAt + pace.leaseMs).toISOString(),
            conv: c.row.conversation_id,
          }));
          await tx.execute(sql`
            update outbox_messages m set state = 'sending', slot_at = x.slot, lease_until = x.lease,
              claimed_by = ${workerId}, attempts = m.attempts + 1,
              conversation_id = coalesce(m.conversation_id, x.conv)
            from jsonb_to_recordset(${json(updates)}) as x(id bigint, slot timestamptz, lease timestamptz, conv text)
            where m.tenant_id = ${tenantId} and m.id = x.id`);
        }

        const messages: ClaimedOutboxMessage[] = claimed.map(({ row, slotAt, sendAt }) => ({
          id: Number(row.id),
          tenantId,
          sendId: row.send_id,
          idempotencyKey: row.idempotency_key,
          transport,
          recipientPersonId: row.recipient_person_id,
          conversationId: row.conversation_id,
          serviceUrl: row.service_url,
          payload: row.payload,
          attempts: Number(row.attempts) + 1,
          maxAttempts: Number(row.max_attempts),
          slotAt: new Date(slotAt),
          sendAt: new Date(sendAt),
          ambiguous: row.ambiguous,
          causedBy: row.caused_by ?? null,
        }));

        let nextDueAt: Date | null = null;
        if (messages.length === 0) {
          const next = rowsOf<{ at: unknown }>(
            await tx.execute(sql`
              select min(not_before) as at from outbox_messages
              where tenant_id = ${tenantId} and transport = ${transport} and state = 'queued'`),
          )[0]?.at;
          if (next !== null && next !== undefined) {
            const nextSlot =
              reserveSlots(bucket, t, 1, { maxAheadMs: Number.MAX_SAFE_INTEGER }).slots[0] ?? t;
            nextDueAt = new Date(Math.max(toDate(next).getTime(), nextSlot));
          }
        }
        return { messages, recovered, pausedUntil: null, nextDueAt };
      });
    },

    async record(tenantId, transport, { workerId, outcomes, pace, now }) {
      if (outcomes.length === 0) return;
      const policy = pace.throttle ?? DEFAULT_THROTTLE_POLICY;
      const rows = outcomes.map((o) => ({
        id: o.messageId,
        state: o.state,
        nb: o.notBefore?.toISOString() ?? null,
        status: o.status,
        reason: o.reason,
        aid: o.activityId,
        conv: o.conversationId,
        started: o.startedAt?.toISOString() ?? null,
        sent: o.state === 'sent' ? (o.startedAt ?? now).toISOString() : null,
      }));
      const attempts = outcomes
        .filter((o) => o.startedAt !== null)
        .map((o) => ({
          id: o.messageId,
          conv: o.conversationId,
          started: o.startedAt!.toISOString(),
          status: o.status ?? 0,
          ra: o.retryAfterMs === null ? null : Math.round(o.retryAfterMs),
          reason: o.reason,
        }));
      const throttles = outcomes.filter((o) => o.throttled);
      await db.transaction(async (tx) => {
        // Throttling first: the bucket row lock orders this with concurrent claims.
        if (throttles.length > 0) {
          const t = now.getTime();
          let bucket = await loadBucket(tx, tenantId, transport, pace, t);
          for (const o of throttles) {
            bucket = onThrottled(bucket, o.startedAt?.getTime() ?? t, o.retryAfterMs, policy);
          }
          await saveBucket(tx, tenantId, transport, bucket);
        }
        // Only rows this worker still holds; a "sent" also lands on a row recovery took back meanwhile
        // (it was delivered: sending it again would repeat it). A person's message that failed because
        // their chat is gone (not_found, after one re-resolve) or the app is not installed for them drops
        // the stored reference to that chat, so the next message starts afresh. A reference saved
        // meanwhile (the bot met them again) names another chat and stays.
        await tx.execute(sql`
          with updated as (
            update outbox_messages m set
              state = x.state,
              not_before = coalesce(x.nb, m.not_before),
              last_status = coalesce(x.status, m.last_status),
              last_reason = x.reason,
              activity_id = coalesce(x.aid, m.activity_id),
              conversation_id = coalesce(x.conv, m.conversation_id),
              sent_at = x.sent,
              claimed_by = null, lease_until = null
            from jsonb_to_recordset(${json(rows)}) as x(id bigint, state text, nb timestamptz, status int,
              reason text, aid text, conv text, started timestamptz, sent timestamptz)
            where m.tenant_id = ${tenantId} and m.id = x.id
              and ((m.state = 'sending' and m.claimed_by = ${workerId})
                or (x.state = 'sent' and m.state = 'queued' and m.ambiguous))
            returning m.transport, m.state, m.last_reason, m.recipient_person_id, m.conversation_id)
          delete from conversation_references cr using updated u
          where cr.tenant_id = ${tenantId} and u.transport = 'bot' and u.state = 'failed'
            and u.last_reason in (${inList(STALE_REFERENCE_REASONS)})
            and cr.person_id = u.recipient_person_id and cr.conversation_id = u.conversation_id`);
        if (attempts.length > 0) {
          await tx.execute(sql`
            insert into outbox_attempts (tenant_id, message_id, conversation_id, started_at, status,
              retry_after_ms, reason)
            select ${tenantId}, x.id, x.conv, x.started, x.status, x.ra, x.reason
            from jsonb_to_recordset(${json(attempts)})
              as x(id int, conv text, started timestamptz, status int, ra int, reason text)`);
        }
      });
    },

    async release(tenantId, workerId, messageIds) {
      if (messageIds.length === 0) return 0;
      const rows = rowsOf<{ n: number }>(
        await db.execute(sql`
          with r as (
            update outbox_messages set state = 'queued', attempts = greatest(attempts - 1, 0),
              claimed_by = null, lease_until = null, slot_at = null
            where tenant_id = ${tenantId} and claimed_by = ${workerId} and state = 'sending'
              and id in (${sql.join(
                messageIds.map((id) => sql`${id}`),
                sql`, `,
              )})
            returning 1)
          select count(*)::int as n from r`),
      );
      return Number(rows[0]?.n ?? 0);
    },
  };
  return store;
}

/** Reads the campaign, person and invitation a message is about, when it is sent. */
export function createOutboxContentReader(db: Db): OutboxContentReader {
  return {
    async campaign(tenantId, campaignId) {
      const row = rowsOf<{
        id: string;
        name: string;
        pitch: unknown;
        image_id: string | null;
        status: 'draft' | 'running' | 'closed';
      }>(
        await db.execute(sql`
          select id, name, pitch, image_id, status from recruitment_campaigns
          where tenant_id = ${tenantId} and id = ${campaignId}`),
      )[0];
      if (!row) return null;
      const pitch = ZCampaignPitch.safeParse(row.pitch);
      return {
        id: row.id,
        name: row.name,
        pitch: pitch.success ? pitch.data : {},
        imageId: row.image_id,
        status: row.status,
      };
    },

    async person(tenantId, personId) {
      const row = rowsOf<{
        id: string;
        display_name: string;
        preferred_language: string | null;
        account_enabled: boolean;
      }>(
        await db.execute(sql`
          select id, display_name, preferred_language, account_enabled from people
          where tenant_id = ${tenantId} and id = ${personId}`),
      )[0];
      return row
        ? {
            id: row.id,
            displayName: row.display_name,
            preferredLanguage: row.preferred_language,
            accountEnabled: row.account_enabled,
          }
        : null;
    },

    async invitationStatus(tenantId, invitationId) {
      const row = rowsOf<{ status: string }>(
        await db.execute(sql`
          select status from invitations where tenant_id = ${tenantId} and id = ${invitationId}`),
      )[0];
      return row?.status ?? null;
    },
  };
}

/** bot_channels: where announcements can go. */
export function createBotChannelRepository(db: Db): BotChannelRepository {
  return {
    async upsert(tenantId, channel) {
      await db.execute(sql`
        insert into bot_channels (tenant_id, conversation_id, team_id, team_name, channel_name, service_url)
        values (${tenantId}, ${channel.conversationId}, ${channel.teamId}, ${channel.teamName},
          ${channel.channelName}, ${channel.serviceUrl})
        on conflict (tenant_id, conversation_id) do update set
          team_id = coalesce(excluded.team_id, bot_channels.team_id),
          team_name = excluded.team_name, channel_name = excluded.channel_name,
          service_url = excluded.service_url, updated_at = now()`);
    },
  };
}
