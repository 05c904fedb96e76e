import type { Language } from '../../person';
import type { Network } from '../../program';
import type { CoachInput, CoachSettings, FindingCode, Severity } from '../types';

// Drafts for the coach's table-driven tests, each with the exact findings a careful reader expects
// (codes and severities in the coach's order, and the params that matter). Written by hand: the
// expectations come from the rules in PRODUCT.md and the issue, not from running the coach.

/** The program's settings in these tests. */
export const TEST_SETTINGS: CoachSettings = {
  companyName: 'Contoso',
  blockedTerms: ['fortroligt', 'confidential', 'Projekt Nova', 'Fabrikam'],
  requiredHashtags: [],
  tone: 'du',
  emojiPolicy: 'sparing',
  companyDomains: ['contoso.com'],
};

export const CAPTION_DA =
  'Contoso åbner et nyt innovationscenter i Aarhus med plads til 200 udviklere. Centret skal udvikle fremtidens grønne energiløsninger sammen med kunder og universiteter. Læs mere om stillingerne og om centret på vores karriereside.';
export const CAPTION_EN =
  'Contoso is opening a new innovation centre in Aarhus with room for 200 developers. The centre will build the green energy solutions of the future together with customers and universities. Read more about the jobs and the centre on our careers page.';
/** The library's caption variants every draft is measured against. */
export const CAPTIONS = [CAPTION_DA, CAPTION_EN];

export const COLLEAGUES = ['Mette Hansen', 'Jonas Berg', 'Anna Holm', 'Bo'];

export type Expected =
  readonly [FindingCode, Severity] | readonly [FindingCode, Severity, Record<string, string | number>];

export interface DraftCase {
  name: string;
  text: string;
  /** The draft's own language, as the coach should detect it. */
  language: Language;
  kind?: 'program' | 'voluntary';
  network?: Network;
  settings?: Partial<CoachSettings>;
  colleagueNames?: string[];
  expected: readonly Expected[];
}

const P = (n: number, s: string) => Array.from({ length: n }, () => s).join('\n\n');

export const DANISH_DRAFTS: readonly DraftCase[] = [
  {
    name: 'correctly marked, personal, with a number in the hook',
    language: 'da',
    text: 'Reklame: I går viste jeg 40 kolleger vores nye lager i Kolding.\nDet var første gang, jeg selv stod for rundvisningen.\n\nJeg lærte mere af deres spørgsmål, end de lærte af mig.\n\n#logistik #kolding #lager',
    expected: [
      ['DISCLOSURE_OK', 'good', { found: 'Reklame' }],
      ['HOOK_GOOD', 'good', { reason: 'number' }],
      ['OWN_VOICE_GOOD', 'good'],
    ],
  },
  {
    name: 'program post with no marking at all',
    language: 'da',
    text: 'I morges åbnede vi dørene til vores nye kontor i Odense.\n\nJeg glæder mig til at byde kunderne velkommen.\n\n#odense #kontor #nyheder',
    expected: [
      ['DISCLOSURE_MISSING', 'must_fix', { mark: 'Reklame' }],
      ['HOOK_GOOD', 'good', { reason: 'moment' }],
      ['OWN_VOICE_GOOD', 'good'],
    ],
  },
  {
    name: '"Reklame" only at the end',
    language: 'da',
    text: 'Jeg har testet vores nye app i en uge, og den sparer mig for en time hver dag.\n\nPrøv den selv.\n\n#app #produktivitet #hverdag\nReklame',
    expected: [['DISCLOSURE_MISPLACED', 'must_fix', { found: 'Reklame', mark: 'Reklame' }]],
  },
  {
    name: '"#ad" is not enough',
    language: 'da',
    text: '#ad Vores nye kampagne er i gang, og jeg har været med til at lave den.\n\n#marketing #kampagne #kreativ',
    expected: [['DISCLOSURE_WEAK', 'must_fix', { found: '#ad', mark: 'Reklame' }]],
  },
  {
    name: '"Spons" first is not enough',
    language: 'da',
    text: 'Spons: Jeg fik lov at prøve den nye elcykel fra firmaet i dag.\n\n#elcykel #grøntransport #arbejde',
    expected: [
      ['DISCLOSURE_WEAK', 'must_fix', { found: 'Spons' }],
      ['HOOK_GOOD', 'good', { reason: 'moment' }],
      ['OWN_VOICE_GOOD', 'good'],
    ],
  },
  {
    name: '"#reklame" first is a tag, not a marking',
    language: 'da',
    text: '#reklame Vi søger tre nye kolleger til vores team i Aalborg.\n\nJeg kan varmt anbefale at søge.\n\n#job #aalborg #udvikler',
    expected: [['DISCLOSURE_WEAK', 'must_fix', { found: '#reklame' }]],
  },
  {
    name: '"Annonce |" first, and a blocked customer name',
    language: 'da',
    text: 'Annonce | Vi har netop vundet en stor ordre fra Fabrikam.\n\nJeg er stolt af holdet bag.\n\n#salg #ordre #team',
    expected: [
      ['BLOCKED_TERM', 'must_fix', { term: 'Fabrikam' }],
      ['DISCLOSURE_OK', 'good', { found: 'Annonce' }],
    ],
  },
  {
    name: 'blocked terms in any case and spacing, each once, in text order',
    language: 'da',
    text: 'Reklame: Jeg må ikke sige meget om projekt  nova endnu, det er FORTROLIGT.\nMen i dag tog vi første skridt, og Projekt Nova er fortroligt.\n\n#innovation #projekt #start',
    expected: [
      ['BLOCKED_TERM', 'must_fix', { term: 'Projekt Nova' }],
      ['BLOCKED_TERM', 'must_fix', { term: 'fortroligt' }],
      ['DISCLOSURE_OK', 'good'],
      ['HOOK_GOOD', 'good', { reason: 'moment' }],
      ['OWN_VOICE_GOOD', 'good'],
    ],
  },
  {
    name: 'a blocked term inside a longer word does not count',
    language: 'da',
    kind: 'voluntary',
    text: 'Jeg arbejder hos Contoso, og i går flyttede vi ind på Fabrikamvej i Vejle.\n\nDet nye kontor har plads til hele holdet, og vi taler fortroligheden igennem på mandag.\n\n#vejle #kontor #contoso',
    expected: [
      ['HOOK_GOOD', 'good', { reason: 'moment' }],
      ['OWN_VOICE_GOOD', 'good'],
    ],
  },
  {
    name: 'too long for X',
    language: 'da',
    network: 'x',
    text: 'Reklame: I går åbnede vi vores nye værksted i Esbjerg.\n\nJeg har glædet mig længe, for nu kan vi reparere vindmøllevinger tæt på havet, hvor de skal bruges. Holdet har arbejdet hårdt hele foråret, og jeg er imponeret over, hvor meget de har nået på så kort tid. Kom forbi og se det.\n\n#esbjerg #vindenergi #værksted',
    expected: [
      ['TOO_LONG', 'must_fix', { limit: 280, network: 'X' }],
      ['DISCLOSURE_OK', 'good'],
      ['HOOK_GOOD', 'good', { reason: 'moment' }],
      ['OWN_VOICE_GOOD', 'good'],
    ],
  },
  {
    name: 'a first line of only hashtags is no hook',
    language: 'da',
    kind: 'voluntary',
    text: '#job #aarhus #contoso\n\nJeg har været hos Contoso i fem år nu, og jeg er stadig glad for at møde ind.',
    expected: [['HOOK_MISSING', 'consider']],
  },
  {
    name: '"Vi er stolte af…" and seven hashtags',
    language: 'da',
    text: 'Reklame: Vi er stolte af at kunne præsentere vores nye kollektion.\n\nDen er lavet af genbrugsmaterialer.\n\n#mode #genbrug #bæredygtighed #design #kollektion #nyhed #dk',
    expected: [
      ['HOOK_WEAK', 'consider', { reason: 'generic' }],
      ['HASHTAGS_TOO_MANY', 'consider', { count: 7, max: 5 }],
      ['DISCLOSURE_OK', 'good'],
    ],
  },
  {
    name: 'the library caption pasted as it is',
    language: 'da',
    text: 'Reklame: Contoso åbner et nyt innovationscenter i Aarhus med plads til 200 udviklere. Centret skal udvikle fremtidens grønne energiløsninger sammen med kunder og universiteter.\n\n#aarhus #energi #job',
    expected: [
      // The caption's first line runs to two sentences (over 140 characters).
      ['HOOK_WEAK', 'consider', { reason: 'long' }],
      ['COPIED_CAPTION', 'consider', { percent: 100 }],
      ['OWN_VOICE_MISSING', 'consider'],
      ['DISCLOSURE_OK', 'good'],
    ],
  },
  {
    name: 'one sentence of the caption in a personal post is not a copy',
    language: 'da',
    text: 'Reklame: I dag fik jeg nøglerne til vores nye innovationscenter i Aarhus.\n\nJeg glæder mig til at sidde sammen med de første kolleger, og jeg håber, at mange af jer har lyst til at være med. Centret skal udvikle fremtidens grønne energiløsninger sammen med kunder og universiteter.\n\n#aarhus #energi #job',
    expected: [
      ['DISCLOSURE_OK', 'good'],
      ['HOOK_GOOD', 'good', { reason: 'moment' }],
      ['OWN_VOICE_GOOD', 'good'],
    ],
  },
  {
    name: 'tone De: the draft says "du"',
    language: 'da',
    settings: { tone: 'De' },
    text: 'Reklame: Har du prøvet vores nye rådgivning om pension?\n\nJeg har selv brugt den, og den gav mig ro i maven.\n\n#pension #rådgivning #økonomi',
    expected: [
      ['TONE_MISMATCH', 'consider', { word: 'du', tone: 'De' }],
      ['DISCLOSURE_OK', 'good'],
      ['HOOK_GOOD', 'good', { reason: 'question' }],
    ],
  },
  {
    name: 'tone du: the draft says "Dem" mid-sentence',
    language: 'da',
    text: 'Reklame: Vi vil gerne invitere Dem til åbent hus på fredag.\n\nDe fleste af mine kolleger er der hele dagen. Jeg glæder mig til at vise rundt.\n\n#åbenthus #fredag #velkommen',
    expected: [
      ['TONE_MISMATCH', 'consider', { word: 'Dem', tone: 'du' }],
      ['DISCLOSURE_OK', 'good'],
    ],
  },
  {
    name: 'tone du: "De" at the start of a sentence means "they"',
    language: 'da',
    kind: 'voluntary',
    text: 'Jeg arbejder hos Contoso og har lige haft besøg af to studerende.\nDe spurgte til alt, og jeg lærte selv noget nyt. I går sendte de mig en tak.\n\n#studerende #læring #contoso',
    expected: [
      ['HOOK_GOOD', 'good', { reason: 'moment' }],
      ['OWN_VOICE_GOOD', 'good'],
    ],
  },
  {
    name: 'a 39-word sentence in one 600+ character line',
    language: 'da',
    text:
      'Reklame: Da jeg startede i virksomheden for mange år siden havde vi kun et lille kontor i kælderen under bageriet og vi drømte om at kunne hjælpe kunder i hele landet med deres regnskaber og deres løn hver eneste måned. ' +
      'Det lød som en fjern drøm, og mange troede ikke på os. Men vi blev ved, og vi lyttede til kunderne hele vejen. ' +
      'Vi lærte at svare hurtigt, at sige det ligeud, og at ringe tilbage, når vi havde lovet det. ' +
      'Derfor holder vi stadig fast i de tre løfter, vi gav den allerførste kunde, og vi tjekker hver måned, om vi lever op til dem. ' +
      'I dag er vi mange flere, men vi prøver stadig at være lige så tæt på kunderne som dengang i kælderen.' +
      '\n\n#regnskab #løn #iværksætter',
    expected: [
      ['HOOK_WEAK', 'consider', { reason: 'long' }],
      ['LONG_SENTENCE', 'consider', { words: 39, count: 1, max: 30 }],
      ['WALL_OF_TEXT', 'consider', { kind: 'line', max: 600 }],
      ['DISCLOSURE_OK', 'good'],
      ['OWN_VOICE_GOOD', 'good'],
    ],
  },
  {
    name: 'five emoji against a sparing policy',
    language: 'da',
    text: 'Reklame: 🎉 I dag fejrer vi 10 år i Horsens! 🥳\n\nTak til alle kunder og kolleger 🙏❤️👏\n\n#jubilæum #horsens #tak',
    expected: [
      ['EMOJI_AGAINST_POLICY', 'consider', { count: 5, max: 3, policy: 'sparing' }],
      ['DISCLOSURE_OK', 'good'],
      ['HOOK_GOOD', 'good', { reason: 'number' }],
      ['OWN_VOICE_GOOD', 'good'],
    ],
  },
  {
    name: 'one emoji against "none", and two named colleagues',
    language: 'da',
    kind: 'voluntary',
    settings: { emojiPolicy: 'none' },
    colleagueNames: COLLEAGUES,
    text: 'Jeg arbejder hos Contoso, og i går tog jeg et billede af mine kolleger på taget 📸\n\nTak til @Mette Hansen og Jonas Berg for en fantastisk dag.\n\n#contoso #team #sommer',
    expected: [
      ['EMOJI_AGAINST_POLICY', 'consider', { count: 1, max: 0, policy: 'none' }],
      ['PEOPLE_CONSENT', 'consider', { name: 'Mette Hansen' }],
      ['PEOPLE_CONSENT', 'consider', { name: 'Jonas Berg' }],
      ['HOOK_GOOD', 'good', { reason: 'moment' }],
      ['OWN_VOICE_GOOD', 'good'],
    ],
  },
  {
    name: 'a photo of colleagues with nobody named',
    language: 'da',
    kind: 'voluntary',
    colleagueNames: COLLEAGUES,
    text: 'Jeg arbejder hos Contoso. Her er et billede fra vores sommerfest med hele afdelingen og alle mine kolleger.\n\n#sommerfest #contoso #fællesskab',
    expected: [['PEOPLE_CONSENT', 'consider', { kind: 'photo' }]],
  },
  {
    name: 'untracked links to company sites; tracked and other links are fine',
    language: 'da',
    text: 'Reklame: Vi har 12 ledige stillinger i Aarhus, og jeg sidder selv i et af teamene.\n\nSe dem her: https://www.contoso.com/karriere?kilde=x og https://jobs.contoso.com/aarhus. Mit personlige link: https://contoso.com/r/Ab3dE9. Læs også artiklen på https://www.dr.dk/nyheder.\n\n#job #aarhus #karriere',
    expected: [
      ['UNTRACKED_LINK', 'consider', { url: 'https://www.contoso.com/karriere?kilde=x' }],
      ['UNTRACKED_LINK', 'consider', { url: 'https://jobs.contoso.com/aarhus' }],
      ['DISCLOSURE_OK', 'good'],
      ['HOOK_GOOD', 'good', { reason: 'number' }],
      ['OWN_VOICE_GOOD', 'good'],
    ],
  },
  {
    name: 'a required program hashtag missing on a program post is a must-fix',
    language: 'da',
    settings: { requiredHashtags: ['#LivetHosContoso', 'Contoso'] },
    text: 'Reklame: I sidste uge byggede vi en ny legeplads sammen med en børnehave i Vejle.\n\nJeg var med til at grave sandkassen.\n\n#frivillig #vejle #contoso',
    expected: [
      ['HASHTAG_REQUIRED_MISSING', 'must_fix', { hashtag: '#LivetHosContoso' }],
      ['DISCLOSURE_OK', 'good'],
      ['HOOK_GOOD', 'good', { reason: 'moment' }],
      ['OWN_VOICE_GOOD', 'good'],
    ],
  },
  {
    name: 'the same hashtag missing on a voluntary post is only worth considering',
    language: 'da',
    kind: 'voluntary',
    settings: { requiredHashtags: ['#LivetHosContoso'] },
    text: 'I sidste uge byggede vi en ny legeplads sammen med en børnehave i Vejle.\n\nJeg var med til at grave sandkassen.\n\n#frivillig #vejle #contoso',
    expected: [
      ['HASHTAG_REQUIRED_MISSING', 'consider', { hashtag: '#LivetHosContoso' }],
      ['HOOK_GOOD', 'good', { reason: 'moment' }],
      ['OWN_VOICE_GOOD', 'good'],
    ],
  },
  {
    name: 'Danish "ad" is an ordinary word, not a weak marking',
    language: 'da',
    text: 'Vi gik ad omveje, men i dag står vores nye bro i Randers færdig.\n\nJeg har fulgt byggeriet fra start.\n\n#randers #bro #byggeri',
    expected: [
      ['DISCLOSURE_MISSING', 'must_fix', { mark: 'Reklame' }],
      ['HOOK_GOOD', 'good', { reason: 'moment' }],
      ['OWN_VOICE_GOOD', 'good'],
    ],
  },
  {
    name: 'voluntary post that does not say where the author works',
    language: 'da',
    kind: 'voluntary',
    text: 'I går løb jeg halvmaraton med to fra afdelingen.\n\nVi samlede penge ind til Børnecancerfonden.\n\n#løb #velgørenhed #halvmaraton',
    expected: [
      ['SAY_WHERE_YOU_WORK', 'consider', { company: 'Contoso' }],
      ['HOOK_GOOD', 'good', { reason: 'moment' }],
      ['OWN_VOICE_GOOD', 'good'],
    ],
  },
];

export const ENGLISH_DRAFTS: readonly DraftCase[] = [
  {
    name: '"Advertisement" first, personal, a number in the hook',
    language: 'en',
    text: 'Advertisement: Yesterday I gave 30 students a tour of our Copenhagen lab.\n\nTheir questions taught me more than my slides did.\n\n#engineering #students #copenhagen',
    expected: [
      ['DISCLOSURE_OK', 'good', { found: 'Advertisement' }],
      ['HOOK_GOOD', 'good', { reason: 'number' }],
      ['OWN_VOICE_GOOD', 'good'],
    ],
  },
  {
    name: 'program post with no marking',
    language: 'en',
    text: "This morning we opened our new office in Odense.\n\nI can't wait to welcome customers next week.\n\n#odense #office #growth",
    expected: [
      ['DISCLOSURE_MISSING', 'must_fix', { mark: 'Advertisement' }],
      ['HOOK_GOOD', 'good', { reason: 'moment' }],
      ['OWN_VOICE_GOOD', 'good'],
    ],
  },
  {
    name: 'the Danish "Reklame" is accepted in an English post',
    language: 'en',
    text: 'Reklame: I spent today at our stand in the Bella Center, and 500 people stopped by.\n\n#fair #bellacenter #sales',
    expected: [
      ['DISCLOSURE_OK', 'good', { found: 'Reklame' }],
      ['HOOK_GOOD', 'good', { reason: 'number' }],
      ['OWN_VOICE_GOOD', 'good'],
    ],
  },
  {
    name: '"Advertisement" only at the end',
    language: 'en',
    text: 'I have used our new app for a week and it saves me an hour every day.\n\nGive it a try.\n\n#app #productivity #worklife\nAdvertisement',
    expected: [['DISCLOSURE_MISPLACED', 'must_fix', { found: 'Advertisement', mark: 'Advertisement' }]],
  },
  {
    name: '"#ad" at the end is not enough',
    language: 'en',
    text: 'Our new campaign is live and I helped shape it.\n\n#ad #marketing #creative #campaign',
    expected: [['DISCLOSURE_WEAK', 'must_fix', { found: '#ad', mark: 'Advertisement' }]],
  },
  {
    name: '"Ad:" first is not enough',
    language: 'en',
    text: 'Ad: I tried the new e-bike from work today.\n\n#ebike #commute #green',
    expected: [
      ['DISCLOSURE_WEAK', 'must_fix', { found: 'Ad' }],
      ['HOOK_GOOD', 'good', { reason: 'moment' }],
      ['OWN_VOICE_GOOD', 'good'],
    ],
  },
  {
    name: '"Sponsored" first is not enough',
    language: 'en',
    text: 'Sponsored | We are hiring three engineers in Aalborg, and I can recommend the team.\n\n#jobs #aalborg #engineering',
    expected: [['DISCLOSURE_WEAK', 'must_fix', { found: 'Sponsored' }]],
  },
  {
    name: 'blocked terms in any case',
    language: 'en',
    text: 'Advertisement: We just signed FABRIKAM as a customer, which was confidential until this morning.\n\nI am proud of the team.\n\n#sales #deal #team',
    expected: [
      ['BLOCKED_TERM', 'must_fix', { term: 'Fabrikam' }],
      ['BLOCKED_TERM', 'must_fix', { term: 'confidential' }],
      ['DISCLOSURE_OK', 'good'],
      ['HOOK_GOOD', 'good', { reason: 'moment' }],
      ['OWN_VOICE_GOOD', 'good'],
    ],
  },
  {
    name: '"confidentiality" is not the blocked "confidential"',
    language: 'en',
    kind: 'voluntary',
    text: 'I work at Contoso, and yesterday our confidentiality training won a prize.\n\n#compliance #training #contoso',
    expected: [
      ['HOOK_GOOD', 'good', { reason: 'moment' }],
      ['OWN_VOICE_GOOD', 'good'],
    ],
  },
  {
    name: 'too long for X, with a long link counted as 23 characters',
    language: 'en',
    network: 'x',
    text: 'Advertisement: Today we opened our new repair shop in Esbjerg.\n\nI have looked forward to this for a long time, because now we can repair turbine blades close to the sea where they are used. The team worked hard all spring and I am impressed by how much they achieved. Come and see it: https://www.example.org/a/very/long/path/that/x/counts/as/only/twenty-three/characters\n\n#esbjerg #wind #repair',
    expected: [
      ['TOO_LONG', 'must_fix', { limit: 280, network: 'X' }],
      ['DISCLOSURE_OK', 'good'],
      ['HOOK_GOOD', 'good', { reason: 'moment' }],
      ['OWN_VOICE_GOOD', 'good'],
    ],
  },
  {
    name: 'about 2,500 characters: too long for Instagram',
    language: 'en',
    network: 'instagram',
    text: `Advertisement: What does a good day at work look like?\n\n${P(20, 'I met a customer who told me how our service helped her family through a hard winter, and it reminded me why I do this job.')}\n\n#service #customers #winter`,
    expected: [
      ['TOO_LONG', 'must_fix', { limit: 2200, network: 'Instagram' }],
      ['DISCLOSURE_OK', 'good'],
      ['HOOK_GOOD', 'good', { reason: 'question' }],
    ],
  },
  {
    name: 'the same 2,500 characters fit LinkedIn',
    language: 'en',
    network: 'linkedin',
    text: `Advertisement: What does a good day at work look like?\n\n${P(20, 'I met a customer who told me how our service helped her family through a hard winter, and it reminded me why I do this job.')}\n\n#service #customers #winter`,
    expected: [
      ['DISCLOSURE_OK', 'good'],
      ['HOOK_GOOD', 'good', { reason: 'question' }],
    ],
  },
  {
    name: 'a first line with only a link is no hook',
    language: 'en',
    kind: 'voluntary',
    text: 'https://www.example.org/story\n\nI work at Contoso, and this story about our night shift made me smile.\n\n#nightshift #contoso #story',
    expected: [['HOOK_MISSING', 'consider']],
  },
  {
    name: '"Check this out!" and a single hashtag',
    language: 'en',
    text: 'Advertisement: Check this out!\nOur new report on green logistics is out.\n\n#logistics',
    expected: [
      ['HOOK_WEAK', 'consider', { reason: 'generic' }],
      ['HASHTAGS_TOO_FEW', 'consider', { count: 1, min: 3 }],
      ['DISCLOSURE_OK', 'good'],
    ],
  },
  {
    name: '"We are proud to announce" and seven hashtags',
    language: 'en',
    text: 'Advertisement: We are proud to announce our new partnership.\n\nIt brings our services to more of the country.\n\n#partnership #growth #tech #innovation #future #team #proud',
    expected: [
      ['HOOK_WEAK', 'consider', { reason: 'generic' }],
      ['HASHTAGS_TOO_MANY', 'consider', { count: 7, max: 5 }],
      ['DISCLOSURE_OK', 'good'],
    ],
  },
  {
    name: 'a three-word post is a weak hook with no voice',
    language: 'en',
    kind: 'voluntary',
    text: 'The first Monday! #newjob #contoso #monday',
    expected: [
      ['HOOK_WEAK', 'consider', { reason: 'short' }],
      ['OWN_VOICE_MISSING', 'consider'],
    ],
  },
  {
    name: 'the English caption pasted as it is',
    language: 'en',
    text: 'Advertisement: Contoso is opening a new innovation centre in Aarhus with room for 200 developers. The centre will build the green energy solutions of the future together with customers and universities.\n\n#aarhus #energy #jobs',
    expected: [
      // The caption's first line runs to two sentences (over 140 characters).
      ['HOOK_WEAK', 'consider', { reason: 'long' }],
      ['COPIED_CAPTION', 'consider', { percent: 100 }],
      ['OWN_VOICE_MISSING', 'consider'],
      ['DISCLOSURE_OK', 'good'],
    ],
  },
  {
    name: 'the caption with one line of their own is still mostly a copy',
    language: 'en',
    text: 'Advertisement: Contoso is opening a new innovation centre in Aarhus with room for 200 developers! The centre will build the green energy solutions of the future together with customers and universities. I am so happy about it.\n\n#aarhus #energy #jobs',
    expected: [
      ['HOOK_WEAK', 'consider', { reason: 'long' }],
      ['COPIED_CAPTION', 'consider', { percent: 82 }],
      ['DISCLOSURE_OK', 'good'],
    ],
  },
  {
    name: 'six emoji are fine when the policy is "free"',
    language: 'en',
    settings: { emojiPolicy: 'free' },
    text: 'Advertisement: 🎉🎉 Today we celebrate 10 years in Horsens! 🥳🙏❤️👏\n\nThanks to every customer.\n\n#anniversary #horsens #thanks',
    expected: [
      ['DISCLOSURE_OK', 'good'],
      ['HOOK_GOOD', 'good', { reason: 'number' }],
      ['OWN_VOICE_GOOD', 'good'],
    ],
  },
  {
    name: 'a joined emoji, a flag and a skin tone each count once; © is no emoji',
    language: 'en',
    text: 'Advertisement: Today I shipped my first feature 👩‍💻🇩🇰👍🏽🚀 ©2026\n\n#code #denmark #firstfeature',
    expected: [
      ['EMOJI_AGAINST_POLICY', 'consider', { count: 4, max: 3 }],
      ['DISCLOSURE_OK', 'good'],
      ['HOOK_GOOD', 'good', { reason: 'number' }],
      ['OWN_VOICE_GOOD', 'good'],
    ],
  },
  {
    name: 'a "www." company link is untracked; a look-alike host is not the company',
    language: 'en',
    text: 'Advertisement: I wrote about our 3 new data centres.\n\nRead it at www.contoso.com/blog/datacentres, or use https://contoso.com/r/x9Y_z-1 so I can see the clicks. A copy is on https://contoso.com.example.net/blog too.\n\n#cloud #datacentres #green',
    expected: [
      ['UNTRACKED_LINK', 'consider', { url: 'www.contoso.com/blog/datacentres' }],
      ['DISCLOSURE_OK', 'good'],
      ['HOOK_GOOD', 'good', { reason: 'number' }],
      ['OWN_VOICE_GOOD', 'good'],
    ],
  },
  {
    name: 'the same untracked link twice is one finding',
    language: 'en',
    kind: 'voluntary',
    text: 'I work at Contoso. Apply here https://careers.contoso.com/jobs/42 today!\nAgain: https://careers.contoso.com/jobs/42\n\n#jobs #contoso #hiring',
    expected: [
      ['UNTRACKED_LINK', 'consider', { url: 'https://careers.contoso.com/jobs/42' }],
      ['HOOK_GOOD', 'good', { reason: 'moment' }],
      ['OWN_VOICE_GOOD', 'good'],
    ],
  },
  {
    name: 'a tagged handle and a colleague by full name; tagging the company is not a person',
    language: 'en',
    kind: 'voluntary',
    colleagueNames: COLLEAGUES,
    text: 'I work at Contoso, and yesterday @jonas and Anna Holm ran our first hackathon.\n\nThanks to @Contoso for the pizza.\n\n#hackathon #contoso #team',
    expected: [
      ['PEOPLE_CONSENT', 'consider', { name: 'jonas' }],
      ['PEOPLE_CONSENT', 'consider', { name: 'Anna Holm' }],
      ['HOOK_GOOD', 'good', { reason: 'moment' }],
      ['OWN_VOICE_GOOD', 'good'],
    ],
  },
  {
    name: 'a photo of colleagues',
    language: 'en',
    kind: 'voluntary',
    text: 'I work at Contoso and this photo of my colleagues at the summer party says it all.\n\n#summer #contoso #team',
    expected: [['PEOPLE_CONSENT', 'consider', { kind: 'photo' }]],
  },
  {
    name: 'voluntary post that does not name the employer',
    language: 'en',
    kind: 'voluntary',
    text: "Yesterday I finished the marathon with two people from my department. We ran for a children's charity.\n\n#marathon #charity #running",
    expected: [
      ['SAY_WHERE_YOU_WORK', 'consider', { company: 'Contoso' }],
      ['HOOK_GOOD', 'good', { reason: 'moment' }],
      ['OWN_VOICE_GOOD', 'good'],
    ],
  },
  {
    name: 'no first person at all ("US" is the country, not "us")',
    language: 'en',
    text: 'Advertisement: Contoso opens an office in the US.\n\nThe office will serve customers on the east coast.\n\n#us #expansion #office',
    expected: [
      ['OWN_VOICE_MISSING', 'consider'],
      ['DISCLOSURE_OK', 'good'],
    ],
  },
  {
    name: 'a 33-word sentence, and over 900 characters with no blank line',
    language: 'en',
    text:
      'Advertisement: Last week I visited our warehouse in Kolding, where the night team packs almost every order that leaves the country, and I wanted to see how they keep going when the season peaks.\n' +
      'The answer is simple. They plan every shift together, they rotate the heavy jobs, and they stop for a shared breakfast at three in the morning, no matter how busy it gets. Nobody skips it.\n' +
      'I joined them for one night and packed orders next to people who have done this for twenty years. My back still reminds me of it, but I understand the work much better now.\n' +
      'If you ever wonder how your parcel arrives on time, think of the people in Kolding who make it happen while the rest of us sleep. They deserve a thank you from all of us.\n' +
      'Next month I will go back with two colleagues from finance, because everyone who plans our budgets should see this at least once. I think it will change how we talk about costs.\n' +
      'Thank you to the whole night team for the coffee, the patience and the stories.\n\n#logistics #kolding #nightshift',
    expected: [
      ['HOOK_WEAK', 'consider', { reason: 'long', max: 140 }],
      ['LONG_SENTENCE', 'consider', { words: 33, count: 1 }],
      ['WALL_OF_TEXT', 'consider', { kind: 'block', max: 900 }],
      ['DISCLOSURE_OK', 'good'],
      ['OWN_VOICE_GOOD', 'good'],
    ],
  },
  {
    name: 'the tone setting is for Danish: an English "you" is fine with tone De',
    language: 'en',
    settings: { tone: 'De' },
    text: 'Advertisement: Have you tried our new pension advice?\n\nI used it myself last month.\n\n#pension #advice #money',
    expected: [
      ['DISCLOSURE_OK', 'good'],
      ['HOOK_GOOD', 'good', { reason: 'question' }],
      ['OWN_VOICE_GOOD', 'good'],
    ],
  },
];

/** The coach's input for a case (the reader's language is the draft's own). */
export function inputFor(c: DraftCase): CoachInput {
  return {
    text: c.text,
    network: c.network ?? 'linkedin',
    kind: c.kind ?? 'program',
    language: c.language,
    captions: CAPTIONS,
    ...(c.colleagueNames ? { colleagueNames: c.colleagueNames } : {}),
  };
}

/** The settings for a case: the test settings with the case's changes. */
export function settingsFor(c: DraftCase): CoachSettings {
  return { ...TEST_SETTINGS, ...c.settings };
}
