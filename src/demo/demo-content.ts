/**
 * The demo library of "Nordlys Energi": about thirty approved items in Danish and English across every
 * built-in topic, three waiting for review and one draft, so a newcomer opens a full library at once.
 *
 * Seeded through the content use cases (upload image → create → submit → approve), authored by a comms
 * admin and approved by a different approver, so the workflow and its history are real. Each step runs
 * on a clock set to the item's own day, so the library has a believable "newest" order and history.
 */
import type { Language } from '../domain/person';
import type { Network } from '../domain/program';
import type { RoleRules } from '../domain/roles';
import type { Clock } from '../ports/clock';
import { createContentItem } from '../services/create-content-item';
import type { ContentDeps } from '../services/deps';
import { listContentItems } from '../services/list-content-items';
import { transitionContentItem } from '../services/transition-content-item';
import { uploadImage } from '../services/upload-image';
import { demoImagePng } from './demo-images';
import { DEMO_DOMAIN, demoApprovers, demoCommsAdmins, generateDemoOrg } from './demo-org';

/** One demo item, in the words an editor would have written it. Days are relative to the first start. */
export interface DemoItem {
  /** Stable name: the picture's seed, and how tests refer to an item. */
  key: string;
  topic: 'internal-news' | 'product' | 'thought-leadership' | 'jobs' | 'events' | 'sustainability';
  language: Language;
  title: string;
  body: string;
  /** A path on the demo company's website. */
  path: string;
  networks: Network[];
  /** Two or three variants in the item's language, handed out in turn. */
  captions: string[];
  /** Shared at the employer's request (job ads, products, campaigns), so posts get "Reklame" first. */
  advertising: boolean;
  pinned?: boolean;
  evergreen?: boolean;
  /** Approved this many days ago (or, for items not approved, last touched). */
  daysAgo: number;
  /** Shown until this many days from now (not for evergreen items). */
  validForDays?: number;
  /** Where the item stands; approved unless told. */
  status?: 'approved' | 'in_review' | 'draft';
}

const site = `https://www.${DEMO_DOMAIN}`;

export const DEMO_ITEMS: readonly DemoItem[] = [
  // ---- Internal news --------------------------------------------------------------------------------
  {
    key: 'driftscenter-aarhus',
    topic: 'internal-news',
    language: 'da',
    title: 'Nyt driftscenter i Aarhus holder øje med 38.000 km elnet',
    body: 'Fra mandag styres hele vores elnet fra det nye driftscenter på Ceres-grunden i Aarhus.\n\nHer sidder 24 kolleger døgnet rundt og følger spændinger, belastning og fejl i realtid, og de kan sende montører ud, før kunderne opdager, at noget er galt.\n\n**Læs hvordan centeret er bygget, og mød holdet bag.**',
    path: '/nyheder/nyt-driftscenter-aarhus',
    networks: ['linkedin', 'facebook'],
    captions: [
      'Stolt i dag: vores nye driftscenter i Aarhus er åbnet, og herfra holder kollegerne øje med 38.000 km elnet døgnet rundt. Det er dem, der sørger for, at lyset bliver ved med at være tændt. #energi #elnet #Aarhus',
      'Har du tænkt over, hvem der våger over elnettet kl. 3 om natten? Fra i dag gør 24 af mine kolleger det fra vores nye driftscenter i Aarhus. Kig med indenfor 👇 #NordlysEnergi #elnet',
      'Nyt driftscenter, samme mission: strøm, der bare virker. Jeg er imponeret over, hvad holdet har bygget op i Aarhus. #energi #forsyningssikkerhed',
    ],
    advertising: true,
    pinned: true,
    daysAgo: 2,
    validForDays: 60,
  },
  {
    key: 'torben-25-aar',
    topic: 'internal-news',
    language: 'da',
    title: 'Torben har kravlet i master i 25 år: tillykke med jubilæet',
    body: 'Torben Skov startede som lærling i 2001 og har siden været med til at rejse, reparere og tage hundredvis af master ned i Vestjylland.\n\nVi spurgte ham, hvad der har ændret sig mest. Svaret: "Værktøjet. Men ikke kollegerne, de er stadig de bedste."',
    path: '/nyheder/torben-25-aars-jubilaeum',
    networks: ['linkedin', 'facebook'],
    captions: [
      '25 år, utallige master og altid med et smil. Kæmpe tillykke til min kollega Torben, der fejrer jubilæum i dag. Du er grunden til, at mange af os blev i faget. 🎉',
      'Da Torben startede som lærling i 2001, havde ingen af os en smartphone i lommen. I dag fejrer vi hans 25 år i marken. Tillykke, og tak for alt, hvad du har lært os!',
    ],
    advertising: false,
    daysAgo: 5,
    validForDays: 30,
  },
  {
    key: '100000-maalere',
    topic: 'internal-news',
    language: 'da',
    title: 'Milepæl: 100.000 fjernaflæste målere er sat op',
    body: 'Vores montører har nu skiftet 100.000 gamle elmålere ud med fjernaflæste målere.\n\nDet betyder, at kunderne kan følge deres forbrug time for time, og at vi opdager fejl i nettet langt hurtigere. De sidste 40.000 målere følger inden sommer.',
    path: '/nyheder/100000-fjernaflaeste-maalere',
    networks: ['linkedin', 'facebook', 'x'],
    captions: [
      '100.000 nye målere er sat op! Det betyder forbrug time for time for kunderne og hurtigere fejlfinding for os. Stærkt gået af montørerne. #elnet #digitalisering',
      'Vi har rundet 100.000 fjernaflæste målere. Små bokse, stor forskel: nu kan vi se fejl i nettet, før kunderne ringer. #NordlysEnergi',
    ],
    advertising: true,
    daysAgo: 9,
    validForDays: 45,
  },
  {
    key: 'stormen-nordjylland',
    topic: 'internal-news',
    language: 'da',
    title: 'Sådan holdt vi strømmen tændt, da stormen ramte',
    body: 'Da stormen ramte Nordjylland i weekenden, var 11.000 husstande uden strøm på det højeste.\n\n140 kolleger fra drift, kundeservice og IT arbejdede i døgndrift, og efter 19 timer var de sidste kunder koblet på igen. Her er historien fra kontrolrummet og ude i marken.',
    path: '/nyheder/stormen-i-nordjylland',
    networks: ['linkedin', 'facebook'],
    captions: [
      'Weekendens storm var hård, men jeg er stolt af mine kolleger: 140 mand i døgndrift, og efter 19 timer var alle kunder tilbage på nettet. Tak for jeres indsats! #storm #beredskab',
      'Mens de fleste af os holdt os inde i weekenden, var mine kolleger ude i stormen for at få strømmen tilbage til 11.000 hjem. Læs hvordan de gjorde det. #Nordjylland #elnet',
      'Beredskab er ikke noget, man ser, før det virker. Her er historien om 19 travle timer i stormvejret. #forsyningssikkerhed',
    ],
    advertising: true,
    daysAgo: 14,
    validForDays: 30,
  },
  {
    key: 'cykelholdet',
    topic: 'internal-news',
    language: 'da',
    title: 'Kolleger cyklede 1.200 km og samlede 86.000 kr. ind',
    body: 'Nordlys-cykelholdet kørte i år fra Skagen til Gedser på seks dage og samlede 86.000 kr. ind til Kræftens Bekæmpelse.\n\nHoldet består af 14 kolleger fra fem afdelinger, og der er plads til flere næste år.',
    path: '/nyheder/cykelholdet-skagen-gedser',
    networks: ['linkedin', 'facebook', 'instagram'],
    captions: [
      '1.200 km, seks dage, ømme lår og 86.000 kr. til Kræftens Bekæmpelse. Jeg er så glad for, at jeg sagde ja til at cykle med kollegerne i år. 🚴',
      'Skagen til Gedser på cykel sammen med 13 kolleger. Vi samlede 86.000 kr. ind, og jeg er allerede tilmeldt igen næste år. Hvem er med?',
    ],
    advertising: false,
    daysAgo: 21,
    validForDays: 40,
  },
  {
    key: 'graduates-2026',
    topic: 'internal-news',
    language: 'en',
    title: 'Meet the graduate class of 2026',
    body: 'Eighteen new graduates started with us this month: engineers, data people, economists and one geologist.\n\nOver the next two years they will rotate through grid planning, operations and IT, and each of them leads a real project from day one.',
    path: '/en/news/graduate-class-2026',
    networks: ['linkedin'],
    captions: [
      'Welcome to the 18 graduates who started with us this month! I remember my own first week here: a lot of new names, and a real project from day one. You are going to love it. #graduates #energy',
      'Our graduate class of 2026 has landed: engineers, data people, economists and one geologist. Two years, three rotations and a lot of grid to learn about. Welcome aboard! #earlycareers',
    ],
    advertising: true,
    daysAgo: 6,
    validForDays: 45,
  },
  // ---- Products -------------------------------------------------------------------------------------
  {
    key: 'ladeboks-hjem',
    topic: 'product',
    language: 'da',
    title: 'Ladeboks til hjemmet: lad bilen, når strømmen er billigst',
    body: 'Med Nordlys Ladeboks lader elbilen automatisk i de timer, hvor strømmen er billigst og grønnest.\n\nVi står for installationen, og du følger det hele i appen. Fast månedspris, ingen binding.',
    path: '/privat/ladeboks',
    networks: ['linkedin', 'facebook', 'instagram'],
    captions: [
      'Jeg har selv haft vores ladeboks i et halvt år, og jeg tænker ikke længere over, hvornår bilen lader. Den finder selv de billige timer om natten. #elbil #opladning',
      'Elbil i indkørslen? Vores ladeboks lader, når strømmen er billigst og grønnest, og vi sætter den op for dig. #elbil #grønomstilling',
      'Det bedste ved at lade hjemme: man vågner til en fuld bil og en lavere regning. Se hvordan vores ladeboks gør det. #elbil',
    ],
    advertising: true,
    daysAgo: 4,
    validForDays: 90,
  },
  {
    key: 'app-forbrug',
    topic: 'product',
    language: 'da',
    title: 'Ny app: se dit elforbrug time for time',
    body: 'Den nye Nordlys-app viser dit forbrug time for time, prisen lige nu og de næste 24 timers priser.\n\nDu kan sætte en alarm, når strømmen er billig, og se hvor meget din varmepumpe eller elbil bruger.',
    path: '/privat/app',
    networks: ['linkedin', 'facebook', 'x'],
    captions: [
      'Vores nye app er ude! Se dit forbrug time for time og få besked, når strømmen er billigst. Jeg har været med til at teste den, og den er blevet rigtig god. #app #elpris',
      'Hvornår er strømmen billigst i dag? Nu kan du se det direkte i vores nye app, sammen med dit eget forbrug time for time. #energi #app',
    ],
    advertising: true,
    pinned: true,
    daysAgo: 3,
    validForDays: 60,
  },
  {
    key: 'varmepumpe-tjek',
    topic: 'product',
    language: 'da',
    title: 'Gratis varmepumpe-tjek: er dit hus klar?',
    body: 'Overvejer du at skifte oliefyret eller gasfyret ud? Book et gratis tjek, så kommer en af vores energirådgivere ud og ser på huset.\n\nDu får en skriftlig vurdering af, hvilken varmepumpe der passer, hvad den koster, og hvad du kan spare.',
    path: '/privat/varmepumpe-tjek',
    networks: ['facebook', 'linkedin'],
    captions: [
      'Mange spørger mig, om deres hus egner sig til en varmepumpe. Nu kan I få svaret gratis: vores rådgivere kommer ud og kigger. #varmepumpe #energibesparelse',
      'Farvel til gasfyret? Book et gratis varmepumpe-tjek, og få en ærlig vurdering af, hvad der passer til netop dit hus. #varmepumpe',
    ],
    advertising: true,
    daysAgo: 12,
    validForDays: 75,
  },
  {
    key: 'nordlys-flex',
    topic: 'product',
    language: 'en',
    title: 'Nordlys Flex: a tariff that pays you to use power when it is green',
    body: 'Nordlys Flex follows the hourly market price, and shows you a day ahead when the power is cheapest and greenest.\n\nMove the dishwasher, the washing machine or the car charging to those hours, and the savings show on your next bill.',
    path: '/en/private/nordlys-flex',
    networks: ['linkedin', 'x'],
    captions: [
      'Our new Flex tariff shows you a day ahead when power is cheapest and greenest. Move the washing to those hours and save. Simple, and it helps the grid too. #energy',
      'What if your electricity bill rewarded you for using power when the wind blows? That is Nordlys Flex. #greenenergy #flexibility',
    ],
    advertising: true,
    daysAgo: 16,
    validForDays: 90,
  },
  {
    key: 'charging-hubs',
    topic: 'product',
    language: 'en',
    title: 'Charging hubs for businesses: 40 new sites across Jutland',
    body: 'Fleet owners and employers can now put fast chargers on their own site, with Nordlys planning, installing and running them.\n\nThis year we are opening 40 business charging hubs across Jutland, from Esbjerg to Aalborg.',
    path: '/en/business/charging-hubs',
    networks: ['linkedin'],
    captions: [
      'Electric vans need somewhere to charge overnight. This year we are building 40 charging hubs for businesses across Jutland, and I am proud to be on the team planning them. #emobility #fleet',
      'Got a fleet going electric? We plan, install and run fast chargers on your own site. 40 new business hubs are coming to Jutland this year. #EVcharging',
    ],
    advertising: true,
    daysAgo: 25,
    validForDays: 60,
  },
  // ---- Thought leadership ---------------------------------------------------------------------------
  {
    key: 'elnettet-fordobles',
    topic: 'thought-leadership',
    language: 'da',
    title: 'Elnettet skal fordobles inden 2040: sådan planlægger vi det',
    body: 'Elbiler, varmepumper og datacentre betyder, at danskerne bruger langt mere strøm i 2040 end i dag.\n\nVores direktør for netudvikling forklarer, hvordan vi planlægger 20 års udbygning: hvor der skal graves, hvor data kan spare os for kabler, og hvorfor fleksibelt forbrug er en del af løsningen.',
    path: '/viden/elnettet-skal-fordobles',
    networks: ['linkedin'],
    captions: [
      'Vi skal have dobbelt så meget strøm gennem nettet i 2040. Det kræver kabler, men også klog brug af data. Læs hvordan vi griber det an. #grønomstilling #elnet',
      'Hvordan planlægger man 20 års udbygning af et elnet? Min kollega giver et af de bedste svar, jeg har læst. Værd at bruge fem minutter på. #energi #infrastruktur',
    ],
    advertising: true,
    evergreen: true,
    daysAgo: 30,
  },
  {
    key: 'fleksibelt-forbrug',
    topic: 'thought-leadership',
    language: 'da',
    title: 'Fleksibelt elforbrug: derfor betyder timen noget',
    body: 'Strøm brugt kl. 17 koster mere, udleder mere og belaster nettet mere end strøm brugt kl. 02.\n\nVi forklarer, hvorfor tidspunktet betyder så meget, og hvad det betyder for din regning, når flere og flere flytter forbruget.',
    path: '/viden/fleksibelt-elforbrug',
    networks: ['linkedin', 'facebook'],
    captions: [
      'Det er ikke kun hvor meget strøm vi bruger, men hvornår. Her er en god forklaring på, hvorfor timen betyder noget for både klimaet og regningen. #fleksibilitet #energi',
      'Vidste du, at strøm kl. 17 både er dyrere og sortere end strøm kl. 2 om natten? God og kort forklaring fra mine kolleger. #elpris #grønstrøm',
    ],
    advertising: true,
    evergreen: true,
    daysAgo: 45,
  },
  {
    key: 'myter-varmepumper',
    topic: 'thought-leadership',
    language: 'da',
    title: 'Fem myter om varmepumper, og hvad data faktisk viser',
    body: 'Larmer de? Virker de i frostvejr? Kan de betale sig i et gammelt hus?\n\nVi har kigget på måledata fra 6.000 varmepumper i vores net og tager de fem mest udbredte myter op én for én.',
    path: '/viden/myter-om-varmepumper',
    networks: ['linkedin', 'facebook', 'x'],
    captions: [
      'Virker en varmepumpe i frostvejr? Vi har data fra 6.000 af dem, og svaret er ja. Her er fem myter, der ikke holder. #varmepumpe #data',
      'Fem myter om varmepumper, testet mod rigtige måledata. Nummer tre overraskede mig. #varmepumpe #energi',
    ],
    advertising: true,
    evergreen: true,
    daysAgo: 60,
  },
  {
    key: 'cybersikkerhed',
    topic: 'thought-leadership',
    language: 'da',
    title: 'Cybersikkerhed i kritisk infrastruktur: sådan arbejder vi',
    body: 'Et elnet er et oplagt mål for angreb. Vores sikkerhedschef fortæller, hvordan vi adskiller driftsnettet fra kontor-IT, øver nedbrud hvert kvartal og deler viden med resten af branchen.',
    path: '/viden/cybersikkerhed-kritisk-infrastruktur',
    networks: ['linkedin'],
    captions: [
      'Hvordan beskytter man et elnet mod hackere? Ikke med én mur, men med mange lag og masser af øvelse. Stærk artikel fra vores sikkerhedschef. #cybersikkerhed #kritiskinfrastruktur',
      'Vi øver nedbrud hvert kvartal, så vi er klar den dag, det gælder. Læs hvordan vi arbejder med cybersikkerhed. #sikkerhed #IT',
    ],
    advertising: true,
    daysAgo: 18,
    validForDays: 120,
  },
  {
    key: 'smart-meter-lessons',
    topic: 'thought-leadership',
    language: 'en',
    title: 'What ten years of smart-meter data taught us about peak demand',
    body: 'We have hourly readings from most of our customers going back a decade.\n\nOur data team looked for patterns in the evening peak: what drives it, what has changed since heat pumps and electric cars arrived, and which nudges actually move demand.',
    path: '/en/insights/smart-meter-lessons',
    networks: ['linkedin', 'x'],
    captions: [
      'Ten years of hourly meter data, one question: what really drives the evening peak? Great read from our data team. #data #energy',
      'The evening peak is changing fast as heat pumps and EVs arrive. My colleagues dug through a decade of meter data to see how. #smartgrid',
    ],
    advertising: true,
    evergreen: true,
    daysAgo: 40,
  },
  {
    key: 'grid-bottleneck',
    topic: 'thought-leadership',
    language: 'en',
    title: 'Opinion: the grid is the bottleneck of the green transition',
    body: 'Wind farms get the headlines, but the cables that carry the power get the queues. Our CEO argues that planning rules, not technology, are what slows the transition down, and proposes three changes.',
    path: '/en/insights/grid-bottleneck',
    networks: ['linkedin'],
    captions: [
      'Wind turbines get the headlines; cables get the queues. Our CEO on why grid planning is the real bottleneck of the green transition, and three ways to fix it. #energytransition',
      'A sharp opinion piece from our CEO: we have the technology, what we need is faster grid planning. Worth a read if you care about the transition. #grid #policy',
    ],
    advertising: true,
    daysAgo: 8,
    validForDays: 90,
  },
  // ---- Jobs -----------------------------------------------------------------------------------------
  {
    key: 'elektrikerlaerlinge',
    topic: 'jobs',
    language: 'da',
    title: 'Vi søger 12 elektrikerlærlinge til efteråret',
    body: 'Vil du have et håndværk med fremtid? Vi tager 12 nye elektrikerlærlinge ind til august i Aarhus, Odense og Esbjerg.\n\nDu får en fast mentor, løn under hele uddannelsen og en hverdag ude i marken med erfarne kolleger. Ansøgningsfrist om fem uger.',
    path: '/job/elektrikerlaerlinge',
    networks: ['linkedin', 'facebook', 'instagram'],
    captions: [
      'Jeg startede selv som lærling her for otte år siden. Nu søger vi 12 nye elektrikerlærlinge. Kender du en, der har lyst til et håndværk med fremtid? #lærling #elektriker',
      'Kender du en ung, der er god med hænderne og vil være med til den grønne omstilling? Vi søger 12 elektrikerlærlinge til august. Del gerne! #job #lærlingeplads',
      'Fast mentor, løn fra dag ét og rigtige opgaver ude i marken. Vi søger 12 elektrikerlærlinge i Aarhus, Odense og Esbjerg. #elektrikerlærling',
    ],
    advertising: true,
    pinned: true,
    daysAgo: 1,
    validForDays: 35,
  },
  {
    key: 'kunderaadgiver-odense',
    topic: 'jobs',
    language: 'da',
    title: 'Kunderådgiver i Odense: hjælp danskerne gennem energiskiftet',
    body: 'Kunderne ringer om elpriser, varmepumper og ladebokse, og de har brug for en, der forklarer det enkelt.\n\nVi søger to kunderådgivere til vores team i Odense. Du får en grundig oplæring og gode kolleger, og du kan arbejde hjemme to dage om ugen.',
    path: '/job/kunderaadgiver-odense',
    networks: ['linkedin', 'facebook'],
    captions: [
      'Vi søger to nye kolleger til kundeservice i Odense! Det er et job, hvor man hjælper folk med noget, der betyder noget for dem. #job #Odense #kundeservice',
      'Kan du forklare elpriser, så din mormor forstår dem? Så søger vi dig til kundeservice i Odense. Hjemmearbejde to dage om ugen. #job',
    ],
    advertising: true,
    daysAgo: 7,
    validForDays: 21,
  },
  {
    key: 'netplanlaegger-esbjerg',
    topic: 'jobs',
    language: 'da',
    title: 'Netplanlægger til Esbjerg',
    body: 'Havvind, elkedler og nye boligområder: Vestjylland vokser, og nettet skal følge med.\n\nSom netplanlægger beregner du, hvor der skal bygges, og du følger projekterne fra tegnebordet til spadestik. Ingeniør eller tilsvarende, gerne med lidt erfaring.',
    path: '/job/netplanlaegger-esbjerg',
    networks: ['linkedin'],
    captions: [
      'Vil du være med til at bestemme, hvor fremtidens elnet i Vestjylland skal ligge? Vi søger en netplanlægger til mit team i Esbjerg. #ingeniør #job #Esbjerg',
      'Et job, hvor dine beregninger bliver til kabler i jorden. Vi søger en netplanlægger til Esbjerg. Skriv endelig, hvis du vil høre mere om holdet. #elnet #ingeniørjob',
    ],
    advertising: true,
    daysAgo: 10,
    validForDays: 30,
  },
  {
    key: 'sommerjob-studerende',
    topic: 'jobs',
    language: 'da',
    title: 'Sommerjob for studerende: prøv kræfter med elnettet',
    body: 'Læser du til ingeniør, dataanalytiker eller økonom? Vi har 15 sommerjob, hvor du arbejder på en rigtig opgave sammen med vores faste folk.\n\nSidste år byggede sommerholdet blandt andet et værktøj, der finder overbelastede kabler.',
    path: '/job/sommerjob',
    networks: ['linkedin', 'instagram'],
    captions: [
      'Sidste sommer byggede vores studerende et værktøj, vi stadig bruger hver dag. Nu søger vi 15 nye til sommerholdet. Kender du en studerende, der skal vide det? #sommerjob #studiejob',
      'Sommerjob med en rigtig opgave og rigtige kolleger. Vi har 15 pladser til ingeniør-, data- og økonomistuderende. #sommerjob',
    ],
    advertising: true,
    daysAgo: 11,
    validForDays: 40,
  },
  {
    key: 'cloud-engineers',
    topic: 'jobs',
    language: 'en',
    title: "We're hiring cloud engineers in Copenhagen",
    body: 'Our IT team runs the systems that keep the grid running: metering, outage management and customer platforms.\n\nWe are looking for two cloud engineers who like infrastructure as code and care about uptime. English is our working language in the platform team.',
    path: '/en/jobs/cloud-engineer',
    networks: ['linkedin', 'x'],
    captions: [
      'My team is hiring two cloud engineers in Copenhagen! Infrastructure as code, real uptime targets, and work that keeps the lights on. DM me if you want to know more. #hiring #cloud',
      'Looking for a cloud job that matters? We run the platforms behind a national power grid. Two openings in Copenhagen, English-speaking team. #devops #jobs',
    ],
    advertising: true,
    daysAgo: 5,
    validForDays: 30,
  },
  {
    key: 'graduate-programme-2027',
    topic: 'jobs',
    language: 'en',
    title: 'Graduate programme 2027: applications are open',
    body: 'Two years, three rotations, one real project from the first day. Our graduate programme takes engineers, data scientists and economists who want to work on the energy transition.\n\nApplications close in six weeks.',
    path: '/en/jobs/graduate-programme',
    networks: ['linkedin', 'instagram'],
    captions: [
      'Two years ago I started on this programme; now I plan grid upgrades for half of Funen. If you graduate next year, apply! #graduates #energytransition',
      'Applications are open for our 2027 graduate programme: three rotations, a mentor, and real responsibility from day one. Know someone who is finishing their degree? #graduatejobs',
    ],
    advertising: true,
    daysAgo: 13,
    validForDays: 42,
  },
  // ---- Events ---------------------------------------------------------------------------------------
  {
    key: 'aabent-hus-aalborg',
    topic: 'events',
    language: 'da',
    title: 'Åbent hus på transformerstationen i Aalborg',
    body: 'Lørdag om to uger åbner vi dørene til vores nye transformerstation i Aalborg Øst.\n\nKom og se, hvordan strømmen fra havvindmøllerne bliver til strøm i stikkontakten. Der er rundvisninger hver halve time, kaffe og en hoppeborg til børnene.',
    path: '/arrangementer/aabent-hus-aalborg',
    networks: ['facebook', 'instagram', 'linkedin'],
    captions: [
      'Har du altid ville vide, hvad der sker inde bag hegnet? Kom til åbent hus på vores nye transformerstation i Aalborg. Jeg står selv for en af rundvisningerne! #Aalborg #åbenthus',
      'Familietur med et twist: åbent hus på transformerstationen i Aalborg Øst, med rundvisninger, kaffe og hoppeborg. Vi ses! #Aalborg',
    ],
    advertising: true,
    daysAgo: 3,
    validForDays: 14,
  },
  {
    key: 'folkemoedet',
    topic: 'events',
    language: 'da',
    title: 'Mød os på Folkemødet: debat om fremtidens elnet',
    body: 'Hvem skal betale for fremtidens elnet, og hvor hurtigt kan det bygges? Vi holder debat på Folkemødet med politikere, en forbrugerorganisation og en vindmølleudvikler.\n\nKom forbi vores telt ved havnen, også bare til en kop kaffe.',
    path: '/arrangementer/folkemoedet',
    networks: ['linkedin', 'x'],
    captions: [
      'Hvem skal betale for fremtidens elnet? Det debatterer vi på Folkemødet med politikere og branchen. Kom forbi teltet ved havnen. #fm26 #Folkemødet',
      'Jeg er på Folkemødet med kollegerne i år. Kig forbi til debat om elnettet eller bare en kop kaffe. #Folkemødet #energi',
    ],
    advertising: true,
    daysAgo: 15,
    validForDays: 25,
  },
  {
    key: 'skills-freja',
    topic: 'events',
    language: 'da',
    title: 'DM i Skills: vores lærling Freja tog sølv',
    body: 'Freja Lund, elektrikerlærling på tredje år i Odense, vandt sølv ved DM i Skills i weekenden.\n\nOpgaven var at installere og fejlfinde en komplet eltavle på tre timer. Vi er mega stolte!',
    path: '/nyheder/dm-i-skills-soelv',
    networks: ['linkedin', 'facebook', 'instagram'],
    captions: [
      'Sølv ved DM i Skills! Min lærling Freja har knoklet for det her, og hun fortjener hvert sekund af opmærksomheden. Tillykke! 🥈',
      'Tre timer, én eltavle og en sølvmedalje. Sikke en præstation af Freja ved DM i Skills. Hele værkstedet er stolte. #DMiSkills #lærling',
    ],
    advertising: false,
    daysAgo: 19,
    validForDays: 30,
  },
  {
    key: 'nordic-grid-summit',
    topic: 'events',
    language: 'en',
    title: 'Join us at Nordic Grid Summit 2026 in Copenhagen',
    body: 'Three of our engineers are speaking at Nordic Grid Summit this year, on flexibility markets, cable ageing and machine learning for outage prediction.\n\nFind us at stand B14, and book a meeting with the team in advance.',
    path: '/en/events/nordic-grid-summit',
    networks: ['linkedin', 'x'],
    captions: [
      'I am speaking at Nordic Grid Summit in Copenhagen about predicting outages with machine learning. Come and say hi at stand B14! #NGS2026 #smartgrid',
      'Three of my colleagues are on stage at Nordic Grid Summit this year. Flexibility, cables and machine learning: see you in Copenhagen. #gridtech',
    ],
    advertising: true,
    daysAgo: 6,
    validForDays: 21,
  },
  {
    key: 'data-meetup',
    topic: 'events',
    language: 'en',
    title: 'Tech meetup: data engineering for the energy transition',
    body: 'We are hosting an evening meetup at our Copenhagen office: two short talks on streaming meter data at scale and forecasting load with open weather data, then pizza and conversation.\n\nFree, but seats are limited.',
    path: '/en/events/data-meetup',
    networks: ['linkedin', 'x'],
    captions: [
      'Join our data team for an evening of talks on meter data at scale and load forecasting, then pizza. Free, seats limited. #dataengineering #meetup',
      'We are opening our Copenhagen office for a data engineering meetup. Two talks, pizza and good people from the energy world. #CPHtech',
    ],
    advertising: true,
    daysAgo: 2,
    validForDays: 18,
  },
  // ---- Sustainability ------------------------------------------------------------------------------
  {
    key: 'bilpark-co2',
    topic: 'sustainability',
    language: 'da',
    title: 'Vi har halveret CO₂-udledningen fra vores bilpark',
    body: '420 af vores 600 servicevogne kører nu på strøm, og udledningen fra bilparken er halveret på tre år.\n\nMontørerne lader om natten på depoterne og har fået værktøj, der virker på batteri. Næste skridt: de store kranvogne.',
    path: '/baeredygtighed/elektrisk-bilpark',
    networks: ['linkedin', 'facebook', 'instagram'],
    captions: [
      'For tre år siden kørte jeg diesel. I dag lader min servicevogn på depotet om natten, ligesom 420 af mine kollegers. Udledningen fra bilparken er halveret. #elbil #bæredygtighed',
      'Halveret CO₂ fra bilparken på tre år. Det er ikke en plan, det er allerede sket. Stolt af at være en del af det. #grønomstilling',
      'Vidste du, at de fleste af vores servicevogne nu kører på strøm? Næste mål er de store kranvogne. #bæredygtighed #elbiler',
    ],
    advertising: true,
    pinned: true,
    daysAgo: 4,
    validForDays: 60,
  },
  {
    key: 'solcellepark-esbjerg',
    topic: 'sustainability',
    language: 'da',
    title: 'Ny solcellepark ved Esbjerg leverer strøm til 9.000 husstande',
    body: 'Solcelleparken ved Tjæreborg er nu koblet på vores net. 58 hektar paneler leverer strøm svarende til 9.000 husstandes forbrug.\n\nUnder panelerne græsser får, og langs hegnet er der sået vilde blomster.',
    path: '/baeredygtighed/solcellepark-tjaereborg',
    networks: ['linkedin', 'facebook', 'x'],
    captions: [
      'Strøm til 9.000 husstande fra solcelleparken ved Tjæreborg, og får, der græsser under panelerne. Godt at se det hele kørende. #solenergi #Esbjerg',
      'Vi har koblet en ny solcellepark på nettet ved Esbjerg. 58 hektar, 9.000 husstande og vilde blomster langs hegnet. #grønenergi',
    ],
    advertising: true,
    daysAgo: 20,
    validForDays: 60,
  },
  {
    key: 'kobber-genbrug',
    topic: 'sustainability',
    language: 'da',
    title: 'Gamle kabler bliver til nye: 300 tons kobber tilbage i kredsløbet',
    body: 'Når vi graver gamle kabler op, sender vi dem ikke længere til skrot. Sammen med et genvindingsfirma på Fyn skiller vi kobber, aluminium og plast ad, så metallet kan bruges i nye kabler.\n\nSidste år blev det til 300 tons kobber.',
    path: '/baeredygtighed/genbrug-af-kabler',
    networks: ['linkedin'],
    captions: [
      '300 tons kobber fra gamle kabler er kommet tilbage i kredsløbet i stedet for på skrotpladsen. Cirkulær økonomi i praksis. #genbrug #cirkulærøkonomi',
      'Hvad sker der med et kabel, når det graves op efter 50 år? Hos os bliver det til nye kabler. Sidste år 300 tons kobber. #bæredygtighed',
    ],
    advertising: true,
    evergreen: true,
    daysAgo: 35,
  },
  {
    key: 'fjernvarme-overskudsvarme',
    topic: 'sustainability',
    language: 'da',
    title: 'Overskudsvarme fra datacenter varmer 4.000 boliger op',
    body: 'Varmen fra et datacenter ved Odense gik før op i luften. Nu sender vi den ud i fjernvarmenettet, hvor den dækker 4.000 boligers forbrug.\n\nProjektet har sparet, hvad der svarer til 12.000 tons CO₂ om året.',
    path: '/baeredygtighed/overskudsvarme-odense',
    networks: ['linkedin', 'facebook'],
    captions: [
      'Spildvarme fra et datacenter holder nu 4.000 hjem i Odense varme. Et af de projekter, jeg bedst kan lide at fortælle om. #fjernvarme #overskudsvarme',
      'Før forsvandt varmen fra datacenteret op i luften, nu ender den i radiatorerne i 4.000 boliger. Sådan ser grøn omstilling ud. #Odense #fjernvarme',
    ],
    advertising: true,
    daysAgo: 27,
    validForDays: 90,
  },
  {
    key: 'wildflower-meadows',
    topic: 'sustainability',
    language: 'en',
    title: 'Biodiversity under the power lines: 40 km of wildflower meadows',
    body: 'The strips of land under our overhead lines used to be mown flat every summer. Now 40 km of them are wildflower meadows, planned with local nature groups.\n\nCounts this spring found three times as many bees and butterflies as on the mown strips.',
    path: '/en/sustainability/wildflower-meadows',
    networks: ['linkedin', 'instagram'],
    captions: [
      'Three times as many bees and butterflies: that is what 40 km of wildflower meadows under our power lines did this spring. Small change, big difference. #biodiversity',
      'We stopped mowing under the power lines and planted wildflowers instead. 40 km later, the bees are back. #biodiversity #sustainability',
    ],
    advertising: true,
    evergreen: true,
    daysAgo: 50,
  },
  // ---- Waiting for review --------------------------------------------------------------------------
  {
    key: 'vinterklar-elnet',
    topic: 'internal-news',
    language: 'da',
    title: 'Vinterklar: sådan gør vi elnettet klar til frost og sne',
    body: 'Inden den første frost tjekker vi 1.400 transformerstationer, beskærer træer langs luftledningerne og lægger reservedele ud på depoterne.\n\nMød holdet, der sørger for, at vinteren ikke slukker lyset.',
    path: '/nyheder/vinterklar',
    networks: ['linkedin', 'facebook'],
    captions: [
      'Mens vi andre finder vinterjakken frem, gør mine kolleger elnettet klar til frost. 1.400 stationer tjekkes inden december. #vinter #elnet',
      'Vinteren kommer, og nettet er klar. Se hvad der sker bag kulissen, før den første frost. #forsyningssikkerhed',
    ],
    advertising: true,
    daysAgo: 1,
    validForDays: 60,
    status: 'in_review',
  },
  {
    key: 'control-room-team',
    topic: 'jobs',
    language: 'en',
    title: 'Meet the team behind our new control room',
    body: 'Operators, engineers and a former air traffic controller: meet the people who run our grid around the clock, and find out how to join them.',
    path: '/en/jobs/control-room',
    networks: ['linkedin'],
    captions: [
      'What does it take to run a power grid at 3 a.m.? Meet my colleagues in the control room, and see how you could join them. #careers #energy',
      'From air traffic control to grid control: one of our operators tells how she switched careers. We are hiring for the team. #jobs',
    ],
    advertising: true,
    daysAgo: 0,
    validForDays: 30,
    status: 'in_review',
  },
  {
    key: 'batterilager-partnerskab',
    topic: 'thought-leadership',
    language: 'da',
    title: 'Nyt partnerskab med Aarhus Universitet om batterilagring',
    body: 'Kan store batterier i nettet udskyde dyre kabelprojekter? Sammen med Aarhus Universitet tester vi tre batterilagre i fem år og deler alle data åbent.',
    path: '/viden/batterilagring-partnerskab',
    networks: ['linkedin'],
    captions: [
      'Kan batterier erstatte nye kabler? Det tester vi nu sammen med Aarhus Universitet, og alle data bliver delt åbent. #batterilagring #forskning',
      'Fem års forsøg med batterier i elnettet, sammen med Aarhus Universitet. Jeg glæder mig til at se resultaterne. #energilagring',
    ],
    advertising: true,
    evergreen: true,
    daysAgo: 0,
    status: 'in_review',
  },
  // ---- A draft --------------------------------------------------------------------------------------
  {
    key: 'flex-erhverv-udkast',
    topic: 'product',
    language: 'da',
    title: 'Udkast: Nordlys Flex til erhverv',
    body: 'Timeafregnet strøm for virksomheder, med et dashboard for hver matrikel. Tekst og billede følger.',
    path: '/erhverv/nordlys-flex',
    networks: ['linkedin'],
    captions: [
      'Nu kan virksomheder også få strøm, der følger timeprisen, med et overblik for hver adresse. #erhverv',
      'Timepris og overblik for hver matrikel: Nordlys Flex kommer snart til erhverv. #energi',
    ],
    advertising: true,
    daysAgo: 0,
    validForDays: 90,
    status: 'draft',
  },
];

const DAY = 24 * 60 * 60 * 1000;

/**
 * The people the demo's content is written and approved by: the first configured comms admin, and the
 * first configured approver who is somebody else. Roles configured outside the demo org fall back to
 * the demo's own (the head of Communication writes, the communication team lead approves).
 */
export function demoContentPeople(roleRules: Pick<RoleRules, 'commsAdmins' | 'approvers'>) {
  const org = generateDemoOrg();
  const people = (upns: string[]) =>
    upns.flatMap((upn) => org.filter((p) => p.userPrincipalName?.toLowerCase() === upn.toLowerCase()));
  const author = [...people(roleRules.commsAdmins), ...people(demoCommsAdmins(org))][0];
  const approver = [...people(roleRules.approvers), ...people(demoApprovers(org))].find(
    (p) => p.id !== author?.id,
  );
  if (!author || !approver) {
    throw new Error('the demo org has no comms admin and separate approver to write the demo content');
  }
  return { authorId: author.id, approverId: approver.id };
}

/**
 * Seeds the demo library when the tenant has no content items yet; does nothing otherwise, so a
 * restart never duplicates it. Returns how many items it wrote.
 */
export async function seedDemoContent(
  deps: ContentDeps,
  input: { tenantId: string; roleRules: Pick<RoleRules, 'commsAdmins' | 'approvers'> },
): Promise<number> {
  const { tenantId } = input;
  const existing = await listContentItems(deps, { tenantId, status: null });
  if (Object.values(existing.counts).some((n) => n > 0)) return 0;
  const { authorId, approverId } = demoContentPeople(input.roleRules);
  const start = deps.clock.now().getTime();
  // Oldest first, so the transitions' ids follow their times.
  const items = [...DEMO_ITEMS].sort((a, b) => b.daysAgo - a.daysAgo);
  for (const item of items) {
    // Written the day before it was approved; each step a little later than the one before.
    const approvedAt = start - item.daysAgo * DAY;
    let at = approvedAt - DAY;
    const step = (minutes: number): ContentDeps => {
      at += minutes * 60_000;
      const when = new Date(Math.min(at, start));
      const clock: Clock = { now: () => when };
      return { ...deps, clock };
    };
    const image = await uploadImage(step(0), {
      tenantId,
      actorId: authorId,
      contentType: 'image/png',
      bytes: demoImagePng(item.topic, item.key),
    });
    const created = await createContentItem(step(5), {
      tenantId,
      actorId: authorId,
      content: {
        title: item.title,
        body: item.body,
        linkUrl: `${site}${item.path}`,
        imageId: image.id,
        imageUrl: null,
        topic: item.topic,
        language: item.language,
        networks: item.networks,
        captions: { da: [], en: [], [item.language]: item.captions },
        validFrom: null,
        validTo:
          item.evergreen || item.validForDays === undefined
            ? null
            : new Date(start + item.validForDays * DAY),
        evergreen: item.evergreen ?? false,
        pinned: item.pinned ?? false,
        advertising: item.advertising,
      },
      submit: false,
    });
    const status = item.status ?? 'approved';
    if (status === 'draft') continue;
    await transitionContentItem(step(20), {
      tenantId,
      actorId: authorId,
      itemId: created.id,
      action: 'submit',
    });
    if (status === 'in_review') continue;
    at = approvedAt - 60 * 60_000;
    await transitionContentItem(step(60), {
      tenantId,
      actorId: approverId,
      itemId: created.id,
      action: 'approve',
    });
  }
  return items.length;
}
