import { useState, type ReactNode } from 'react';
import {
  Body1,
  Button,
  Field,
  Radio,
  RadioGroup,
  Spinner,
  Subtitle2,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { Impact, MyShares, ProgramDocumentView } from '@contracts';
import { FeedbackForm } from '../share/feedback-form';
import { useI18n } from '../../i18n';
import { itemPath, useChorus } from '../../state/chorus-context';
import { ErrorBar, Notice } from '../../ui/error-bar';
import { EmptyState, Loading, Page, Panel, Section } from '../../ui/layout';
import { markdownBlockCount } from '../../ui/markdown';
import { useAsync } from '../../ui/use-async';
import { useItemLinkHandler } from '../library/item-card';
import type { Flash } from '../program/flash';
import { FlashBar } from '../program/flash-bar';
import { MembershipCard } from '../program/membership-card';
import { OutdatedGuidelinesNotice } from '../program/outdated-notice';
import { GuidelinesSection, PurposeSection, useDocumentBody } from '../program/program-documents';
import { ImpactChart, fillDays } from './impact-chart';
import { MyGamification } from '../cockpit/gamification/my-gamification';

const SUMMARY_BLOCKS = 3;
const PERIODS = [7, 30, 90] as const;
type Period = (typeof PERIODS)[number];

const useStyles = makeStyles({
  period: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  numbers: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))',
    gap: tokens.spacingHorizontalM,
    margin: 0,
  },
  card: { padding: tokens.spacingHorizontalL, gap: tokens.spacingVerticalXS },
  label: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  value: { margin: 0 },
  tableWrap: { overflowX: 'auto' },
  table: {
    width: '100%',
    borderCollapse: 'collapse',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    '& th, & td': {
      padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      textAlign: 'start',
      fontSize: tokens.fontSizeBase300,
    },
    '& thead th': { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
    '& td.num, & th.num': { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
  },
  link: { color: tokens.colorBrandForegroundLink },
  posts: { listStyleType: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalM },
  post: { padding: tokens.spacingHorizontalL, gap: tokens.spacingVerticalS },
  postTitle: { margin: 0 },
  postMeta: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

/** Whether the person had any activity in the period (shares, or clicks on earlier shares). */
function hasActivity(impact: Impact): boolean {
  return impact.totals.shares > 0 || impact.totals.clicks > 0 || impact.byItem.length > 0;
}

/** The ambassador's own results (private), then membership, purpose and the guidelines in short. */
export function ImpactPage() {
  const { t } = useI18n();
  const { me, program, navigate } = useChorus();
  const [flash, setFlash] = useState<Flash | null>(null);
  // Bumped when a post's reactions or comments are saved, so the totals reload.
  const [feedbackVersion, setFeedbackVersion] = useState(0);

  return (
    <Page title={t.impact.title} intro={t.impact.intro}>
      <FlashBar flash={flash} />
      <OutdatedGuidelinesNotice me={me} program={program.data} />
      <Results version={feedbackVersion} />
      <YourPosts onSaved={() => setFeedbackVersion((v) => v + 1)} />
      {me.membership && <MyGamification />}
      {me.membership ? (
        <MembershipCard membership={me.membership} onFlash={setFlash} />
      ) : (
        <Section id="impact-membership" title={t.impact.membershipTitle}>
          <Body1 as="p">
            {t.member.notMember} {t.member.notMemberHint}
          </Body1>
          <div>
            <Button appearance="primary" onClick={() => navigate('campaigns')}>
              {t.library.goToCampaigns}
            </Button>
          </div>
        </Section>
      )}
      {program.error !== null && <ErrorBar error={program.error} onRetry={() => void program.reload()} />}
      {program.data === undefined ? (
        program.error === null && <Loading label={t.program.loading} />
      ) : (
        <>
          <PurposeSection purpose={program.data.purpose} />
          <GuidelinesSummary guidelines={program.data.guidelines} />
        </>
      )}
    </Page>
  );
}

function Results({ version }: { version: number }) {
  const { t, formatNumber, language } = useI18n();
  const styles = useStyles();
  const { api, navigate } = useChorus();
  const [days, setDays] = useState<Period>(30);
  const impact = useAsync((signal) => api.impact(days, signal), `${days}:${version}`);
  const data = impact.data;

  const period = (
    <div className={styles.period}>
      <Field label={t.impact.period}>
        <RadioGroup
          layout="horizontal"
          value={String(days)}
          onChange={(_, d) => setDays(PERIODS.find((p) => String(p) === d.value) ?? 30)}
          data-testid="impact-period"
        >
          {PERIODS.map((p) => (
            <Radio key={p} value={String(p)} label={t.impact.days(p)} />
          ))}
        </RadioGroup>
      </Field>
      {impact.loading && data !== undefined && <Spinner size="tiny" label={t.impact.updating} />}
    </div>
  );

  if (data === undefined) {
    return (
      <>
        <Notice intent="info">{t.impact.privateNotice}</Notice>
        {period}
        {impact.error !== null ? (
          <ErrorBar error={impact.error} onRetry={() => void impact.reload()} />
        ) : (
          <Loading label={t.impact.loading} />
        )}
      </>
    );
  }

  const points = fillDays(data.daily, data.days);
  const best = points.reduce<(typeof points)[number] | null>(
    (top, p) => (p.clicks > 0 && (!top || p.clicks > top.clicks) ? p : top),
    null,
  );
  const bestLabel = best
    ? new Intl.DateTimeFormat(language === 'da' ? 'da-DK' : 'en-GB', {
        day: 'numeric',
        month: 'long',
        timeZone: 'UTC',
      }).format(new Date(`${best.date}T00:00:00Z`))
    : null;
  const numbers = [
    { key: 'shares', label: t.impact.shares, value: data.totals.shares },
    { key: 'clicks', label: t.impact.clicks, value: data.totals.clicks },
    { key: 'unique', label: t.impact.uniqueClicks, value: data.totals.uniqueClicks },
    { key: 'reactions', label: t.impact.reactions, value: data.totals.reactions },
  ];

  return (
    <>
      <Notice intent="info">{t.impact.privateNotice}</Notice>
      {period}
      {impact.error !== null && <ErrorBar error={impact.error} onRetry={() => void impact.reload()} />}
      {!hasActivity(data) ? (
        <EmptyState
          id="impact-empty"
          title={t.impact.emptyTitle(data.days)}
          actions={
            <Button appearance="primary" onClick={() => navigate('library')}>
              {t.impact.goToLibrary}
            </Button>
          }
        >
          <Body1 as="p">{t.impact.emptyBody}</Body1>
        </EmptyState>
      ) : (
        <>
          <Section id="impact-totals" title={t.impact.totals}>
            <dl className={styles.numbers} aria-busy={impact.loading}>
              {numbers.map((n) => (
                <Panel key={n.key} className={styles.card} data-testid={`impact-${n.key}`}>
                  <dt className={styles.label}>{n.label}</dt>
                  <dd className={styles.value}>
                    <Title2>{formatNumber(n.value)}</Title2>
                  </dd>
                </Panel>
              ))}
            </dl>
          </Section>
          <Section id="impact-chart" title={t.impact.chartTitle}>
            <Panel>
              <ImpactChart
                points={points}
                summary={t.impact.chartSummary(data.days, data.totals.shares, data.totals.clicks, bestLabel)}
              />
            </Panel>
          </Section>
          {data.byItem.length > 0 && (
            <Section id="impact-by-item" title={t.impact.byItem}>
              <CountsTable
                labelledBy="impact-by-item"
                keyHeader={t.impact.item}
                rows={data.byItem.map((row) => ({
                  key: row.itemId,
                  label: <ItemLink itemId={row.itemId} title={row.title} />,
                  ...row,
                }))}
              />
            </Section>
          )}
          {data.byNetwork.length > 0 && (
            <Section id="impact-by-network" title={t.impact.byNetwork}>
              <CountsTable
                labelledBy="impact-by-network"
                keyHeader={t.impact.network}
                rows={data.byNetwork.map((row) => ({
                  key: row.network,
                  label: t.networks[row.network],
                  ...row,
                }))}
              />
            </Section>
          )}
        </>
      )}
    </>
  );
}

/** Shares, clicks and unique clicks per row (an item, a network), the row's label as its header. */
function CountsTable({
  labelledBy,
  keyHeader,
  rows,
}: {
  labelledBy: string;
  keyHeader: string;
  rows: { key: string; label: ReactNode; shares: number; clicks: number; uniqueClicks: number }[];
}) {
  const styles = useStyles();
  const { t, formatNumber } = useI18n();
  return (
    <div className={styles.tableWrap}>
      <table className={styles.table} aria-labelledby={labelledBy} data-testid={labelledBy}>
        <thead>
          <tr>
            <th scope="col">{keyHeader}</th>
            <th scope="col" className="num">
              {t.impact.shares}
            </th>
            <th scope="col" className="num">
              {t.impact.clicks}
            </th>
            <th scope="col" className="num">
              {t.impact.uniqueClicks}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              <td className="num">{formatNumber(row.shares)}</td>
              <td className="num">{formatNumber(row.clicks)}</td>
              <td className="num">{formatNumber(row.uniqueClicks)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type MyShare = MyShares['shares'][number];

/** The ambassador's own posts, each with a small form to record reactions and comments later. */
function YourPosts({ onSaved }: { onSaved: () => void }) {
  const { t } = useI18n();
  const styles = useStyles();
  const { api } = useChorus();
  const posts = useAsync((signal) => api.myShares(signal), 'my-shares');
  const data = posts.data;

  return (
    <Section id="impact-posts" title={t.impact.postsTitle}>
      <Body1 as="p">{t.impact.postsIntro}</Body1>
      {posts.error !== null && <ErrorBar error={posts.error} onRetry={() => void posts.reload()} />}
      {data === undefined ? (
        posts.error === null && <Loading label={t.impact.postsLoading} />
      ) : data.shares.length === 0 ? (
        <EmptyState id="impact-posts-empty" title={t.impact.postsEmptyTitle}>
          <Body1 as="p">{t.impact.postsEmptyBody}</Body1>
        </EmptyState>
      ) : (
        <ul className={styles.posts} aria-labelledby="impact-posts" data-testid="impact-posts">
          {data.shares.map((share) => (
            <li key={share.shareId}>
              <PostFeedback share={share} onSaved={onSaved} />
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function PostFeedback({ share, onSaved }: { share: MyShare; onSaved: () => void }) {
  const { t, formatDate } = useI18n();
  const styles = useStyles();
  const network = t.networks[share.network];

  return (
    <Panel className={styles.post} data-testid={`impact-post-${share.shareId}`}>
      <Subtitle2 as="h3" className={styles.postTitle}>
        <ItemLink itemId={share.itemId} title={share.title} />
      </Subtitle2>
      <Body1 as="p" className={styles.postMeta}>
        {t.impact.postMeta(network, formatDate(share.sharedAt))}
        {share.postUrl && (
          <>
            {' · '}
            <a className={styles.link} href={share.postUrl} target="_blank" rel="noopener noreferrer">
              {t.impact.openPost}
            </a>
          </>
        )}
      </Body1>
      <FeedbackForm
        shareId={share.shareId}
        initialReactions={share.reactions}
        initialComments={share.comments}
        label={t.impact.postFormLabel(share.title, network)}
        onSaved={onSaved}
      />
    </Panel>
  );
}

function ItemLink({ itemId, title }: { itemId: string; title: string }) {
  const styles = useStyles();
  const onClick = useItemLinkHandler(itemId);
  return (
    <a className={styles.link} href={itemPath(itemId)} onClick={onClick}>
      {title}
    </a>
  );
}

function GuidelinesSummary({ guidelines }: { guidelines: ProgramDocumentView }) {
  const { t } = useI18n();
  const { navigate } = useChorus();
  const body = useDocumentBody(guidelines);
  const truncated = markdownBlockCount(body) > SUMMARY_BLOCKS;
  return (
    <GuidelinesSection
      id="impact-guidelines"
      title={t.impact.guidelinesSummary}
      guidelines={guidelines}
      maxBlocks={SUMMARY_BLOCKS}
    >
      {truncated && (
        <div>
          <Button appearance="secondary" onClick={() => navigate('campaigns')}>
            {t.impact.readFull}
          </Button>
        </div>
      )}
    </GuidelinesSection>
  );
}
