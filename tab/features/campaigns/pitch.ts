import type { CampaignPitch, Language, Pitch } from '@contracts';

/** The pitch in the reader's language, or in the other one when theirs is missing. */
export function pitchFor(
  pitch: CampaignPitch,
  language: Language,
): { pitch: Pitch; language: Language; fallback: boolean } | null {
  const own = pitch[language];
  if (own) return { pitch: own, language, fallback: false };
  const other: Language = language === 'da' ? 'en' : 'da';
  const theirs = pitch[other];
  return theirs ? { pitch: theirs, language: other, fallback: true } : null;
}
