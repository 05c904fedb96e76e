import { Suspense, lazy, useCallback, useEffect, useRef, useState } from 'react';
import {
  Body1,
  Button,
  makeStyles,
  tokens,
  typographyStyles,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import type { MyCampaign, ProgramView } from '@contracts';
import { useT } from '../../i18n';
import { useChorus, type CampaignLink } from '../../state/chorus-context';
import { ErrorBar, Notice } from '../../ui/error-bar';
import { EmptyState, Loading, Page, Section } from '../../ui/layout';
import { useAsync } from '../../ui/use-async';
import type { Flash } from '../program/flash';
import { FlashBar } from '../program/flash-bar';
import { JoinForm } from '../program/join-form';
import { MembershipCard } from '../program/membership-card';
import { OutdatedGuidelinesNotice } from '../program/outdated-notice';
import { GuidelinesSection, PurposeSection } from '../program/program-documents';
import { CampaignCard } from './campaign-card';

// Recommending is occasional: the dialog (people search, Fluent's dialog) loads on first use.
const NominateDialog = lazy(() => import('../my-team/nominate-dialog'));

const useStyles = makeStyles({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
  },
  step: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  stepHeading: { ...typographyStyles.subtitle1, margin: 0, ':focus': { outline: 'none' } },
  back: { alignSelf: 'flex-start' },
});

/**
 * Campaigns: the recruitment campaigns open to the signed-in person (Join, Not now), the program's
 * purpose and guidelines, and the opt-in. A link from an invitation card
 * (`?tab=campaigns&campaign=<id>&join=1`) opens the consent step for that campaign straight away.
 * On a channel tab or a SharePoint page (`embedded`) it shows the campaigns alone.
 */
export function CampaignsPage() {
  const t = useT();
  const styles = useStyles();
  const { api, me, program, campaignLink, showCampaign, embedded } = useChorus();
  const restoreFocus = useRestoreFocusTarget();
  const [flash, setFlash] = useState<Flash | null>(null);
  const isMember = me.membership !== null;
  const campaigns = useAsync((signal) => api.myCampaigns(signal), isMember ? 'member' : 'not-member');
  const running = useAsync(
    (signal) => (embedded ? Promise.resolve(undefined) : api.runningCampaigns(signal)),
    embedded ? 'embedded' : 'running',
  );
  const [declined, setDeclined] = useState<ReadonlySet<string>>(new Set());
  const [recommending, setRecommending] = useState(false);
  const seen = useRef(new Set<string>());

  // "Opened": once per campaign and visit. A lost report only makes the funnel a little low.
  const markSeen = useCallback(
    (campaignId: string) => {
      if (seen.current.has(campaignId)) return;
      seen.current.add(campaignId);
      api.campaignOpened(campaignId).catch((err: unknown) => {
        seen.current.delete(campaignId);
        console.warn('Chorus: could not record that a campaign was opened', err);
      });
    },
    [api],
  );

  const joinLink = campaignLink?.join ? campaignLink : null;

  // A member following an old invitation has nothing left to join.
  useEffect(() => {
    if (joinLink && isMember) {
      setFlash({ intent: 'info', text: t.campaigns.alreadyMember });
      showCampaign(null);
    }
  }, [joinLink, isMember, showCampaign, t]);

  useEffect(() => {
    if (joinLink && !isMember) markSeen(joinLink.campaignId);
  }, [joinLink, isMember, markSeen]);

  const decline = useCallback(
    async (campaignId: string) => {
      await api.declineCampaign(campaignId);
      setDeclined((set) => new Set([...set, campaignId]));
      setFlash({ intent: 'success', text: t.campaigns.declined });
      if (campaignLink?.campaignId === campaignId) showCampaign(null);
    },
    [api, campaignLink, showCampaign, t],
  );

  const all = (campaigns.data?.campaigns ?? []).filter((c) => !declined.has(c.id));
  // On an intranet page set up for one campaign, only that one.
  const open = embedded && campaignLink ? all.filter((c) => c.id === campaignLink.campaignId) : all;

  if (joinLink && !isMember) {
    return (
      <JoinStep
        link={joinLink}
        campaign={all.find((c) => c.id === joinLink.campaignId) ?? null}
        program={program.data}
        programError={program.error}
        reloadProgram={() => void program.reload()}
        flash={flash}
        setFlash={setFlash}
        onBack={() => showCampaign({ campaignId: joinLink.campaignId, join: false })}
        onJoined={() => showCampaign(null)}
      />
    );
  }

  const campaignList =
    campaigns.error !== null ? (
      <ErrorBar error={campaigns.error} onRetry={() => void campaigns.reload()} />
    ) : campaigns.data === undefined ? (
      <Loading label={t.campaigns.loading} />
    ) : open.length > 0 ? (
      <Section id="open-campaigns" title={t.campaigns.openTitle}>
        <ul className={styles.list} aria-label={t.campaigns.listLabel} data-testid="campaign-list">
          {open.map((campaign: MyCampaign) => (
            <CampaignCard
              key={campaign.id}
              campaign={campaign}
              highlighted={!embedded && campaignLink?.campaignId === campaign.id}
              onSeen={markSeen}
              onJoin={(campaignId) => {
                setFlash(null);
                showCampaign({ campaignId, join: true });
              }}
              onDecline={decline}
            />
          ))}
        </ul>
      </Section>
    ) : isMember ? null : (
      <EmptyState id="campaigns-empty" title={t.campaigns.emptyTitle}>
        <Body1 as="p">{t.campaigns.emptyBody}</Body1>
      </EmptyState>
    );

  const runningCampaigns = running.data?.campaigns ?? [];

  return (
    <Page title={t.campaigns.title} intro={embedded ? undefined : t.campaigns.intro}>
      <FlashBar flash={flash} />
      <OutdatedGuidelinesNotice me={me} program={program.data} />
      {isMember &&
        (embedded ? (
          <Notice intent="success">{t.campaigns.alreadyMember}</Notice>
        ) : (
          me.membership && <MembershipCard membership={me.membership} onFlash={setFlash} />
        ))}
      {campaignList}
      {!embedded && runningCampaigns.length > 0 && (
        <Section id="recommend-colleague" title={t.campaigns.recommendTitle}>
          <Body1>{t.campaigns.recommendBody}</Body1>
          <div>
            <Button
              onClick={() => {
                setFlash(null);
                setRecommending(true);
              }}
              aria-haspopup="dialog"
              {...restoreFocus}
              data-testid="recommend-open"
            >
              {t.campaigns.recommend}
            </Button>
          </div>
          {recommending && (
            <Suspense fallback={null}>
              <NominateDialog
                open
                onOpenChange={setRecommending}
                target={{ mode: 'colleague' }}
                campaigns={running.data?.campaigns}
                onSent={(person) =>
                  setFlash({ intent: 'success', text: t.nominate.sentColleague(person.displayName) })
                }
              />
            </Suspense>
          )}
        </Section>
      )}
      {!embedded &&
        (program.error !== null ? (
          <ErrorBar error={program.error} onRetry={() => void program.reload()} />
        ) : program.data === undefined ? (
          <Loading label={t.program.loading} />
        ) : (
          <>
            <PurposeSection purpose={program.data.purpose} ambassadorCount={program.data.ambassadorCount} />
            <GuidelinesSection guidelines={program.data.guidelines} />
            {!isMember && <JoinForm program={program.data} onFlash={setFlash} />}
          </>
        ))}
    </Page>
  );
}

/** The consent step for one campaign: its name, the current guidelines, and the join form. */
function JoinStep({
  link,
  campaign,
  program,
  programError,
  reloadProgram,
  flash,
  setFlash,
  onBack,
  onJoined,
}: {
  link: CampaignLink;
  /** Null when the campaign is not in the person's list (a channel post reached them, say). */
  campaign: MyCampaign | null;
  program: ProgramView | undefined;
  programError: unknown;
  reloadProgram: () => void;
  flash: Flash | null;
  setFlash: (flash: Flash) => void;
  onBack: () => void;
  onJoined: () => void;
}) {
  const t = useT();
  const styles = useStyles();
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, [link.campaignId]);

  return (
    <Page title={t.campaigns.title}>
      <div className={styles.step} data-testid="campaign-join-step">
        <Button className={styles.back} appearance="subtle" onClick={onBack}>
          {t.campaigns.back}
        </Button>
        <FlashBar flash={flash} />
        <h2 ref={headingRef} tabIndex={-1} className={styles.stepHeading}>
          {campaign ? t.campaigns.joinTitle(campaign.name) : t.campaigns.joinTitleGeneric}
        </h2>
        <Body1>{t.campaigns.joinIntro}</Body1>
        <Body1>{t.campaigns.voluntary}</Body1>
        {programError !== null ? (
          <ErrorBar error={programError} onRetry={reloadProgram} />
        ) : program === undefined ? (
          <Loading label={t.program.loading} />
        ) : (
          <>
            <GuidelinesSection guidelines={program.guidelines} />
            <JoinForm program={program} onFlash={setFlash} campaignId={link.campaignId} onJoined={onJoined} />
          </>
        )}
      </div>
    </Page>
  );
}
