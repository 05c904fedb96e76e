/** English strings for the gamification feature (issue 6). Defines the shape; gamification.da.ts must match it. */
export const gamificationEn = {
  title: 'Gamification',
};
