/** English strings for the dashboard feature (issue 6). Defines the shape; dashboard.da.ts must match it. */
export const dashboardEn = {
  title: 'Dashboard',
};
