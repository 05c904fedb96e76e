import { useState } from 'react';
import { Body1, Button, Caption1, Link, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { CampaignView } from '@contracts';
import { useI18n } from '../../../i18n';
import { useChorus } from '../../../state/chorus-context';
import { ErrorBar, Notice } from '../../../ui/error-bar';
import { Section } from '../../../ui/layout';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  muted: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

/**
 * "Publish to SharePoint": the campaign as a news page in the intranet's site. Shown only when the
 * server says publishing is set up (SHAREPOINT_SITE_ID); once published, a link to the page and
 * "Publish a new page".
 */
export function SharePointPublish({
  campaign,
  onPublished,
}: {
  campaign: CampaignView;
  onPublished: (campaign: CampaignView) => void;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const { api, config } = useChorus();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [justPublished, setJustPublished] = useState(false);

  if (!config.sharepointPublishing) return null;

  const publish = async (republish: boolean) => {
    setBusy(true);
    setError(null);
    setJustPublished(false);
    try {
      const updated = await api.publishToSharePoint(campaign.id, republish);
      setJustPublished(true);
      onPublished(updated);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const url = campaign.sharepointUrl;
  return (
    <Section id="campaign-sharepoint" title={t.sharepoint.title}>
      <div className={styles.body} data-testid="campaign-sharepoint">
        <Body1 className={styles.muted}>{t.sharepoint.intro}</Body1>
        {justPublished && <Notice intent="success">{t.sharepoint.published}</Notice>}
        {error !== null && <ErrorBar error={error} />}
        {url && (
          <Body1>
            <Link href={url} target="_blank" rel="noopener noreferrer" data-testid="campaign-sharepoint-link">
              {t.sharepoint.openPage}
            </Link>{' '}
            <Caption1 className={styles.muted}>{t.sharepoint.opensInNewWindow}</Caption1>
          </Body1>
        )}
        <div className={styles.actions}>
          <Button
            appearance={url ? 'secondary' : 'primary'}
            disabled={busy}
            onClick={() => void publish(url !== null)}
            data-testid="campaign-sharepoint-publish"
          >
            {url ? t.sharepoint.republish : t.sharepoint.publish}
          </Button>
          {busy && <Spinner size="tiny" label={t.sharepoint.publishing} />}
          {url && !busy && <Caption1 className={styles.muted}>{t.sharepoint.republishHint}</Caption1>}
        </div>
      </div>
    </Section>
  );
}
