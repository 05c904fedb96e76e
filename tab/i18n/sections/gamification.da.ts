import type { gamificationEn } from './gamification.en';

/** Danish strings for the gamification feature (issue 6). */
export const gamificationDa: typeof gamificationEn = {
  title: 'Gamification',
};
