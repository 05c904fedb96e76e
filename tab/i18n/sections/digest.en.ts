/** English strings for the digest feature (issue 6). Defines the shape; digest.da.ts must match it. */
export const digestEn = {
  title: 'Reach calculator',
};
