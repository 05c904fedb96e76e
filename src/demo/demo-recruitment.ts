/**
 * The demo's recruitment campaign (docs/design/recruitment.md §12): one running mini-campaign for IT
 * and Engineering in København, announced in "IT › Nyheder" with personal chat invitations, three
 * ambassadors who joined through it (one of them has shared since), two "Not now", and one nomination
 * from the head of IT that is still waiting for an answer. Every page of recruitment then has
 * something real to show: Campaigns, the comms view with its sends and funnel, My team, the dev inbox.
 *
 * Seeded through the real use cases, as a comms admin, the people themselves and their manager would
 * do it, on a clock set to each step's own day. The invitations go to the outbox like any other send;
 * the outbox worker delivers them in the background once the app listens. The five who answer here
 * have done so before their invitation is sent, so the worker cancels those five messages
 * ("invitation_closed", as for anyone who answers first) and the funnel counts them as not delivered.
 */
import type { AudienceFilter, CampaignPitch } from '../contracts/recruitment';
import { isLive } from '../domain/content';
import type { Person } from '../domain/person';
import type { JoinSource, Network, Topic } from '../domain/program';
import type { RoleRules } from '../domain/roles';
import type { CampaignStore } from '../ports/campaigns';
import type { Clock } from '../ports/clock';
import type { ContentStore } from '../ports/content';
import type { NominationStore } from '../ports/nominations';
import type { OutboxStore } from '../ports/outbox';
import type { SharingStore } from '../ports/sharing';
import type { Store } from '../ports/store';
import type { UnitOfWork } from '../ports/unit-of-work';
import { announceCampaign } from '../services/announce-campaign';
import { completeShare } from '../services/complete-share';
import { createCampaign } from '../services/create-campaign';
import { declineCampaign } from '../services/decline-campaign';
import { joinProgram } from '../services/join-program';
import { nominateColleague } from '../services/nominate-colleague';
import { prepareShare } from '../services/prepare-share';
import { recordCampaignOpened } from '../services/record-campaign-opened';
import { DEMO_ITEMS, demoContentPeople } from './demo-content';
import { generateDemoOrg } from './demo-org';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

export const DEMO_CAMPAIGN_NAME = 'Bliv ambassadør – IT og Engineering i København';

export const DEMO_CAMPAIGN_PITCH: CampaignPitch = {
  da: {
    why: 'Vi bygger det digitale elnet, og det skal flere vide. Som ambassadør deler du det, du selv er stolt af: projekterne, kollegerne og de svære problemer, vi løser. Det hjælper os med at finde de næste dygtige kolleger til IT og Engineering.',
    effort:
      'Omkring 30 minutter om ugen, når det passer dig. Du vælger selv, hvad du deler, og du kan stoppe når som helst.',
    support:
      'En workshop til start om LinkedIn og gode opslag, færdige tekster i biblioteket og sparring med kommunikation på dine egne udkast.',
  },
  en: {
    why: 'We are building the digital power grid, and more people should know. As an ambassador you share what you are proud of yourself: the projects, the colleagues and the hard problems we solve. It helps us find the next good colleagues for IT and Engineering.',
    effort:
      'About 30 minutes a week, whenever it suits you. You choose what to share, and you can stop at any time.',
    support:
      'A workshop to start, on LinkedIn and good posts, ready-made texts in the library, and sparring with Communication on your own drafts.',
  },
};

/** IT and Engineering, as the demo org names them, in the København office. */
export const DEMO_CAMPAIGN_AUDIENCE: AudienceFilter = {
  departments: ['IT', 'Engineering'],
  locations: ['København'],
  titleWords: [],
  managerId: null,
  includeSubtree: true,
  languages: [],
};

/** The team and channel the campaign is announced in (one of the demo's channels). */
export const DEMO_ANNOUNCEMENT_CHANNEL = { teamName: 'IT', channelName: 'Nyheder' };

/** Fixed, so the announcement is one send whatever happens. */
export const DEMO_ANNOUNCE_KEY = 'demo-seed:announce';

export const DEMO_NOMINATION_NOTE =
  'Du ved mere om vores systemer end de fleste, og du er god til at forklare det. Jeg tror, du ville synes om at være med, men det er helt frivilligt.';

/** The library item the first ambassador shares (a Danish item offered on LinkedIn). */
const SHARED_ITEM_KEY = 'elnettet-fordobles';

/** Who joins, and how: the first opens the invitation card and joins from it; the others in the tab. */
const JOINS: readonly {
  source: JoinSource;
  daysAgo: number;
  networks: Network[];
  topics: Topic[];
  opensFirst: boolean;
}[] = [
  {
    source: 'card',
    daysAgo: 6,
    networks: ['linkedin'],
    topics: ['thought-leadership', 'jobs'],
    opensFirst: true,
  },
  {
    source: 'tab',
    daysAgo: 5,
    networks: ['linkedin', 'facebook'],
    topics: ['internal-news', 'events'],
    opensFirst: false,
  },
  {
    source: 'tab',
    daysAgo: 3,
    networks: ['linkedin'],
    topics: ['product', 'sustainability'],
    opensFirst: false,
  },
];
const DECLINED_DAYS_AGO = [5, 4] as const;

export interface DemoRecruitmentDeps {
  store: Store;
  clock: Clock;
  roleRules: Pick<RoleRules, 'commsAdmins' | 'approvers'>;
  campaigns: CampaignStore;
  nominations: NominationStore;
  outbox: OutboxStore;
  /** The announcement's targeting and send, as one transaction. */
  unitOfWork: UnitOfWork;
  content: ContentStore;
  sharing: SharingStore;
  /** Where tracked links live (the share's link). */
  publicUrl: string;
}

export interface DemoRecruitmentResult {
  campaignId: string;
  joined: string[];
  declined: string[];
  nominatorId: string;
  nomineeId: string | null;
  shared: boolean;
}

/** The audience's rules applied to the demo org, in its order (the seed's choices are stable). */
function audienceOf(org: Person[]): Person[] {
  const { departments, locations } = DEMO_CAMPAIGN_AUDIENCE;
  return org.filter(
    (p) =>
      p.accountEnabled &&
      departments.includes(p.department ?? '') &&
      locations.includes(p.officeLocation ?? ''),
  );
}

/** The head of a department: in it, with a manager outside it. */
function headOf(org: Person[], department: string): Person | undefined {
  const byId = new Map(org.map((p) => [p.id, p]));
  return org.find(
    (p) => p.department === department && byId.get(p.managerId ?? '')?.department !== department,
  );
}

/**
 * Seeds the demo campaign when the tenant has no campaign yet; does nothing otherwise (returns null),
 * so a restart never adds a second one. Needs the demo directory synced, the demo's channels recorded
 * and the program's guidelines in place.
 */
export async function seedDemoRecruitment(
  deps: DemoRecruitmentDeps,
  input: { tenantId: string; now: Date },
): Promise<DemoRecruitmentResult | null> {
  const { tenantId } = input;
  if ((await deps.campaigns.list(tenantId)).length > 0) return null;

  const start = input.now.getTime();
  /** The deps on a clock stopped at that many days (and hours) before `now`, never after it. */
  const on = (daysAgo: number, hours = 0) => {
    const when = new Date(Math.min(start, start - daysAgo * DAY + hours * HOUR));
    const clock: Clock = { now: () => when };
    return { ...deps, clock };
  };

  const org = generateDemoOrg();
  const { authorId: commsId } = demoContentPeople(deps.roleRules);
  const audience = audienceOf(org);
  const nominator = headOf(org, 'IT') ?? headOf(org, 'Engineering');
  if (!nominator) throw new Error('the demo org has no head of IT or Engineering to nominate someone');
  const managers = new Set(org.map((p) => p.managerId).filter((id): id is string => id !== null));

  // Drafted the day before it starts, announced when it starts (a week ago).
  const campaign = await createCampaign(on(8), {
    tenantId,
    actorId: commsId,
    campaign: {
      name: DEMO_CAMPAIGN_NAME,
      pitch: DEMO_CAMPAIGN_PITCH,
      imageId: null,
      startsAt: new Date(start - 7 * DAY),
      endsAt: new Date(start + 42 * DAY),
      goalAmbassadors: 8,
      audience: DEMO_CAMPAIGN_AUDIENCE,
    },
  });
  const campaignId = campaign.id;
  const channel = (await deps.campaigns.channels(tenantId)).find(
    (c) =>
      c.teamName === DEMO_ANNOUNCEMENT_CHANNEL.teamName &&
      c.channelName === DEMO_ANNOUNCEMENT_CHANNEL.channelName,
  );
  await announceCampaign(on(7, 1), {
    tenantId,
    actorId: commsId,
    campaignId,
    // The channel is there whenever the demo's local connector is (no bot credentials configured).
    channelIds: channel ? [channel.conversationId] : [],
    personal: 'chat',
    idempotencyKey: DEMO_ANNOUNCE_KEY,
  });

  // Staff of the audience (not its managers), who are not ambassadors already (a demo database from
  // before campaigns existed may have some): three join, the next two say "Not now".
  const candidates: Person[] = [];
  for (const p of audience) {
    if (candidates.length === JOINS.length + DECLINED_DAYS_AGO.length) break;
    if (p.id === nominator.id || managers.has(p.id)) continue;
    if (await deps.store.memberships.get(tenantId, p.id)) continue;
    candidates.push(p);
  }
  const joiners = candidates.slice(0, JOINS.length);
  const decliners = candidates.slice(JOINS.length);

  const guidelines = await deps.store.program.current(tenantId, 'guidelines');
  if (!guidelines) throw new Error('the demo program has no guidelines to accept');
  for (const [i, person] of joiners.entries()) {
    const join = JOINS[i]!;
    if (join.opensFirst) {
      await recordCampaignOpened(on(join.daysAgo), { tenantId, personId: person.id, campaignId });
    }
    await joinProgram(on(join.daysAgo, 0.2), {
      tenantId,
      personId: person.id,
      guidelinesVersion: guidelines.version,
      networks: join.networks,
      topics: join.topics,
      source: join.source,
      campaignId,
    });
  }
  for (const [i, person] of decliners.entries()) {
    await declineCampaign(on(DECLINED_DAYS_AGO[i]!, 3), { tenantId, personId: person.id, campaignId });
  }

  // The first ambassador has shared an item from the library since (the funnel's last stage).
  const shared = joiners[0] ? await shareOne(on(2), tenantId, joiners[0].id) : false;

  // The head of IT nominates a direct report the announcement did not reach (they work elsewhere) and
  // who is not an ambassador; the last such, so the other reports stay free to nominate live.
  let nomineeId: string | null = null;
  for (const report of org.filter((p) => p.managerId === nominator.id).reverse()) {
    if (!report.accountEnabled || (await deps.store.memberships.get(tenantId, report.id))) continue;
    const standing = await deps.nominations.nomineeStanding(tenantId, campaignId, report.id);
    if (standing.openInvitationId !== null || standing.declined) continue;
    nomineeId = report.id;
    break;
  }
  if (nomineeId !== null) {
    await nominateColleague(on(1), {
      tenantId,
      nominatorId: nominator.id,
      campaignId,
      personId: nomineeId,
      note: DEMO_NOMINATION_NOTE,
    });
  }

  return {
    campaignId,
    joined: joiners.map((p) => p.id),
    declined: decliners.map((p) => p.id),
    nominatorId: nominator.id,
    nomineeId,
    shared,
  };
}

/** Prepares and completes a LinkedIn share of the demo item, as the share dialog does; false if none is live. */
async function shareOne(deps: DemoRecruitmentDeps, tenantId: string, personId: string): Promise<boolean> {
  const now = deps.clock.now();
  const title = DEMO_ITEMS.find((i) => i.key === SHARED_ITEM_KEY)?.title;
  const live = (await deps.content.items.list(tenantId, { status: 'approved', limit: 200 })).filter(
    (i) => i.networks.includes('linkedin') && isLive(i, now),
  );
  const item = live.find((i) => i.title === title) ?? live[0];
  if (!item) return false;
  const prepared = await prepareShare(deps, { tenantId, personId, itemId: item.id, network: 'linkedin' });
  await completeShare(deps, {
    tenantId,
    personId,
    shareId: prepared.shareId,
    text: prepared.caption,
    via: 'confirmed',
    postUrl: null,
  });
  return true;
}
