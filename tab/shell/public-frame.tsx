import type { ReactNode } from 'react';
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useT } from '../i18n';
import { PreferenceSwitches, type BrowserPreferences } from './preferences';

const useStyles = makeStyles({
  root: { minHeight: '100vh', display: 'flex', flexDirection: 'column' },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
});

/** The frame around pages shown before sign-in: the name, and (outside Teams) language and theme. */
export function PublicFrame({
  preferences,
  children,
}: {
  preferences: BrowserPreferences | null;
  children: ReactNode;
}) {
  const t = useT();
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <Text as="span" size={500} weight="semibold">
          {t.app.name}
        </Text>
        {preferences && <PreferenceSwitches preferences={preferences} />}
      </header>
      {children}
    </div>
  );
}
