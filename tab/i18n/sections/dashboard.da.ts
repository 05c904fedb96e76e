import type { dashboardEn } from './dashboard.en';

/** Danish strings for the dashboard feature (issue 6). */
export const dashboardDa: typeof dashboardEn = {
  title: 'Overblik',
};
