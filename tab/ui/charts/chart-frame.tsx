import { useId, useState, type ReactNode } from 'react';
import { ToggleButton, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useVisuallyHidden } from '../visually-hidden';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  bar: { display: 'flex', justifyContent: 'flex-end' },
  // While hidden, the table's scrolling wrapper must not scroll: a scrollable region nobody can see
  // would need a keyboard stop of its own.
  hiddenTable: { '& > div': { overflowX: 'visible' } },
});

/**
 * A chart with its text alternative: the chart itself (an svg with role="img" and a summary), and
 * its numbers as a table, read by screen readers always and shown on screen by "Show as table".
 */
export function ChartFrame({
  chart,
  table,
  legend,
  showTableLabel,
}: {
  chart: ReactNode;
  table: ReactNode;
  legend?: ReactNode;
  showTableLabel: string;
}) {
  const styles = useStyles();
  const hidden = useVisuallyHidden();
  const [showTable, setShowTable] = useState(false);
  const tableId = useId();
  return (
    <div className={styles.root}>
      <div className={styles.bar}>
        <ToggleButton
          size="small"
          checked={showTable}
          aria-controls={tableId}
          onClick={() => setShowTable((v) => !v)}
        >
          {showTableLabel}
        </ToggleButton>
      </div>
      {chart}
      {legend}
      <div id={tableId} className={showTable ? undefined : mergeClasses(hidden.root, styles.hiddenTable)}>
        {table}
      </div>
    </div>
  );
}
