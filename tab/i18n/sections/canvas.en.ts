/** English strings for the canvas feature (issue 6). Defines the shape; canvas.da.ts must match it. */
export const canvasEn = {
  title: 'Program canvas',
  intro:
    'Design the program step by step: why it exists, who it speaks to, how big it is and what counts as success. The dashboard measures against the targets you set here.',
  loading: 'Loading the canvas…',
  defaultsNote: 'Not saved yet: these are suggested starting values.',
  lastSaved: (when: string, version: number) => `Saved ${when} (version ${version})`,
  step: (n: number, title: string) => `${n}. ${title}`,

  // 1. Purpose
  purposeTitle: 'Purpose',
  purposeHint: 'A concrete goal tied to the business. Pick a template to start from, or write your own.',
  purposeTemplate: 'Start from',
  templates: {
    'graduate-recruitment': 'More graduate applicants',
    'it-talent': 'An attractive IT workplace',
    'thought-leadership': 'Thought leadership',
    awareness: 'General awareness',
    custom: 'My own words',
  } as Record<string, string>,
  purposeText: 'Purpose',
  replaceTitle: 'Replace the purpose text?',
  replaceBody: 'The template’s text replaces what you wrote. This cannot be undone once you save.',
  replace: 'Replace text',
  keep: 'Keep my text',

  // 2. EVP
  evpTitle: 'Employer value proposition',
  evpHint: 'Short statements of why people like working here, in your own words.',
  evpStatement: (n: number) => `EVP statement ${n}`,
  addEvp: 'Add an EVP statement',
  evpEmpty: 'No statements yet. Add the two or three things colleagues say first when asked why they stay.',

  // 3. Target groups
  personasTitle: 'Target groups',
  personasHint: 'Who the posts should reach, what each group should hear, and where they are.',
  personasEmpty: 'No target groups yet. Add one for each group you want to reach, e.g. “Graduate engineers”.',
  addPersona: 'Add a target group',
  personaName: 'Name of the target group',
  personaDescription: 'Who they are',
  keyMessages: 'Key messages',
  keyMessage: (n: number) => `Key message ${n}`,
  addKeyMessage: 'Add a key message',
  personaNetworks: 'Where they are',
  removePersona: (name: string) => `Remove target group ${name}`,
  unnamed: '(no name)',

  // 4. Channel strategy
  channelTitle: 'Channel strategy',
  chooseNetworks: 'Ambassadors choose their own networks',
  chooseNetworksHint: 'Off: ambassadors follow the target groups’ networks.',
  channelNotes: 'Notes on channels and timing',

  // 5. Ambition
  ambitionTitle: 'Ambition',
  stage: 'Stage',
  stagePilot: 'Pilot (a small group, about eight people)',
  stageFull: 'Full program',
  targetAmbassadors: 'Ambassadors we aim for',
  hoursPerWeek: 'Hours per week for the program owner',
  owner: 'Program owner (a role or a team)',

  // 6. Design
  designTitle: 'Design',
  curatedPercent: 'Curated content (%)',
  curatedPercentHint: 'The rest is what ambassadors write themselves.',
  steering: 'How steered is the program?',
  steeringFree: 'Free: ambassadors post what they like',
  steeringGuided: 'Guided: inspiration and sparring, own words',
  steeringSteered: 'Steered: prepared posts and timing',

  // 7. Guidelines and brand style
  guidelinesTitle: 'Guidelines and brand style',
  guidelinesHint:
    'Ambassadors accept the current guidelines when they join, and again when they change. Edit them under Admin → Program.',
  guidelinesVersion: (version: number) => `Current guidelines (version ${version})`,
  noGuidelines:
    'The program has no guidelines yet. Write them under Admin → Program before you invite anyone.',
  brandStyleTitle: 'Brand style',
  brandStyleHint:
    'Hashtags, tone, emoji, blocked terms and the advertising word. The coach checks drafts against these.',
  suggestedHashtags: 'Suggested hashtags',
  suggestedHashtagsHint: 'Hashtags the coach suggests when a post has too few. Not required.',
  disclosureMarks: 'Advertising word (goes first in program posts)',
  disclosureMarksHint:
    'Danish rules want “Reklame” or “Annonce” at the very start of a post the employer asked for. A plain word, no #.',
  disclosureMarkDa: 'In Danish posts',
  disclosureMarkEn: 'In English posts',

  // 8. Targets
  targetsTitle: 'KPI targets',
  targetsHint: 'Leave a target empty when you do not set one.',
  period: 'Targets per',
  periodMonth: 'Month',
  periodQuarter: 'Quarter',
  resultGoals: 'Result goals (what ambassadors do)',
  effectGoals: 'Effect goals (what it leads to)',
  shares: 'Shares',
  clicks: 'Clicks',
  reactions: 'Reactions',
  followers: 'New followers',
  applications: 'Applications to job ads',
  conversions: 'Other conversions',
  jobInteractions: 'Clicks on job content',

  // 9. Reach
  reachTitle: 'Organic reach',
  organicReachRate: 'Organic reach rate (% of an ambassador’s network that sees a post)',
  organicReachRateHint: 'On LinkedIn usually 5–10 %. The reach estimate uses it.',

  save: 'Save canvas',
  saving: 'Saving…',
  saved: 'The canvas is saved.',
  fixFields: 'Some fields need attention; see the messages at the fields.',
  staleTitle: 'Someone else saved the canvas',
  reloadTheirs: 'Load their version (discards your changes)',

  // The audit log
  auditTitle: 'Audit log',
  auditIntro: 'Admin actions: who did what, and when. Newest first.',
  auditLoading: 'Loading the audit log…',
  auditEmpty:
    'No admin actions yet. Saving the canvas, the coach settings or the guidelines, and approving or rejecting content, are recorded here.',
  auditWhen: 'When',
  auditWho: 'Who',
  auditAction: 'Action',
  auditSubject: 'Subject',
  auditDetails: 'Details',
  auditUnknownActor: 'Someone no longer in the directory',
  auditSystem: 'Chorus',
  auditChanged: (fields: string) => `Changed: ${fields}`,
  auditMore: 'Show older entries',
  downloadCsv: 'Download CSV',
  downloading: 'Preparing the file…',
  actions: {
    'canvas.updated': 'Saved the canvas',
    'coach_settings.updated': 'Saved the coach settings',
    'program.purpose.updated': 'Updated the purpose',
    'program.guidelines.updated': 'Updated the guidelines',
    'content.approved': 'Approved content',
    'content.rejected': 'Rejected content',
  } as Record<string, string>,
};
