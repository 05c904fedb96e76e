import type { canvasEn } from './canvas.en';

/** Danish strings for the canvas feature (issue 6). */
export const canvasDa: typeof canvasEn = {
  title: 'Programlærred',
};
