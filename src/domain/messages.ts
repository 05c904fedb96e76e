import { SCHEMA_MESSAGES } from '../contracts/schema-messages';
import { CANVAS_MESSAGES } from './catalogue/canvas';
import { DASHBOARD_MESSAGES } from './catalogue/dashboard';
import { DIGEST_MESSAGES } from './catalogue/digest';
import { GAMIFICATION_MESSAGES } from './catalogue/gamification';
import type { ContentStatus } from './content';
import type { Language } from './person';

/**
 * Every message Chorus shows a person when something fails, in each language it speaks. Errors and
 * field problems carry a `Message` (a key and its parameters), never finished text: each adapter
 * renders it in the language of whoever reads it. An entry without a language does not compile.
 */

type Phrases<P> = { readonly [L in Language]: (params: P) => string };

/** An entry whose words depend on parameters; `P` is shared by every language. */
const withParams = <P>(phrases: Phrases<P>): Phrases<P> => phrases;

const LANGUAGE_NAMES: Record<Language, Record<Language, string>> = {
  en: { da: 'Danish', en: 'English' },
  da: { da: 'dansk', en: 'engelsk' },
};

const ITEM_STATUS_DA: Record<ContentStatus, string> = {
  draft: 'Kladde',
  in_review: 'Til godkendelse',
  approved: 'Godkendt',
  rejected: 'Afvist',
  archived: 'Arkiveret',
};

type WorkflowStep = 'submit' | 'approve' | 'reject' | 'archive';
const STEP_EN: Record<WorkflowStep, string> = {
  submit: 'submitted',
  approve: 'approved',
  reject: 'rejected',
  archive: 'archived',
};
const STEP_DA: Record<WorkflowStep, string> = {
  submit: 'sendes til godkendelse',
  approve: 'godkendes',
  reject: 'afvises',
  archive: 'arkiveres',
};

const REQUEST_PART_DA = { body: 'indhold', query: 'søgeparametre', params: 'stiparametre' } as const;

const megabytes = (bytes: number) => `${bytes / 1024 / 1024} MB`;
const ACCEPTED_IMAGES = {
  en: 'upload a PNG, JPEG, WebP or GIF image',
  da: 'upload et PNG-, JPEG-, WebP- eller GIF-billede',
};

const DOMAIN_MESSAGES = {
  // ---- requests in general --------------------------------------------------------------------
  requestInvalid: { en: 'the request has invalid fields', da: 'anmodningen har ugyldige felter' },
  requestPartInvalid: withParams<{ part: 'body' | 'query' | 'params' }>({
    en: ({ part }) => `the request ${part} has invalid fields`,
    da: ({ part }) => `anmodningens ${REQUEST_PART_DA[part]} har ugyldige felter`,
  }),
  containsNul: {
    en: 'contains a NUL character (\\u0000), which text cannot hold',
    da: 'indeholder et NUL-tegn (\\u0000), som tekst ikke kan rumme',
  },
  needsRole: withParams<{ roles: readonly string[] }>({
    en: ({ roles }) => `this needs one of these roles: ${roles.join(', ')}`,
    da: ({ roles }) => `det kræver en af disse roller: ${roles.join(', ')}`,
  }),
  bodyNotJson: { en: 'the request body is not valid JSON', da: 'anmodningens indhold er ikke gyldig JSON' },
  bodyEmptyJson: {
    en: 'the request body is empty but says it is JSON',
    da: 'anmodningens indhold er tomt, men er angivet som JSON',
  },
  bodyTooLarge: { en: 'the request body is too large', da: 'anmodningens indhold er for stort' },
  bodyTypeRefused: {
    en: 'the content type of the request body is not accepted here: send application/json (image uploads: image/png, image/jpeg, image/webp or image/gif)',
    da: 'anmodningens indholdstype accepteres ikke her: send application/json (billeder: image/png, image/jpeg, image/webp eller image/gif)',
  },
  badUrl: { en: 'the address of the request is not valid', da: 'anmodningens adresse er ikke gyldig' },
  /** A client error from the web framework that has no entry of its own; `detail` is its English text. */
  badRequest: withParams<{ detail: string | null }>({
    en: ({ detail }) => detail ?? 'bad request',
    da: () => 'anmodningen kan ikke behandles',
  }),
  internal: {
    en: 'something went wrong on our side; quote the correlation id if you report it',
    da: "noget gik galt hos os; oplys korrelations-id'et, hvis du melder fejlen",
  },
  unavailable: {
    en: 'the service is briefly unavailable; try again in a few seconds',
    da: 'tjenesten er kortvarigt utilgængelig; prøv igen om et par sekunder',
  },
  noRoute: withParams<{ method: string; url: string }>({
    en: ({ method, url }) => `no route ${method} ${url}`,
    da: ({ method, url }) => `der findes ingen rute ${method} ${url}`,
  }),

  // ---- field problems from the wire schemas (zod), beyond a schema's own words -----------------
  wrongType: withParams<{ expected: string; received: string }>({
    en: ({ expected, received }) => `must be ${expected}, not ${received}`,
    da: ({ expected, received }) => `skal være af typen ${expected}, ikke ${received}`,
  }),
  oneOf: withParams<{ options: readonly (string | number)[] }>({
    en: ({ options }) => `must be one of: ${options.join(', ')}`,
    da: ({ options }) => `skal være en af: ${options.join(', ')}`,
  }),
  unknownFields: withParams<{ keys: readonly string[] }>({
    en: ({ keys }) => `unknown field(s): ${keys.join(', ')}`,
    da: ({ keys }) => `${keys.length === 1 ? 'ukendt felt' : 'ukendte felter'}: ${keys.join(', ')}`,
  }),
  notEmpty: { en: 'cannot be empty', da: 'skal udfyldes' },
  minChars: withParams<{ min: number }>({
    en: ({ min }) => `needs at least ${min} characters`,
    da: ({ min }) => `skal være på mindst ${min} tegn`,
  }),
  maxChars: withParams<{ max: number }>({
    en: ({ max }) => `is at most ${max} characters`,
    da: ({ max }) => `må højst være på ${max} tegn`,
  }),
  minItems: withParams<{ min: number }>({
    en: ({ min }) => `needs at least ${min} ${min === 1 ? 'entry' : 'entries'}`,
    da: ({ min }) => `skal have mindst ${min} ${min === 1 ? 'element' : 'elementer'}`,
  }),
  maxItems: withParams<{ max: number }>({
    en: ({ max }) => `has at most ${max} ${max === 1 ? 'entry' : 'entries'}`,
    da: ({ max }) => `må højst have ${max} ${max === 1 ? 'element' : 'elementer'}`,
  }),
  minNumber: withParams<{ min: number; inclusive: boolean }>({
    en: ({ min, inclusive }) => (inclusive ? `must be at least ${min}` : `must be greater than ${min}`),
    da: ({ min, inclusive }) => (inclusive ? `skal være mindst ${min}` : `skal være større end ${min}`),
  }),
  maxNumber: withParams<{ max: number; inclusive: boolean }>({
    en: ({ max, inclusive }) => (inclusive ? `must be at most ${max}` : `must be less than ${max}`),
    da: ({ max, inclusive }) => (inclusive ? `må højst være ${max}` : `skal være mindre end ${max}`),
  }),
  notMultipleOf: withParams<{ of: number }>({
    en: ({ of }) => `must be a multiple of ${of}`,
    da: ({ of }) => `skal være et multiplum af ${of}`,
  }),
  notFinite: { en: 'must be a finite number', da: 'skal være et endeligt tal' },
  notUrl: { en: 'must be a full web address', da: 'skal være en fuld webadresse' },
  notDateTime: {
    en: 'must be an ISO date and time, e.g. 2026-12-01T08:00:00Z',
    da: 'skal være dato og klokkeslæt i ISO-format, f.eks. 2026-12-01T08:00:00Z',
  },
  notDate: { en: 'is not a valid date', da: 'er ikke en gyldig dato' },
  wrongFormat: { en: 'has the wrong format', da: 'har ikke det rigtige format' },
  mustEqual: withParams<{ expected: string }>({
    en: ({ expected }) => `must be ${expected}`,
    da: ({ expected }) => `skal være ${expected}`,
  }),
  invalidValue: { en: 'has an invalid value', da: 'har en ugyldig værdi' },

  // ---- signing in --------------------------------------------------------------------------------
  noBearerToken: {
    en: 'sign in first: the request has no Bearer token',
    da: 'log ind først: anmodningen har intet Bearer-token',
  },
  notASession: {
    en: 'token is not a valid session for this server',
    da: 'tokenet er ikke en gyldig session på denne server',
  },
  sessionExpired: {
    en: 'your session has expired; sign in again',
    da: 'din session er udløbet; log ind igen',
  },
  sessionInvalid: { en: 'session token is invalid', da: 'sessionstokenet er ugyldigt' },
  tokenMissing: { en: 'token is missing', da: 'tokenet mangler' },
  tokenNoTenant: { en: 'token has no tenant id', da: 'tokenet har intet lejer-id' },
  tokenOtherTenant: {
    en: "token tenant is not this app's tenant",
    da: 'tokenets lejer er ikke appens lejer',
  },
  tokenIssuerTenant: {
    en: 'token issuer does not match its tenant',
    da: 'tokenets udsteder passer ikke til dets lejer',
  },
  tokenIssuerVersion: {
    en: 'token issuer does not match its version',
    da: 'tokenets udsteder passer ikke til dets version',
  },
  tokenScope: withParams<{ scope: string }>({
    en: ({ scope }) => `token does not grant the ${scope} scope`,
    da: ({ scope }) => `tokenet giver ikke tilladelsen ${scope}`,
  }),
  tokenNoSubject: { en: 'token has no user object id', da: 'tokenet har intet objekt-id for brugeren' },
  tokenExpired: { en: 'token has expired', da: 'tokenet er udløbet' },
  tokenAudience: { en: 'token audience is not this app', da: 'tokenet er ikke udstedt til denne app' },
  tokenNotYetValid: { en: 'token is not valid yet', da: 'tokenet er ikke gyldigt endnu' },
  tokenNoExpiry: { en: 'token has no valid expiry', da: 'tokenet har ingen gyldig udløbstid' },
  tokenIssueTime: { en: 'token issue time is invalid', da: 'tokenets udstedelsestidspunkt er ugyldigt' },
  tokenBadClaim: { en: 'token has an invalid claim', da: 'tokenet indeholder et ugyldigt krav (claim)' },
  tokenSignature: { en: 'token signature is invalid', da: 'tokenets signatur er ugyldig' },
  tokenUnknownKey: { en: 'token is signed by an unknown key', da: 'tokenet er signeret med en ukendt nøgle' },
  tokenKeyAmbiguous: {
    en: 'token signing key cannot be identified',
    da: 'tokenets signeringsnøgle kan ikke identificeres',
  },
  tokenAlgorithm: {
    en: 'token signing algorithm is not allowed',
    da: 'tokenets signeringsalgoritme er ikke tilladt',
  },
  tokenMalformed: { en: 'token is malformed', da: 'tokenet er forkert opbygget' },
  tokenKeysUnavailable: {
    en: 'token signing keys could not be loaded',
    da: 'tokenets signeringsnøgler kunne ikke hentes',
  },

  // ---- the demo ----------------------------------------------------------------------------------
  noDemoPerson: { en: 'no demo person has that id', da: 'ingen demoperson har det id' },
  chatNeedsMember: {
    en: 'name the person to chat with in members',
    da: 'angiv personen, der skal chattes med, i members',
  },

  // ---- the bot endpoint --------------------------------------------------------------------------
  notBotActivity: {
    en: 'the request body is not a Bot Framework activity',
    da: 'anmodningens indhold er ikke en Bot Framework-aktivitet',
  },
  botConnectorNotLocal: {
    en: 'without bot credentials (demo mode) the bot only answers a Bot Connector on this machine',
    da: 'uden legitimationsoplysninger til botten (demotilstand) svarer den kun en Bot Connector på denne maskine',
  },
  /** The bot adapter refused a request; `reason` is the adapter's own (English) words, if any. */
  botRefused: withParams<{ reason: string | null }>({
    en: ({ reason }) => reason ?? 'the request was refused',
    da: () => 'anmodningen blev afvist',
  }),

  // ---- the program -------------------------------------------------------------------------------
  notInDirectory: {
    en: 'You are not in the organisation directory yet',
    da: 'Du findes ikke i organisationens adressebog endnu',
  },
  noProgramDocuments: {
    en: 'The program has no purpose or guidelines yet',
    da: 'Programmet har endnu ikke et formål eller retningslinjer',
  },
  noGuidelines: { en: 'The program has no guidelines yet', da: 'Programmet har ingen retningslinjer endnu' },
  guidelinesChanged: withParams<{ version: number }>({
    en: ({ version }) =>
      `The guidelines changed (now version ${version}); read and accept the current version`,
    da: ({ version }) =>
      `Retningslinjerne er ændret (nu version ${version}); læs og acceptér den nye version`,
  }),
  alreadyMember: { en: 'You are already an ambassador', da: 'Du er allerede ambassadør' },
  notAMember: {
    en: 'You are not an ambassador, so there is nothing to leave',
    da: 'Du er ikke ambassadør, så der er intet at forlade',
  },

  // ---- content items and topics ------------------------------------------------------------------
  contentItemNotFound: {
    en: 'there is no content item with this id',
    da: 'der er intet opslag med dette id',
  },
  transitionRefused: withParams<{ status: ContentStatus; action: WorkflowStep }>({
    en: ({ status, action }) => `an item that is ${status.replace('_', ' ')} cannot be ${STEP_EN[action]}`,
    da: ({ status, action }) =>
      `et opslag med status »${ITEM_STATUS_DA[status]}« kan ikke ${STEP_DA[action]}`,
  }),
  archivedNotEditable: {
    en: 'an archived item cannot be edited',
    da: 'et arkiveret opslag kan ikke redigeres',
  },
  ownItem: {
    en: 'nobody approves or rejects their own item; ask another approver',
    da: 'ingen godkender eller afviser sit eget opslag; bed en anden godkender om det',
  },
  sentToReviewYourself: {
    en: 'you sent this version to review yourself, so another approver must approve or reject it',
    da: 'du har selv sendt denne version til godkendelse, så en anden godkender skal godkende eller afvise den',
  },
  noCaptionInLanguage: {
    en: 'the item has no caption in this language',
    da: 'opslaget har ingen tekst på dette sprog',
  },
  captionNeeded: withParams<{ language: Language }>({
    en: ({ language }) => {
      const name = LANGUAGE_NAMES.en[language];
      return `write at least one ${name} caption (the item is in ${name})`;
    },
    da: ({ language }) => {
      const name = LANGUAGE_NAMES.da[language];
      return `skriv mindst én tekst på ${name} (opslaget er på ${name})`;
    },
  }),
  captionTooLong: withParams<{
    position: number;
    language: Language;
    length: number;
    advertising: boolean;
    network: string;
    limit: number;
    over: number;
  }>({
    en: (p) =>
      `caption ${p.position} (${LANGUAGE_NAMES.en[p.language]}) is ${p.length} characters with ${
        p.advertising ? 'the tracked link and the advertising marking' : 'the tracked link'
      }; ${p.network} allows ${p.limit}. Shorten it by ${p.over}`,
    da: (p) =>
      `tekst ${p.position} (${LANGUAGE_NAMES.da[p.language]}) er ${p.length} tegn med ${
        p.advertising ? 'sporingslinket og reklamemarkeringen' : 'sporingslinket'
      }; ${p.network} tillader ${p.limit}. Forkort den med ${p.over}`,
  }),
  endBeforeStart: {
    en: 'the end date must be after the start date',
    da: 'slutdatoen skal ligge efter startdatoen',
  },
  unknownTopic: withParams<{ topic: string }>({
    en: ({ topic }) => `there is no topic "${topic}"; choose one of the topics`,
    da: ({ topic }) => `emnet "${topic}" findes ikke; vælg et af emnerne`,
  }),
  unknownImage: {
    en: 'there is no uploaded image with this id; upload the image again',
    da: 'der er intet uploadet billede med dette id; upload billedet igen',
  },
  imageTwice: {
    en: 'choose an uploaded image or an image address, not both',
    da: 'vælg et uploadet billede eller en billedadresse, ikke begge',
  },
  itemInvalid: { en: 'the item has invalid fields', da: 'opslaget har ugyldige felter' },
  topicExists: withParams<{ key: string }>({
    en: ({ key }) => `there is already a topic with the key "${key}"`,
    da: ({ key }) => `der findes allerede et emne med nøglen "${key}"`,
  }),
  notInLibrary: {
    en: 'this item is not in the library (it may have expired)',
    da: 'opslaget er ikke i biblioteket (det er måske udløbet)',
  },
  cursorInvalid: { en: 'the cursor is invalid', da: 'cursoren er ugyldig' },
  cursorForeign: {
    en: 'the cursor is not one this server gave out; start again from the first page',
    da: 'cursoren kommer ikke fra denne server; start forfra på første side',
  },
  cursorOtherSort: {
    en: 'the cursor belongs to another sort order; start from the first page',
    da: 'cursoren hører til en anden sortering; start på første side',
  },

  // ---- images ----------------------------------------------------------------------------------
  imageNotFound: { en: 'there is no image with this id', da: 'der er intet billede med dette id' },
  svgRefused: {
    en: `SVG images are not accepted (they can carry scripts); ${ACCEPTED_IMAGES.en}`,
    da: `SVG-billeder accepteres ikke (de kan indeholde scripts); ${ACCEPTED_IMAGES.da}`,
  },
  imageTypeRefused: withParams<{ type: string }>({
    en: ({ type }) =>
      `images of type ${type || '(none)'} are not accepted; ${ACCEPTED_IMAGES.en} and send its type as the Content-Type`,
    da: ({ type }) =>
      `billeder af typen ${type || '(ingen)'} accepteres ikke; ${ACCEPTED_IMAGES.da}, og send dets type som Content-Type`,
  }),
  /** `size` and `limit` in bytes; `size` is null when the upload was cut off at the limit. */
  imageTooLarge: withParams<{ size: number | null; limit: number }>({
    en: ({ size, limit }) => {
      const bytes = (n: number) => n.toLocaleString('en-US');
      return size === null
        ? `the image is over the ${megabytes(limit)} limit; upload a smaller one`
        : `the image is over the ${megabytes(limit)} limit (${bytes(size)} bytes; at most ${bytes(limit)}); upload a smaller one`;
    },
    da: ({ size, limit }) => {
      const bytes = (n: number) => n.toLocaleString('da-DK');
      return size === null
        ? `billedet er større end grænsen på ${megabytes(limit)}; upload et mindre billede`
        : `billedet er større end grænsen på ${megabytes(limit)} (${bytes(size)} byte; højst ${bytes(limit)}); upload et mindre billede`;
    },
  }),
  imageEmpty: { en: 'the image is empty', da: 'billedet er tomt' },
  imageNotOfType: withParams<{ typeName: string }>({
    en: ({ typeName }) => `the file is not a ${typeName} image (or it is damaged); ${ACCEPTED_IMAGES.en}`,
    da: ({ typeName }) =>
      `filen er ikke et ${typeName}-billede (eller den er beskadiget); ${ACCEPTED_IMAGES.da}`,
  }),
  imageTypeMismatch: withParams<{ typeName: string; declared: string; actual: string }>({
    en: ({ typeName, declared, actual }) =>
      `the file is a ${typeName} image but was sent as ${declared}; send it as ${actual}`,
    da: ({ typeName, declared, actual }) =>
      `filen er et ${typeName}-billede, men blev sendt som ${declared}; send den som ${actual}`,
  }),

  // ---- sharing ---------------------------------------------------------------------------------
  onlyAmbassadorsShare: {
    en: 'only ambassadors can share: join the program first',
    da: 'kun ambassadører kan dele: meld dig ind i programmet først',
  },
  noSuchItem: { en: 'there is no such item', da: 'opslaget findes ikke' },
  notShareable: {
    en: 'this item is not available to share: it is not approved, not yet valid, expired or archived',
    da: 'opslaget kan ikke deles: det er ikke godkendt, ikke gyldigt endnu, udløbet eller arkiveret',
  },
  networkNotOffered: withParams<{ network: string }>({
    en: ({ network }) => `this item is not offered for ${network}`,
    da: ({ network }) => `opslaget kan ikke deles på ${network}`,
  }),
  chooseItemNetwork: withParams<{ networks: readonly string[] }>({
    en: ({ networks }) => `choose one of the item's networks: ${networks.join(', ')}`,
    da: ({ networks }) => `vælg et af opslagets netværk: ${networks.join(', ')}`,
  }),
  noSuchShare: { en: 'there is no such share', da: 'delingen findes ikke' },
  postTooLong: withParams<{ length: number; marked: boolean; network: string; limit: number }>({
    en: (p) =>
      `the post is ${p.length} characters with the tracked link${p.marked ? ' and the marking' : ''}; ${p.network} allows ${p.limit}. Shorten it by ${p.length - p.limit}`,
    da: (p) =>
      `opslaget er ${p.length} tegn med sporingslinket${p.marked ? ' og markeringen' : ''}; ${p.network} tillader ${p.limit}. Forkort det med ${p.length - p.limit}`,
  }),
  networkAllows: withParams<{ network: string; limit: number }>({
    en: ({ network, limit }) => `${network} allows ${limit} characters`,
    da: ({ network, limit }) => `${network} tillader ${limit} tegn`,
  }),
  feedbackBeforeShare: {
    en: 'record reactions and comments after you have shared the post',
    da: 'registrér reaktioner og kommentarer, når du har delt opslaget',
  },

  // ---- recruitment campaigns -------------------------------------------------------------------
  noSuchCampaign: { en: 'there is no such campaign', da: 'kampagnen findes ikke' },
  noSuchSend: {
    en: 'this campaign has no such send',
    da: 'kampagnen har ingen sådan udsendelse',
  },
  campaignClosed: {
    en: 'the campaign is closed and can no longer be changed or announced',
    da: 'kampagnen er lukket og kan ikke længere ændres eller annonceres',
  },
  campaignEnded: {
    en: 'the campaign period has ended; move the end date to announce it',
    da: 'kampagnens periode er slut; flyt slutdatoen for at annoncere den',
  },
  nothingToAnnounce: {
    en: 'choose at least one channel or personal invitations',
    da: 'vælg mindst én kanal eller personlige invitationer',
  },
  unknownChannel: {
    en: 'the bot is not installed in this channel; choose one of the channels',
    da: 'botten er ikke installeret i denne kanal; vælg en af kanalerne',
  },
  campaignInvalid: { en: 'the campaign has invalid fields', da: 'kampagnen har ugyldige felter' },
  announcementInvalid: {
    en: 'the announcement has invalid fields',
    da: 'annonceringen har ugyldige felter',
  },
  sharepointNotConfigured: {
    en: 'publishing to SharePoint is not set up: an administrator sets SHAREPOINT_SITE_ID (and the app’s Graph credentials) to turn it on',
    da: 'udgivelse på SharePoint er ikke sat op: en administrator skal angive SHAREPOINT_SITE_ID (og appens Graph-legitimationsoplysninger) for at slå den til',
  },
  sharepointForbidden: withParams<{ step: 'site' | 'create' | 'publish' }>({
    en: ({ step }) =>
      `SharePoint refused Chorus access to the site (403 when ${step === 'site' ? 'reading the site' : step === 'create' ? 'creating the page' : 'publishing the page'}). An administrator must grant the app write access to that one site (Sites.Selected, see the README); Chorus never asks for broader permissions`,
    da: ({ step }) =>
      `SharePoint nægtede Chorus adgang til webstedet (403 ved ${step === 'site' ? 'læsning af webstedet' : step === 'create' ? 'oprettelse af siden' : 'udgivelse af siden'}). En administrator skal give appen skriveadgang til netop det websted (Sites.Selected, se README); Chorus beder aldrig om bredere rettigheder`,
  }),
  sharepointBusy: withParams<{ seconds: number | null }>({
    en: ({ seconds }) =>
      `SharePoint is busy and asked Chorus to wait; try again${seconds ? ` in ${seconds} seconds` : ' in a moment'}`,
    da: ({ seconds }) =>
      `SharePoint har travlt og bad Chorus om at vente; prøv igen${seconds ? ` om ${seconds} sekunder` : ' om lidt'}`,
  }),
  sharepointFailed: withParams<{ status: number; code: string | null }>({
    en: ({ status, code }) =>
      `SharePoint could not publish the page (${status ? `HTTP ${status}` : 'no answer'}${code ? `, ${code}` : ''}); try again, or ask an administrator to check the site`,
    da: ({ status, code }) =>
      `SharePoint kunne ikke udgive siden (${status ? `HTTP ${status}` : 'intet svar'}${code ? `, ${code}` : ''}); prøv igen, eller bed en administrator om at tjekke webstedet`,
  }),

  // ---- nominations and My team -----------------------------------------------------------------
  nominationNotYourReport: {
    en: 'you can nominate only people who report to you, directly or further down your organisation',
    da: 'du kan kun indstille personer, der refererer til dig, direkte eller længere nede i din organisation',
  },
  recommendationNotYourself: {
    en: 'recommend a colleague, not yourself: you can join the program directly',
    da: 'anbefal en kollega, ikke dig selv: du kan melde dig ind i programmet direkte',
  },
  nomineeNotFound: {
    en: 'there is no such person with an active account',
    da: 'der findes ingen person med en aktiv konto',
  },
  nomineeAlreadyAmbassador: {
    en: 'this person is already an ambassador',
    da: 'personen er allerede ambassadør',
  },
  nominationCampaignNotFound: { en: 'there is no such campaign', da: 'kampagnen findes ikke' },
  nominationCampaignNotRunning: {
    en: 'this campaign is not running, so it takes no nominations',
    da: 'kampagnen kører ikke, så den tager ikke imod indstillinger',
  },
  tooManyRequests: withParams<{ seconds: number }>({
    en: ({ seconds }) => `too many requests from your address; try again in ${seconds} seconds`,
    da: ({ seconds }) => `for mange forespørgsler fra din adresse; prøv igen om ${seconds} sekunder`,
  }),
  nominationDailyLimit: {
    en: 'you have reached the limit of nominations and recommendations for one day; try again tomorrow',
    da: 'du har nået grænsen for indstillinger og anbefalinger på en dag; prøv igen i morgen',
  },

  // ---- sparring ---------------------------------------------------------------------------------
  noSuchSparringRequest: {
    en: 'there is no such sparring request (it may have been deleted when the person left)',
    da: 'sparringsanmodningen findes ikke (den kan være slettet, da personen forlod programmet)',
  },
  sparringAlreadyAnswered: {
    en: 'this sparring request has already been answered; the ambassador has the first reply',
    da: 'sparringsanmodningen er allerede besvaret; ambassadøren har fået det første svar',
  },
  draftEmpty: { en: 'write or paste your draft first', da: 'skriv eller indsæt dit udkast først' },
  draftTooLong: withParams<{ length: number; max: number }>({
    en: ({ length, max }) =>
      `your draft is ${length.toLocaleString('en-US')} characters; I look at drafts of up to ${max.toLocaleString('en-US')}`,
    da: ({ length, max }) =>
      `dit udkast er ${length.toLocaleString('da-DK')} tegn; jeg ser på udkast på op til ${max.toLocaleString('da-DK')}`,
  }),
  sparringNeedsDirectory: {
    en: 'sparring is for people in the organisation directory',
    da: 'sparring er for personer i organisationens adressebog',
  },

  // ---- the outbox --------------------------------------------------------------------------------

  // ---- the program cockpit (issue 6), one file per feature
  ...CANVAS_MESSAGES,
  ...DASHBOARD_MESSAGES,
  ...GAMIFICATION_MESSAGES,
  ...DIGEST_MESSAGES,
} as const satisfies Record<string, Readonly<Record<Language, string>> | Phrases<never>>;

/** The catalogue: the schemas' own words (src/contracts) and everything else. */
export const MESSAGES = { ...SCHEMA_MESSAGES, ...DOMAIN_MESSAGES } as const;

// A key in both halves would silently hide one of them.
type Overlap = keyof typeof SCHEMA_MESSAGES & keyof typeof DOMAIN_MESSAGES;
const _noOverlap: [Overlap] extends [never] ? true : Overlap = true;
void _noOverlap;

type Catalogue = typeof MESSAGES;
export type MessageKey = keyof Catalogue;
/** The keys whose words need no parameters. */
export type PlainMessageKey = {
  [K in MessageKey]: Catalogue[K]['en'] extends string ? K : never;
}[MessageKey];
/** The keys whose words need parameters. */
export type ParamMessageKey = Exclude<MessageKey, PlainMessageKey>;
export type MessageParams<K extends MessageKey> = Catalogue[K]['en'] extends (params: infer P) => string
  ? P
  : never;

/** A message to show, not yet in any language: the catalogue key and its parameters. */
export type Message = {
  [K in MessageKey]: K extends PlainMessageKey
    ? { readonly key: K }
    : { readonly key: K; readonly params: MessageParams<K> };
}[MessageKey];

/** A message with parameters. */
export function msg<K extends ParamMessageKey>(key: K, params: MessageParams<K>): Message;
/** A message without parameters. */
export function msg(key: PlainMessageKey): Message;
export function msg(key: MessageKey, params?: unknown): Message {
  return (params === undefined ? { key } : { key, params }) as Message;
}

/** The message's words in `language`. */
export function render(message: Message, language: Language): string {
  const phrase = MESSAGES[message.key][language] as string | ((params: unknown) => string);
  return typeof phrase === 'string' ? phrase : phrase('params' in message ? message.params : undefined);
}
