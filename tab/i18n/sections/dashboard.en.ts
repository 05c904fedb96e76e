import type { DashboardTable, KpiKey } from '@contracts';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** English strings for the dashboard feature (issue 6). Defines the shape; dashboard.da.ts must match it. */
export const dashboardEn = {
  title: 'Dashboard',
  intro:
    'How the advocacy program is doing: what ambassadors do (result goals) and what it leads to (effect goals), against the targets in the program canvas.',
  period: 'Period',
  days: (n: number) => `${n} days`,
  comparing: (from: string, to: string, previousFrom: string, previousTo: string) =>
    `Showing ${from} – ${to}, compared with the period before: ${previousFrom} – ${previousTo}.`,
  dataAsOf: (when: string) => `Data as of ${when}.`,
  notRolledUp: 'The numbers have not been rolled up yet.',
  recentAsOf: (time: string) => `Later days as counted at ${time}, recounted every minute.`,
  loading: 'Loading the dashboard…',
  updating: 'Updating…',
  emptyTitle: 'No activity yet',
  emptyBody:
    'The dashboard fills up once ambassadors start sharing. Until then, there is nothing to measure. To get started:',
  emptyContent: (tab: string) =>
    `Publish content on the ${tab} tab, so ambassadors have something worth sharing.`,
  emptyRecruit: (tab: string) => `Invite colleagues to become ambassadors with a campaign on the ${tab} tab.`,
  emptyTargets: (tab: string) =>
    `Set result and effect goals on the ${tab} tab, so progress can be measured.`,
  hidden: 'Hidden — fewer than 5 people',
  hiddenShort: 'Hidden',
  groups: {
    result: 'Result goals',
    effect: 'Effect goals',
    other: 'Participation and other figures',
  },
  groupIntros: {
    result: 'What ambassadors do: shares, clicks, reactions and new followers.',
    effect: 'What it leads to: applications, conversions and interest in job content.',
    other: 'Who takes part and how actively, and figures that are neither a result goal nor an effect goal.',
  },
  kpis: {
    activeAmbassadors: {
      label: 'Active ambassadors',
      definition: 'Ambassadors who shared, reported a post of their own or asked for sparring in the period.',
    },
    adoptionRate: {
      label: 'Adoption rate',
      definition: 'Ambassadors active in the last 30 days, divided by all enrolled ambassadors.',
    },
    shareRate: {
      label: 'Share rate',
      definition: 'Ambassadors who shared, divided by active ambassadors.',
    },
    shares: {
      label: 'Shares',
      definition: 'Times content was shared through Chorus in the period.',
    },
    clicks: {
      label: 'Clicks',
      definition: 'Clicks on tracked links by people. Link-preview robots (crawlers) are not counted.',
    },
    uniqueClicks: {
      label: 'Unique clicks',
      definition:
        'Different visitors per link per day: one person clicking the same link three times in a day counts once.',
    },
    estimatedReach: {
      label: 'Estimated reach',
      definition:
        'For each ambassador who shared: the network size they stated, times the organic-reach rate set in the program canvas. An estimate, not a measurement.',
    },
    reactions: {
      label: 'Reactions',
      definition: 'Reactions to shared posts, as reported by the ambassadors themselves.',
    },
    comments: {
      label: 'Comments',
      definition: 'Comments on shared posts, as reported by the ambassadors themselves.',
    },
    followers: {
      label: 'New followers',
      definition: 'Growth in the network sizes that ambassadors state in their profiles.',
    },
    applications: {
      label: 'Applications',
      definition:
        'Job applications reported by the career site from visitors who came through a tracked link.',
    },
    conversions: {
      label: 'Conversions',
      definition:
        'Goals completed on the career site (for example an application or a sign-up), reported by the career site for visitors who came through a tracked link.',
    },
    jobInteractions: {
      label: 'Job interactions',
      definition: 'Clicks on job content: tracked links to job ads and other recruitment content.',
    },
  } satisfies Record<KpiKey, { label: string; definition: string }>,
  definition: 'Definition',
  changeUp: (amount: string, previous: string) => `Up ${amount} from ${previous} in the previous period`,
  changeDown: (amount: string, previous: string) => `Down ${amount} from ${previous} in the previous period`,
  changeSame: (previous: string) => `Unchanged from the previous period (${previous})`,
  changeNone: 'No figure from the previous period to compare with',
  points: (n: string) => `${n} percentage points`,
  target: (percent: string, target: string) => `${percent} of the target of ${target}`,
  targetLabel: (label: string) => `${label} against the target`,
  noTarget: 'No target set in the program canvas.',
  showTable: 'Show as table',
  noData: 'Nothing to show for this period.',
  daily: {
    title: 'Shares and clicks per day',
    summary: (days: number, shares: string, clicks: string, best: string | null) =>
      `Line chart of the last ${days} days: ${shares} shares and ${clicks} clicks in all.` +
      (best ? ` Most clicks on ${best}.` : ''),
    caption: 'Shares and clicks per day',
    day: 'Day',
    today: 'Today',
    partialDay: 'Today (so far)',
    partialDayOn: (date: string) => `Today (so far), ${date}`,
    partialSummary: (date: string, shares: string, clicks: string) =>
      ` Last point: Today (so far), ${date}, with ${shares} shares and ${clicks} clicks; the day is still being counted.`,
  },
  networks: {
    title: 'By network',
    summary: (top: string | null) =>
      `Bar chart of shares and clicks by network.${top ? ` Most shares on ${top}.` : ''}`,
    caption: 'Shares and clicks by network',
    network: 'Network',
  },
  topContent: {
    title: 'Top content',
    summary: (top: string | null) =>
      `Bar chart of clicks by content item.${top ? ` Most clicks: ${top}.` : ''}`,
    caption: 'Top content by clicks',
    item: 'Content',
  },
  topDepartments: {
    title: 'Top departments',
    summary: (top: string | null) =>
      `Bar chart of shares by department.${top ? ` Most shares: ${top}.` : ''}`,
    caption: 'Top departments by shares',
    department: 'Department',
    hidden: (n: number) => `${plural(n, 'department', 'departments')} hidden — fewer than 5 ambassadors.`,
  },
  topContributors: {
    title: 'Top contributors',
    note: 'Only ambassadors who chose to be named are shown.',
    name: 'Ambassador',
    department: 'Department',
    none: 'No ambassador who chose to be named shared in this period.',
  },
  funnel: {
    title: 'Recruitment funnel',
    intro:
      'Across all recruitment campaigns running in the period. A stage with fewer than 5 people is hidden.',
    summary: (targeted: string, joined: string) =>
      `Bar chart of the recruitment funnel: ${targeted} targeted, ${joined} joined.`,
    caption: 'Recruitment funnel',
  },
  goals: {
    title: 'Goals against targets',
    summary: (met: number, total: number) =>
      `Bar chart of progress towards the targets: ${met} of ${total} reached.`,
    caption: 'Goals against targets',
    none: 'No targets are set. Set result and effect goals in the program canvas.',
    reached: 'Target reached',
    notReached: 'Not reached yet',
    status: 'Status',
  },
  columns: {
    figure: 'Figure',
    value: 'Value',
    target: 'Target',
    percentOfTarget: '% of target',
    shares: 'Shares',
    clicks: 'Clicks',
    uniqueClicks: 'Unique clicks',
    conversions: 'Conversions',
    ambassadors: 'Ambassadors',
    activeAmbassadors: 'Active ambassadors',
    stage: 'Stage',
    people: 'People',
  },
  exportTitle: 'Download as CSV',
  exportIntro:
    'Each table as a CSV file, for Excel or another tool. The files cover the period chosen above.',
  tables: {
    kpis: 'Key figures',
    daily: 'Activity per day',
    networks: 'By network',
    'top-content': 'Top content',
    'top-departments': 'Top departments',
    'top-contributors': 'Top contributors',
    funnel: 'Recruitment funnel',
    conversions: 'Conversions',
  } satisfies Record<DashboardTable, string>,
  download: (table: string) => `${table} (CSV)`,
  downloading: (table: string) => `Downloading ${table}…`,
  downloaded: (file: string) => `Downloaded ${file}.`,
  downloadFailed: 'The download did not work',
};
