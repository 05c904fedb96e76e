/** English strings for the canvas feature (issue 6). Defines the shape; canvas.da.ts must match it. */
export const canvasEn = {
  title: 'Program canvas',
};
