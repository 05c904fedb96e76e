import { useEffect, useMemo, useState } from 'react';
import { Body1, Caption1, Field, Select, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useT } from '../../i18n';
import { useChorus } from '../../state/chorus-context';
import type { TabConfig, TeamsHost } from '../../teams/teams-host';
import { ErrorBar, Notice } from '../../ui/error-bar';
import { Page } from '../../ui/layout';
import { useAsync } from '../../ui/use-async';

const useStyles = makeStyles({
  url: {
    display: 'block',
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
    borderRadius: tokens.borderRadiusMedium,
    overflowWrap: 'anywhere',
  },
});

/** The configuration a channel tab or SharePoint page saves: the campaigns page, embedded. */
export function campaignTabConfig(origin: string, campaignId: string | null, displayName: string): TabConfig {
  const params = new URLSearchParams({ tab: 'campaigns', embed: '1' });
  if (campaignId) params.set('campaign', campaignId);
  const website = new URLSearchParams(params);
  website.delete('embed');
  params.set('inTeams', '1');
  return {
    entityId: campaignId ? `campaign-${campaignId}` : 'campaigns',
    contentUrl: `${origin}/?${params}`,
    websiteUrl: `${origin}/?${website}`,
    suggestedDisplayName: displayName,
  };
}

/**
 * The configurable tab's configuration page (`?tab=configure&inTeams=1`, the host's "settings" frame):
 * which campaigns the tab shows. Teams channels and SharePoint (full page and web part) use it.
 */
export default function ConfigurePage({ tabConfig }: { tabConfig: TeamsHost['tabConfig'] | null }) {
  const t = useT();
  const styles = useStyles();
  const { api } = useChorus();
  const running = useAsync((signal) => api.runningCampaigns(signal), 'running');
  const [campaignId, setCampaignId] = useState('');
  const [error, setError] = useState<unknown>(null);
  const config = useMemo(
    () => campaignTabConfig(window.location.origin, campaignId || null, t.configure.displayName),
    [campaignId, t],
  );

  // The host's Save button stores what is chosen now; every change is handed over at once.
  useEffect(() => {
    if (!tabConfig) return;
    tabConfig.onSave(() => tabConfig.set(config));
    tabConfig.set(config).then(
      () => setError(null),
      (err: unknown) => setError(err),
    );
  }, [tabConfig, config]);

  return (
    <Page title={t.configure.title} intro={t.configure.intro}>
      {running.error !== null && <ErrorBar error={running.error} onRetry={() => void running.reload()} />}
      {running.data === undefined && running.error === null ? (
        <Spinner size="tiny" label={t.configure.loadingCampaigns} />
      ) : (
        <Field label={t.configure.campaign}>
          <Select value={campaignId} onChange={(_, data) => setCampaignId(data.value)}>
            <option value="">{t.configure.allCampaigns}</option>
            {(running.data?.campaigns ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {error !== null && <ErrorBar error={error} />}
      {tabConfig ? (
        <Body1>{t.configure.ready}</Body1>
      ) : (
        <Notice intent="info">
          {t.configure.outsideHost}
          <Caption1 as="span" className={styles.url} data-testid="configure-url">
            {config.contentUrl}
          </Caption1>
        </Notice>
      )}
    </Page>
  );
}
