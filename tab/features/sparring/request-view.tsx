import { Body1, Caption1, Subtitle2, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { SparringFinding, SparringRequestView } from '@contracts';
import { useI18n } from '../../i18n';

const useStyles = makeStyles({
  block: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  draft: {
    margin: 0,
    padding: tokens.spacingHorizontalM,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
  },
  findings: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    display: 'grid',
    gap: tokens.spacingVerticalS,
  },
  severity: { fontWeight: tokens.fontWeightSemibold },
  mustFix: { color: tokens.colorPaletteRedForeground1 },
  consider: { color: tokens.colorPaletteDarkOrangeForeground1 },
  good: { color: tokens.colorPaletteGreenForeground1 },
  reply: {
    padding: tokens.spacingHorizontalM,
    whiteSpace: 'pre-wrap',
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** The waiting time in words: "waiting 2 h" while open, "answered after 2 h" once answered. */
export function useWaitingText() {
  const { t } = useI18n();
  return (request: Pick<SparringRequestView, 'status' | 'waitingMinutes'>) => {
    const duration = t.sparring.duration(request.waitingMinutes);
    return request.status === 'open' ? t.sparring.waiting(duration) : t.sparring.answeredAfter(duration);
  };
}

/** One finding: the severity in words (colour only repeats it), the reason and the suggestion. */
function FindingItem({ finding }: { finding: SparringFinding }) {
  const { t } = useI18n();
  const styles = useStyles();
  const tone =
    finding.severity === 'must_fix'
      ? styles.mustFix
      : finding.severity === 'consider'
        ? styles.consider
        : styles.good;
  return (
    <li>
      <Body1>
        <span className={mergeClasses(styles.severity, tone)}>{t.sparring.severity[finding.severity]}:</span>{' '}
        {finding.reason}
      </Body1>
      <br />
      <Caption1 className={styles.muted}>{t.sparring.suggestion(finding.suggestion)}</Caption1>
    </li>
  );
}

/** A request's draft, the coach's findings and (once answered) comms' reply. */
export function RequestDetails({
  request,
  idPrefix,
  draftTitle,
}: {
  request: SparringRequestView;
  idPrefix: string;
  draftTitle: string;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <>
      <section className={styles.block} aria-labelledby={`${idPrefix}-draft`}>
        <Subtitle2 as="h3" id={`${idPrefix}-draft`}>
          {draftTitle}
        </Subtitle2>
        <pre className={styles.draft}>{request.draft}</pre>
      </section>
      <section className={styles.block} aria-labelledby={`${idPrefix}-findings`}>
        <Subtitle2 as="h3" id={`${idPrefix}-findings`}>
          {t.sparring.findingsHeading}
        </Subtitle2>
        {request.findings.length ? (
          <ul className={styles.findings}>
            {request.findings.map((finding, i) => (
              <FindingItem key={`${finding.code}-${i}`} finding={finding} />
            ))}
          </ul>
        ) : (
          <Body1>{t.sparring.noFindings}</Body1>
        )}
      </section>
      {request.reply !== null && (
        <section className={styles.block} aria-labelledby={`${idPrefix}-reply`}>
          <Subtitle2 as="h3" id={`${idPrefix}-reply`}>
            {t.sparring.replyHeading}
          </Subtitle2>
          <Body1 className={styles.reply}>{request.reply}</Body1>
        </section>
      )}
    </>
  );
}
