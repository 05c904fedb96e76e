import { useState } from 'react';
import { Body1, Button, Caption1, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { DrawView } from '@contracts';
import { useI18n } from '../../../i18n';
import { useChorus } from '../../../state/chorus-context';
import { ErrorBar, Notice } from '../../../ui/error-bar';
import { Panel } from '../../../ui/layout';

const useStyles = makeStyles({
  seed: {
    fontFamily: tokens.fontFamilyMonospace,
    wordBreak: 'break-all',
    margin: 0,
  },
  tableWrap: { overflowX: 'auto', maxHeight: '240px', overflowY: 'auto' },
  table: {
    borderCollapse: 'collapse',
    '& th, & td': {
      padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      textAlign: 'start',
    },
    '& td.num': { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
  },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  muted: { color: tokens.colorNeutralForeground2, margin: 0 },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
});

/**
 * A published draw: the seed, the frozen entries in order, the winners (names only for comms, as the
 * server sends them) and "Verify", which re-runs the public algorithm through /api/draws/verify.
 */
export function DrawResult({ draw }: { draw: DrawView }) {
  const { t, formatDate, formatNumber } = useI18n();
  const g = t.gamification;
  const styles = useStyles();
  const { api } = useChorus();
  const [verifying, setVerifying] = useState(false);
  const [verified, setVerified] = useState<boolean | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function verify() {
    setVerifying(true);
    setVerified(null);
    setError(null);
    try {
      const result = await api.verifyPrizeDraw({
        seed: draw.seed,
        entries: draw.entries,
        winnerCount: draw.winnerCount,
      });
      const published = draw.winners.map((w) => w.entrant);
      setVerified(
        result.winners.length === published.length && result.winners.every((w, i) => w === published[i]),
      );
    } catch (err) {
      setError(err);
    } finally {
      setVerifying(false);
    }
  }

  const headingId = `draw-${draw.id}`;
  return (
    <Panel>
      <section aria-labelledby={headingId} data-testid="draw-result" className={styles.section}>
        <Body1 as="h3" id={headingId} className={styles.heading}>
          <strong>
            {g.drawResult}: {draw.challengeTitle}
          </strong>
        </Body1>
        <Caption1 as="p" className={styles.muted}>
          {formatDate(draw.drawnAt, true)}
        </Caption1>
        <Body1 as="p">
          <strong>{g.seed}:</strong>
        </Body1>
        <p className={styles.seed} data-testid="draw-seed">
          {draw.seed}
        </p>
        {draw.entries.length === 0 ? (
          <Body1 as="p">{g.noEntries}</Body1>
        ) : (
          <>
            <Body1 as="p">
              <strong>{g.winners}</strong>
            </Body1>
            <ol className={styles.list} data-testid="draw-winners">
              {draw.winners.map((w) => (
                <li key={w.entrant} value={w.position}>
                  {g.winnerLine(w.entrant, w.name)}
                </li>
              ))}
            </ol>
            <div
              className={styles.tableWrap}
              tabIndex={0}
              role="region"
              aria-label={g.entries(draw.entries.length)}
            >
              <table className={styles.table}>
                <caption>{g.entries(draw.entries.length)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{g.entrant}</th>
                    <th scope="col">{g.tickets}</th>
                  </tr>
                </thead>
                <tbody>
                  {draw.entries.map((e) => (
                    <tr key={e.entrant}>
                      <td>{e.entrant}</td>
                      <td className="num">{formatNumber(e.tickets)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
        <Caption1 as="p" className={styles.muted}>
          {draw.howToVerify}
        </Caption1>
        <div className={styles.actions}>
          <Button onClick={() => void verify()} disabled={verifying}>
            {verifying ? g.verifying : g.verify}
          </Button>
          {verifying && <Spinner size="tiny" aria-hidden />}
        </div>
        <div aria-live="polite">
          {verified === true && <Notice intent="success">{g.sameWinners}</Notice>}
          {verified === false && <Notice intent="error">{g.differentWinners}</Notice>}
        </div>
        {error !== null && <ErrorBar error={error} />}
      </section>
    </Panel>
  );
}
