import type { dashboardEn } from './dashboard.en';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Danish strings for the dashboard feature (issue 6). */
export const dashboardDa: typeof dashboardEn = {
  title: 'Overblik',
  intro:
    'Sådan går det med ambassadørprogrammet: hvad ambassadørerne gør (resultatmål), og hvad det fører til (effektmål), holdt op mod målene i programlærredet.',
  period: 'Periode',
  days: (n: number) => `${n} dage`,
  comparing: (from: string, to: string, previousFrom: string, previousTo: string) =>
    `Viser ${from} – ${to}, sammenlignet med perioden før: ${previousFrom} – ${previousTo}.`,
  dataAsOf: (when: string) => `Data pr. ${when}.`,
  notRolledUp: 'Tallene er ikke opgjort endnu.',
  recentAsOf: (time: string) => `Senere dage som optalt ${time}, optælles hvert minut.`,
  loading: 'Henter overblikket…',
  updating: 'Opdaterer…',
  emptyTitle: 'Ingen aktivitet endnu',
  emptyBody:
    'Overblikket fyldes op, når ambassadørerne begynder at dele. Indtil da er der intet at måle. Sådan kommer I i gang:',
  emptyContent: (tab: string) =>
    `Udgiv indhold under fanen ${tab}, så ambassadørerne har noget, der er værd at dele.`,
  emptyRecruit: (tab: string) =>
    `Inviter kolleger til at blive ambassadører med en kampagne under fanen ${tab}.`,
  emptyTargets: (tab: string) => `Sæt resultat- og effektmål under fanen ${tab}, så fremgangen kan måles.`,
  hidden: 'Skjult — færre end 5 personer',
  hiddenShort: 'Skjult',
  groups: {
    result: 'Resultatmål',
    effect: 'Effektmål',
    other: 'Deltagelse og andre tal',
  },
  groupIntros: {
    result: 'Hvad ambassadørerne gør: delinger, klik, reaktioner og nye følgere.',
    effect: 'Hvad det fører til: ansøgninger, konverteringer og interesse for jobindhold.',
    other: 'Hvem der er med, og hvor aktive de er, og tal, der hverken er resultat- eller effektmål.',
  },
  kpis: {
    activeAmbassadors: {
      label: 'Aktive ambassadører',
      definition:
        'Ambassadører, der har delt, registreret et opslag, de selv har skrevet, eller bedt om sparring i perioden.',
    },
    adoptionRate: {
      label: 'Aktiveringsgrad',
      definition:
        'Ambassadører, der har været aktive inden for de seneste 30 dage, divideret med alle tilmeldte ambassadører.',
    },
    shareRate: {
      label: 'Delingsgrad',
      definition: 'Ambassadører, der har delt, divideret med aktive ambassadører.',
    },
    shares: {
      label: 'Delinger',
      definition: 'Antal gange, indhold er blevet delt via Chorus i perioden.',
    },
    clicks: {
      label: 'Klik',
      definition:
        'Klik på sporede links fra mennesker. Robotter, der henter forhåndsvisninger af links, tælles ikke med.',
    },
    uniqueClicks: {
      label: 'Unikke klik',
      definition:
        'Forskellige besøgende pr. link pr. dag: Klikker én person tre gange på samme link samme dag, tæller det én gang.',
    },
    estimatedReach: {
      label: 'Anslået rækkevidde',
      definition:
        'For hver ambassadør, der har delt: den netværksstørrelse, de har oplyst, gange den organiske rækkevidde, der er sat i programlærredet. Et skøn, ikke en måling.',
    },
    reactions: {
      label: 'Reaktioner',
      definition: 'Reaktioner på delte opslag, som ambassadørerne selv har oplyst dem.',
    },
    comments: {
      label: 'Kommentarer',
      definition: 'Kommentarer på delte opslag, som ambassadørerne selv har oplyst dem.',
    },
    followers: {
      label: 'Nye følgere',
      definition: 'Væksten i de netværksstørrelser, ambassadørerne oplyser i deres profil.',
    },
    applications: {
      label: 'Ansøgninger',
      definition:
        'Jobansøgninger, som karrieresiden har registreret fra besøgende, der kom via et sporet link.',
    },
    conversions: {
      label: 'Konverteringer',
      definition:
        'Mål, der er nået på karrieresiden (for eksempel en ansøgning eller en tilmelding), registreret af karrieresiden for besøgende, der kom via et sporet link.',
    },
    jobInteractions: {
      label: 'Interaktioner med job',
      definition: 'Klik på jobindhold: sporede links til jobopslag og andet rekrutteringsindhold.',
    },
  },
  definition: 'Definition',
  changeUp: (amount: string, previous: string) => `Steget ${amount} fra ${previous} i perioden før`,
  changeDown: (amount: string, previous: string) => `Faldet ${amount} fra ${previous} i perioden før`,
  changeSame: (previous: string) => `Uændret fra perioden før (${previous})`,
  changeNone: 'Intet tal fra perioden før at sammenligne med',
  points: (n: string) => `${n} procentpoint`,
  target: (percent: string, target: string) => `${percent} af målet på ${target}`,
  targetLabel: (label: string) => `${label} i forhold til målet`,
  noTarget: 'Intet mål sat i programlærredet.',
  showTable: 'Vis som tabel',
  noData: 'Intet at vise for denne periode.',
  daily: {
    title: 'Delinger og klik pr. dag',
    summary: (days: number, shares: string, clicks: string, best: string | null) =>
      `Kurve over de seneste ${days} dage: ${shares} delinger og ${clicks} klik i alt.` +
      (best ? ` Flest klik ${best}.` : ''),
    caption: 'Delinger og klik pr. dag',
    day: 'Dag',
    today: 'I dag',
    partialDay: 'I dag (indtil nu)',
    partialDayOn: (date: string) => `I dag (indtil nu), ${date}`,
    partialSummary: (date: string, shares: string, clicks: string) =>
      ` Sidste punkt: I dag (indtil nu), ${date}, med ${shares} delinger og ${clicks} klik; dagen tælles stadig.`,
  },
  networks: {
    title: 'Fordelt på netværk',
    summary: (top: string | null) =>
      `Søjlediagram over delinger og klik pr. netværk.${top ? ` Flest delinger på ${top}.` : ''}`,
    caption: 'Delinger og klik pr. netværk',
    network: 'Netværk',
  },
  topContent: {
    title: 'Mest klikkede indhold',
    summary: (top: string | null) =>
      `Søjlediagram over klik pr. indhold.${top ? ` Flest klik: ${top}.` : ''}`,
    caption: 'Mest klikkede indhold',
    item: 'Indhold',
  },
  topDepartments: {
    title: 'Mest aktive afdelinger',
    summary: (top: string | null) =>
      `Søjlediagram over delinger pr. afdeling.${top ? ` Flest delinger: ${top}.` : ''}`,
    caption: 'Afdelinger efter delinger',
    department: 'Afdeling',
    hidden: (n: number) => `${plural(n, 'afdeling', 'afdelinger')} skjult — færre end 5 ambassadører.`,
  },
  topContributors: {
    title: 'Mest aktive ambassadører',
    note: 'Kun ambassadører, der har valgt at stå med navn, vises.',
    name: 'Ambassadør',
    department: 'Afdeling',
    none: 'Ingen ambassadør, der har valgt at stå med navn, har delt i denne periode.',
  },
  funnel: {
    title: 'Rekrutteringstragt',
    intro:
      'På tværs af alle rekrutteringskampagner, der kørte i perioden. Et trin med færre end 5 personer er skjult.',
    summary: (targeted: string, joined: string) =>
      `Søjlediagram over rekrutteringstragten: ${targeted} i målgruppen, ${joined} tilmeldt.`,
    caption: 'Rekrutteringstragt',
  },
  goals: {
    title: 'Mål og fremgang',
    summary: (met: number, total: number) =>
      `Søjlediagram over fremgangen mod målene: ${met} af ${total} nået.`,
    caption: 'Mål og fremgang',
    none: 'Der er ikke sat nogen mål. Sæt resultat- og effektmål i programlærredet.',
    reached: 'Mål nået',
    notReached: 'Ikke nået endnu',
    status: 'Status',
  },
  columns: {
    figure: 'Tal',
    value: 'Værdi',
    target: 'Mål',
    percentOfTarget: '% af målet',
    shares: 'Delinger',
    clicks: 'Klik',
    uniqueClicks: 'Unikke klik',
    conversions: 'Konverteringer',
    ambassadors: 'Ambassadører',
    activeAmbassadors: 'Aktive ambassadører',
    stage: 'Trin',
    people: 'Personer',
  },
  exportTitle: 'Hent som CSV',
  exportIntro:
    'Hver tabel som en CSV-fil til Excel eller et andet værktøj. Filerne dækker den periode, der er valgt ovenfor.',
  tables: {
    kpis: 'Nøgletal',
    daily: 'Aktivitet pr. dag',
    networks: 'Fordelt på netværk',
    'top-content': 'Mest klikkede indhold',
    'top-departments': 'Mest aktive afdelinger',
    'top-contributors': 'Mest aktive ambassadører',
    funnel: 'Rekrutteringstragt',
    conversions: 'Konverteringer',
  },
  download: (table: string) => `${table} (CSV)`,
  downloading: (table: string) => `Henter ${table}…`,
  downloaded: (file: string) => `${file} er hentet.`,
  downloadFailed: 'Filen kunne ikke hentes',
};
