import type { digestEn } from './digest.en';

/** Danish strings for the digest feature (issue 6). */
export const digestDa: typeof digestEn = {
  title: 'Rækkeviddeberegner',
};
