import { makeStyles } from '@fluentui/react-components';

/** Hidden on screen, read by screen readers (for data tables behind charts, extra context). */
export const useVisuallyHidden = makeStyles({
  root: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    padding: 0,
    margin: '-1px',
    overflow: 'hidden',
    clip: 'rect(0, 0, 0, 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
});
