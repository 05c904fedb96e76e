import type { ReactNode } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalL,
    margin: 0,
    padding: 0,
    listStyle: 'none',
    color: tokens.colorNeutralForeground1,
    fontSize: tokens.fontSizeBase200,
  },
  item: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
});

/**
 * A chart's key: each series' swatch (a shape, not only a colour) and its name. Hidden from screen
 * readers, who get the chart's table instead.
 */
export function Legend({ items }: { items: { key: string; swatch: ReactNode; label: string }[] }) {
  const styles = useStyles();
  return (
    <ul className={styles.legend} aria-hidden="true">
      {items.map((item) => (
        <li key={item.key} className={styles.item}>
          {item.swatch}
          {item.label}
        </li>
      ))}
    </ul>
  );
}
