import { useCallback, useEffect, useRef, useState } from 'react';
import {
  Body1,
  Button,
  Caption1,
  Link,
  ProgressBar,
  Tab,
  TabList,
  makeStyles,
  tokens,
  typographyStyles,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import type { CampaignInput, CampaignView } from '@contracts';
import { useI18n } from '../../../i18n';
import { useChorus } from '../../../state/chorus-context';
import { ErrorBar } from '../../../ui/error-bar';
import { Loading, Panel, Pill, Section } from '../../../ui/layout';
import { useAsync } from '../../../ui/use-async';
import type { Flash } from '../../program/flash';
import { FlashBar } from '../../program/flash-bar';
import { AnnounceDialog } from './announce-dialog';
import { CampaignEditor } from './campaign-editor';
import { FunnelView } from './funnel-view';
import { SendsPanel } from './sends-panel';
import { SharePointPublish } from './sharepoint-publish';

type View =
  { kind: 'list' } | { kind: 'campaign'; id: string | null; flash?: Flash; section?: DetailSection };
type DetailSection = 'details' | 'announce' | 'funnel';

const useStyles = makeStyles({
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'flex-end',
    gap: tokens.spacingHorizontalM,
  },
  muted: { color: tokens.colorNeutralForeground2, display: 'block', marginTop: tokens.spacingVerticalXXS },
  tableWrap: { overflowX: 'auto' },
  table: {
    width: '100%',
    borderCollapse: 'collapse',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    '& th, & td': {
      padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      textAlign: 'start',
      verticalAlign: 'top',
      fontSize: tokens.fontSizeBase300,
    },
    '& thead th': { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  },
  goal: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: '120px' },
  detail: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  detailHeader: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  heading: { ...typographyStyles.subtitle1, margin: 0, ':focus': { outline: 'none' } },
  back: { alignSelf: 'flex-start' },
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  empty: { padding: tokens.spacingHorizontalL },
});

/** Admin › Campaigns (comms): the list with status and joined of goal, and each campaign's page. */
export function CampaignsAdmin() {
  const { t, formatDate } = useI18n();
  const styles = useStyles();
  const { api } = useChorus();
  const [view, setView] = useState<View>({ kind: 'list' });
  const [generation, setGeneration] = useState(0);
  const list = useAsync((signal) => api.adminCampaigns(signal), `campaigns-${generation}`);
  const lastOpened = useRef<string | null>(null);
  const listRef = useRef<HTMLDivElement>(null);

  // Back on the list: focus returns to the campaign that was open.
  useEffect(() => {
    if (view.kind !== 'list' || lastOpened.current === null) return;
    const id = lastOpened.current;
    lastOpened.current = null;
    const target =
      listRef.current?.querySelector<HTMLElement>(`[data-campaign-id="${CSS.escape(id)}"]`) ??
      listRef.current?.querySelector<HTMLElement>('[data-testid="campaign-new"]');
    target?.focus();
  }, [view]);

  if (view.kind === 'campaign') {
    return (
      <CampaignPage
        key={view.id ?? 'new'}
        campaignId={view.id}
        initialFlash={view.flash ?? null}
        initialSection={view.section ?? 'details'}
        onBack={() => {
          lastOpened.current = view.id ?? '';
          setView({ kind: 'list' });
          setGeneration((g) => g + 1);
        }}
        onCreated={(campaign, flash) =>
          setView({ kind: 'campaign', id: campaign.id, flash, section: 'announce' })
        }
      />
    );
  }

  const campaigns = list.data?.campaigns ?? [];
  return (
    <div ref={listRef}>
      <Section
        id="campaigns-admin"
        title={t.recruit.title}
        aside={<Caption1 className={styles.muted}>{t.recruit.intro}</Caption1>}
      >
        <div className={styles.toolbar}>
          <Button
            appearance="primary"
            onClick={() => setView({ kind: 'campaign', id: null })}
            data-testid="campaign-new"
          >
            {t.recruit.newCampaign}
          </Button>
        </div>
        {list.error !== null && <ErrorBar error={list.error} onRetry={() => void list.reload()} />}
        {list.data === undefined ? (
          list.error === null && <Loading label={t.recruit.loading} />
        ) : campaigns.length === 0 ? (
          <Panel className={styles.empty}>
            <Body1>{t.recruit.empty}</Body1>
          </Panel>
        ) : (
          <div className={styles.tableWrap}>
            <table
              className={styles.table}
              aria-label={t.recruit.listLabel}
              data-testid="campaign-admin-list"
            >
              <thead>
                <tr>
                  <th scope="col">{t.recruit.columns.name}</th>
                  <th scope="col">{t.recruit.columns.status}</th>
                  <th scope="col">{t.recruit.columns.period}</th>
                  <th scope="col">{t.recruit.columns.joined}</th>
                </tr>
              </thead>
              <tbody>
                {campaigns.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">
                      <Link data-campaign-id={c.id} onClick={() => setView({ kind: 'campaign', id: c.id })}>
                        {c.name}
                      </Link>
                    </th>
                    <td>
                      <Pill strong={c.status === 'running'}>{t.recruit.status[c.status]}</Pill>
                    </td>
                    <td>{t.recruit.periodRange(formatDate(c.startsAt), formatDate(c.endsAt))}</td>
                    <td>
                      <div className={styles.goal}>
                        <span>{t.recruit.joinedOfGoal(c.joined, c.goalAmbassadors)}</span>
                        <ProgressBar
                          value={Math.min(1, c.joined / Math.max(1, c.goalAmbassadors))}
                          aria-label={t.recruit.joinedOfGoal(c.joined, c.goalAmbassadors)}
                        />
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>
    </div>
  );
}

/** One campaign: details and audience (the editor), announcing and its sends, and the funnel. */
function CampaignPage({
  campaignId,
  initialFlash,
  initialSection,
  onBack,
  onCreated,
}: {
  campaignId: string | null;
  initialFlash: Flash | null;
  initialSection: DetailSection;
  onBack: () => void;
  onCreated: (campaign: CampaignView, flash: Flash) => void;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const { api } = useChorus();
  const restoreFocus = useRestoreFocusTarget();
  const campaign = useAsync(
    (signal) => (campaignId ? api.adminCampaign(campaignId, signal) : Promise.resolve(null)),
    campaignId ?? 'new',
  );
  const [section, setSection] = useState<DetailSection>(initialSection);
  const [flash, setFlash] = useState<Flash | null>(initialFlash);
  const [announcing, setAnnouncing] = useState(false);
  const [sendsGeneration, setSendsGeneration] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const save = useCallback(
    async (input: CampaignInput) => {
      if (campaignId) {
        campaign.set(await api.updateCampaign(campaignId, input));
      } else {
        const created = await api.createCampaign(input);
        onCreated(created, { intent: 'success', text: t.recruit.created });
      }
    },
    [api, campaign, campaignId, onCreated, t],
  );

  const current = campaign.data ?? null;
  const title = current?.name ?? t.recruit.newTitle;

  return (
    <div className={styles.detail}>
      <Button className={styles.back} appearance="subtle" onClick={onBack}>
        {t.recruit.back}
      </Button>
      <div className={styles.detailHeader}>
        <h2 className={styles.heading} ref={headingRef} tabIndex={-1}>
          {title}
        </h2>
        {current && <Pill strong={current.status === 'running'}>{t.recruit.status[current.status]}</Pill>}
        {current && (
          <Caption1 className={styles.muted}>
            {t.recruit.columns.joined}: {t.recruit.joinedOfGoal(current.joined, current.goalAmbassadors)}
          </Caption1>
        )}
      </div>
      <FlashBar flash={flash} />
      {campaign.error !== null && <ErrorBar error={campaign.error} onRetry={() => void campaign.reload()} />}
      {campaignId && campaign.data === undefined ? (
        campaign.error === null && <Loading label={t.recruit.loading} />
      ) : !current ? (
        <CampaignEditor campaign={null} onSave={save} />
      ) : (
        <>
          <TabList
            aria-label={t.recruit.sections}
            selectedValue={section}
            onTabSelect={(_, d) => {
              setFlash(null);
              setSection(d.value === 'announce' ? 'announce' : d.value === 'funnel' ? 'funnel' : 'details');
            }}
          >
            <Tab id="campaign-tab-details" value="details" aria-controls="campaign-panel">
              {t.recruit.detailsTab}
            </Tab>
            <Tab id="campaign-tab-announce" value="announce" aria-controls="campaign-panel">
              {t.recruit.announceTab}
            </Tab>
            <Tab id="campaign-tab-funnel" value="funnel" aria-controls="campaign-panel">
              {t.recruit.funnelTab}
            </Tab>
          </TabList>
          <div
            id="campaign-panel"
            role="tabpanel"
            aria-labelledby={`campaign-tab-${section}`}
            className={styles.panel}
          >
            {section === 'details' && <CampaignEditor campaign={current} onSave={save} />}
            {section === 'announce' && (
              <>
                <div>
                  <Button
                    appearance="primary"
                    aria-haspopup="dialog"
                    onClick={() => {
                      setFlash(null);
                      setAnnouncing(true);
                    }}
                    {...restoreFocus}
                    data-testid="campaign-announce"
                  >
                    {t.recruit.announce}
                  </Button>
                </div>
                <Section id="campaign-sends" title={t.recruit.sendsTitle}>
                  <SendsPanel campaignId={current.id} generation={sendsGeneration} />
                </Section>
                <SharePointPublish campaign={current} onPublished={(updated) => campaign.set(updated)} />
                {announcing && (
                  <AnnounceDialog
                    campaign={current}
                    onClose={() => setAnnouncing(false)}
                    onSent={() => {
                      setFlash({ intent: 'success', text: t.recruit.started });
                      setSendsGeneration((g) => g + 1);
                      void campaign.reload();
                    }}
                  />
                )}
              </>
            )}
            {section === 'funnel' && <FunnelView campaignId={current.id} />}
          </div>
        </>
      )}
    </div>
  );
}
