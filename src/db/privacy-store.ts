import { sql, type SQL } from 'drizzle-orm';
import type { PersonalDataReader, PersonalDataSections } from '../ports/privacy';
import { retainedClicks } from './click-retention-store';
import { rowsOf, type Db } from './database';

/**
 * One query per kind of data Chorus keeps about a person, each naming its columns: what the person
 * gets is chosen here, never a table dumped as it is. Visitor keys of clicks are left out (they are
 * about the people who clicked, and are one-way hashes anyway); clicks come as counts per link and day.
 * Other people appear only by name where the person's own data points at them (who nominated them).
 */
function queries(tenantId: string, personId: string): Record<string, SQL> {
  return {
    directory: sql`select display_name, user_principal_name, mail, job_title, department,
        office_location, preferred_language, manager_id, account_enabled
      from people where tenant_id = ${tenantId} and id = ${personId}`,
    membership: sql`select joined_at, guidelines_version, networks, topics, source, network_size,
        show_on_leaderboard
      from memberships where tenant_id = ${tenantId} and person_id = ${personId}`,
    consents: sql`select guidelines_version, source, accepted_at
      from consents where tenant_id = ${tenantId} and person_id = ${personId} order by accepted_at`,
    activity: sql`select type, occurred_at, data
      from activity_events where tenant_id = ${tenantId} and person_id = ${personId} order by occurred_at`,
    onboarding: sql`select step, flow_version, started_at, updated_at, completed_at
      from onboarding_progress where tenant_id = ${tenantId} and person_id = ${personId}`,
    chatPreferences: sql`select language, notifications_paused, updated_at
      from chat_preferences where tenant_id = ${tenantId} and person_id = ${personId}`,
    trackedLinks: sql`select code, item_id, network, created_at
      from tracked_links where tenant_id = ${tenantId} and person_id = ${personId} order by created_at`,
    shares: sql`select s.item_id, i.title as item_title, s.network, s.status, s.post_url, s.reactions,
        s.comments, s.prepared_at, s.shared_at
      from shares s left join content_items i on i.tenant_id = s.tenant_id and i.id = s.item_id
      where s.tenant_id = ${tenantId} and s.person_id = ${personId} order by s.prepared_at`,
    // Raw rows and the days past the retention period (click_days) alike.
    clicksPerLinkAndDay: sql`select code, network, day, sum(clicks)::int as clicks
      from (${retainedClicks(tenantId, sql`person_id = ${personId}`)}) c
      group by code, network, day order by day, code`,
    sparringRequests: sql`select network, language, draft, findings, status, reply, created_at, answered_at
      from sparring_requests where tenant_id = ${tenantId} and person_id = ${personId} order by created_at`,
    invitations: sql`select campaign_id, source, via, status, created_at, responded_at
      from invitations where tenant_id = ${tenantId} and person_id = ${personId} order by created_at`,
    nominationsOfYou: sql`select n.campaign_id, n.relation, n.note, n.created_at, p.display_name as nominated_by
      from nominations n left join people p on p.tenant_id = n.tenant_id and p.id = n.nominator_id
      where n.tenant_id = ${tenantId} and n.nominee_id = ${personId} order by n.created_at`,
    nominationsByYou: sql`select n.campaign_id, p.display_name as nominee, n.note, n.created_at
      from nominations n left join people p on p.tenant_id = n.tenant_id and p.id = n.nominee_id
      where n.tenant_id = ${tenantId} and n.nominator_id = ${personId} order by n.created_at`,
    messagesToYou: sql`select payload->>'kind' as kind, state, created_at, sent_at
      from outbox_messages where tenant_id = ${tenantId} and recipient_person_id = ${personId}
      order by created_at`,
    conversions: sql`select kind, item_id, network, campaign, occurred_at
      from conversions where tenant_id = ${tenantId} and person_id = ${personId} order by occurred_at`,
    prizeDrawWins: sql`select w.draw_id, w.position, d.challenge_id, d.drawn_at
      from draw_winners w left join prize_draws d on d.tenant_id = w.tenant_id and d.id = w.draw_id
      where w.tenant_id = ${tenantId} and w.person_id = ${personId}`,
    contentYouWrote: sql`select id, title, status, created_at
      from content_items where tenant_id = ${tenantId} and author_id = ${personId} order by created_at`,
    adminActions: sql`select action, subject, at
      from audit_log where tenant_id = ${tenantId} and actor_id = ${personId} order by at`,
  };
}

/** The GDPR export's reads, run one after another (PGlite has one connection; the export is rare). */
export function createPersonalDataReader(db: Db): PersonalDataReader {
  return {
    async collect(tenantId, personId) {
      const sections: PersonalDataSections = {};
      for (const [name, query] of Object.entries(queries(tenantId, personId))) {
        sections[name] = rowsOf<Record<string, unknown>>(await db.execute(query));
      }
      return sections;
    },
  };
}
