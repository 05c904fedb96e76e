import type { Language } from '../person';
import type { Network } from '../program';

/** How much a finding matters: must fix before posting, worth considering, or done well. */
export const SEVERITIES = ['must_fix', 'consider', 'good'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Every kind of finding the sparring coach can report. Stable codes: cards and tests rely on them. */
export const FINDING_CODES = [
  // Disclosure (Danish Consumer Ombudsman: "Reklame"/"Annonce" at the start).
  'DISCLOSURE_MISSING',
  'DISCLOSURE_MISPLACED',
  'DISCLOSURE_WEAK',
  'DISCLOSURE_OK',
  'SAY_WHERE_YOU_WORK',
  // Confidentiality.
  'BLOCKED_TERM',
  // Network limits and the hook (the first two lines).
  'TOO_LONG',
  'HOOK_MISSING',
  'HOOK_WEAK',
  'HOOK_GOOD',
  // Hashtags.
  'HASHTAGS_TOO_MANY',
  'HASHTAGS_TOO_FEW',
  'HASHTAG_REQUIRED_MISSING',
  // Own voice.
  'COPIED_CAPTION',
  'OWN_VOICE_MISSING',
  'OWN_VOICE_GOOD',
  // Tone and readability.
  'TONE_MISMATCH',
  'LONG_SENTENCE',
  'WALL_OF_TEXT',
  'EMOJI_AGAINST_POLICY',
  // Links.
  'UNTRACKED_LINK',
  // People and photos.
  'PEOPLE_CONSENT',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

/** One finding: a code, its severity, and the facts the reason and suggestion are written from. */
export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** Facts for the texts and the card (a matched term, a count, a limit, a URL, a score). */
  params: Record<string, string | number>;
}

/** A finding in words, in one language. */
export interface FindingText {
  /** One line: why this matters. */
  reason: string;
  /** A concrete suggestion. Never a rewrite of the post. */
  suggestion: string;
}

/** The program's settings the coach checks against (coach_settings; defaults when comms set none). */
export interface CoachSettings {
  companyName: string;
  blockedTerms: string[];
  /** With the '#'. */
  requiredHashtags: string[];
  tone: 'du' | 'De';
  emojiPolicy: 'none' | 'sparing' | 'free';
  /** Host names of the company's own sites (e.g. 'contoso.com'); subdomains count too. */
  companyDomains: string[];
  /**
   * Brand style (issue 6): hashtags suggested, not required, with the '#'. Absent in the defaults and in
   * settings made before the brand style existed: readers treat that as none.
   */
  suggestedHashtags?: string[];
  /** Brand style: the word that goes first in an advertising post, per language; absent: Reklame/Advertisement. */
  disclosureMarks?: Record<Language, string>;
}

/** What the coach is asked to look at. */
export interface CoachInput {
  text: string;
  /** The network the post is for (limits differ). */
  network: Network;
  /**
   * 'program': content the employer asked them to share (advertising, needs the marking first).
   * 'voluntary': the ambassador's own post about work (the "say where you work" hint).
   */
  kind: 'program' | 'voluntary';
  /** The language of the answer and of language-specific checks; the coach detects the draft's own. */
  language: Language;
  /** The library's caption variants to measure copying against (all languages). */
  captions: string[];
  /** Display names of people in the org, to notice colleagues named in the draft. */
  colleagueNames?: string[];
}

/** The coach's answer: findings in a fixed order (must fix, consider, good), and a few measures. */
export interface CoachResult {
  findings: Finding[];
  /** The language the draft is written in, as detected. */
  draftLanguage: Language;
  /** 0–100: how much of the draft is copied from the closest caption variant. */
  copiedPercent: number;
  /** Characters the network counts. */
  length: number;
  limit: number;
}
