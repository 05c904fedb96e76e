import type { ReactNode } from 'react';
import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { ProgramDocumentView } from '@contracts';
import { useI18n } from '../../i18n';
import { Markdown } from '../../ui/markdown';
import { Section } from '../../ui/layout';

const useStyles = makeStyles({
  meta: { color: tokens.colorNeutralForeground2, display: 'block', marginTop: tokens.spacingVerticalXXS },
});

/** The document body in the reader's language (falling back to the other one if empty). */
export function useDocumentBody(doc: ProgramDocumentView): string {
  const { language } = useI18n();
  const preferred = language === 'da' ? doc.bodyDa : doc.bodyEn;
  return preferred.trim() ? preferred : language === 'da' ? doc.bodyEn : doc.bodyDa;
}

export function PurposeSection({
  purpose,
  ambassadorCount,
}: {
  purpose: ProgramDocumentView;
  ambassadorCount?: number;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const body = useDocumentBody(purpose);
  return (
    <Section
      id="program-purpose"
      title={t.program.purposeTitle}
      aside={
        ambassadorCount !== undefined && (
          <Caption1 className={styles.meta}>{t.program.ambassadorCount(ambassadorCount)}</Caption1>
        )
      }
    >
      <Markdown source={body} headingLevel={3} />
    </Section>
  );
}

export function GuidelinesSection({
  guidelines,
  id = 'program-guidelines',
  title,
  maxBlocks,
  children,
}: {
  guidelines: ProgramDocumentView;
  id?: string;
  title?: string;
  maxBlocks?: number;
  children?: ReactNode;
}) {
  const { t, formatDate } = useI18n();
  const styles = useStyles();
  const body = useDocumentBody(guidelines);
  return (
    <Section
      id={id}
      title={title ?? t.program.guidelinesTitle}
      aside={
        <Caption1 className={styles.meta} data-testid="guidelines-version">
          {t.program.version(guidelines.version)}, {t.program.updated(formatDate(guidelines.updatedAt))}
        </Caption1>
      }
    >
      <Markdown source={body} headingLevel={3} {...(maxBlocks === undefined ? {} : { maxBlocks })} />
      {children}
    </Section>
  );
}
