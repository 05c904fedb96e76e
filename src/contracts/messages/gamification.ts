import type { Language } from '../common';

/** The words of the gamification schemas' problems (issue 6), merged into SCHEMA_MESSAGES. English texts must be unique. */
export const GAMIFICATION_SCHEMA_MESSAGES = {
  pointsRange: {
    en: 'points per action are a whole number from 0 to 1,000',
    da: 'point pr. handling er et helt tal fra 0 til 1.000',
  },
  challengeTitleRequired: { en: 'give the challenge a title', da: 'giv udfordringen en titel' },
  challengeTitleTooLong: {
    en: 'a challenge title is at most 120 characters',
    da: 'en udfordrings titel må højst være på 120 tegn',
  },
  challengeDescriptionTooLong: {
    en: 'a challenge description is at most 2,000 characters',
    da: 'en udfordrings beskrivelse må højst være på 2.000 tegn',
  },
  challengeHashtagFormat: {
    en: 'the challenge hashtag is # followed by one word (letters, digits or underscores)',
    da: 'udfordringens hashtag er # efterfulgt af ét ord (bogstaver, tal eller understreger)',
  },
  challengeEndsAfterStart: {
    en: 'the challenge must end after it starts',
    da: 'udfordringen skal slutte, efter den begynder',
  },
  challengeThresholdRange: {
    en: 'the number of shares to qualify is a whole number from 1 to 1,000',
    da: 'antallet af delinger for at kvalificere sig er et helt tal fra 1 til 1.000',
  },
  drawWinnerCountRange: {
    en: 'draw a whole number of winners from 1 to 100',
    da: 'udtræk et helt antal vindere fra 1 til 100',
  },
  drawEarlierDrawsRange: {
    en: "earlierDraws is the number of the challenge's draws you have seen, a whole number from 0 to 10,000",
    da: 'earlierDraws er antallet af udfordringens lodtrækninger, du har set, et helt tal fra 0 til 10.000',
  },
  drawSeedFormat: {
    en: 'a seed is 1 to 128 visible characters without spaces',
    da: 'et seed er 1 til 128 synlige tegn uden mellemrum',
  },
  drawEntrantFormat: {
    en: 'an entrant id is 1 to 40 letters, digits, dashes or underscores',
    da: 'et deltager-id er 1 til 40 bogstaver, tal, bindestreger eller understreger',
  },
  drawTicketsRange: {
    en: 'tickets are a whole number from 1 to 1,000,000',
    da: 'lodder er et helt tal fra 1 til 1.000.000',
  },
  drawEntriesTooMany: {
    en: 'a draw has at most 100,000 entries',
    da: 'en lodtrækning har højst 100.000 deltagere',
  },
  drawEntrantsUnique: {
    en: 'each entrant may appear only once',
    da: 'hver deltager må kun optræde én gang',
  },
  ownPostUrlNotHttp: {
    en: 'give the address of your post as a full http:// or https:// link',
    da: 'angiv dit opslags adresse som et fuldt http://- eller https://-link',
  },
} as const satisfies Record<string, Readonly<Record<Language, string>>>;
