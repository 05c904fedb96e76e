import type { ReactNode } from 'react';
import {
  Body1,
  Spinner,
  Subtitle1,
  Title2,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    maxWidth: '960px',
  },
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  heading: { margin: 0 },
  intro: { color: tokens.colorNeutralForeground2 },
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  sectionHeading: { margin: 0 },
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    boxShadow: tokens.shadow4,
  },
  empty: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalXL,
    alignItems: 'flex-start',
  },
  emptyHeading: { margin: 0 },
  emptyText: { '& p': { margin: 0 } },
  loading: { padding: tokens.spacingVerticalXXL },
  pill: {
    display: 'inline-flex',
    alignItems: 'center',
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusCircular,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    whiteSpace: 'nowrap',
  },
  pillStrong: {
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorBrandForeground2,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke2}`,
  },
});

/** A page inside the tab panel: one h1, an optional intro, then its content. */
export function Page({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.page}>
      <div className={styles.header}>
        <Title2 as="h1" className={styles.heading}>
          {title}
        </Title2>
        {intro && <Body1 className={styles.intro}>{intro}</Body1>}
      </div>
      {children}
    </div>
  );
}

/** A titled section (h2) inside a page, labelled by its heading. */
export function Section({
  id,
  title,
  aside,
  children,
}: {
  id: string;
  title: string;
  aside?: ReactNode;
  children: ReactNode;
}) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-labelledby={id}>
      <div>
        <Subtitle1 as="h2" id={id} className={styles.sectionHeading}>
          {title}
        </Subtitle1>
        {aside}
      </div>
      {children}
    </section>
  );
}

/** An honest empty state: what is coming, and what to do now. */
export function EmptyState({
  id,
  title,
  children,
  actions,
}: {
  id: string;
  title: string;
  children: ReactNode;
  actions?: ReactNode;
}) {
  const styles = useStyles();
  return (
    <section className={mergeClasses(styles.panel, styles.empty, styles.emptyText)} aria-labelledby={id}>
      <Subtitle1 as="h2" id={id} className={styles.emptyHeading}>
        {title}
      </Subtitle1>
      {children}
      {actions}
    </section>
  );
}

/** A card-like surface (a plain element: Fluent's Card brings focus and selection logic we do not need). */
export function Panel({
  as: Tag = 'div',
  className,
  children,
  ...rest
}: {
  as?: 'div' | 'li' | 'section';
  className?: string;
  children: ReactNode;
  'data-testid'?: string;
}) {
  const styles = useStyles();
  return (
    <Tag className={className ? mergeClasses(styles.panel, className) : styles.panel} {...rest}>
      {children}
    </Tag>
  );
}

/** A small label, like a badge, drawn with theme tokens (so high contrast works). */
export function Pill({ children, strong = false }: { children: ReactNode; strong?: boolean }) {
  const styles = useStyles();
  return <span className={mergeClasses(styles.pill, strong && styles.pillStrong)}>{children}</span>;
}

export function Loading({ label }: { label: string }) {
  const styles = useStyles();
  return <Spinner className={styles.loading} label={label} labelPosition="below" />;
}
