import { useState } from 'react';
import { Body1, Button } from '@fluentui/react-components';
import type { ProgramDocumentView } from '@contracts';
import { useT } from '../../i18n';
import { useChorus } from '../../state/chorus-context';
import { ErrorBar } from '../../ui/error-bar';
import { EmptyState, Loading, Page, Section } from '../../ui/layout';
import { markdownBlockCount } from '../../ui/markdown';
import type { Flash } from '../program/flash';
import { FlashBar } from '../program/flash-bar';
import { MembershipCard } from '../program/membership-card';
import { OutdatedGuidelinesNotice } from '../program/outdated-notice';
import { GuidelinesSection, PurposeSection, useDocumentBody } from '../program/program-documents';

const SUMMARY_BLOCKS = 3;

/** Personal results come with sharing; today: membership, purpose and the guidelines in short. */
export function ImpactPage() {
  const t = useT();
  const { me, program, navigate } = useChorus();
  const [flash, setFlash] = useState<Flash | null>(null);

  return (
    <Page title={t.impact.title}>
      <FlashBar flash={flash} />
      <OutdatedGuidelinesNotice me={me} program={program.data} />
      <EmptyState id="impact-stats-empty" title={t.impact.statsTitle}>
        <Body1 as="p">{t.impact.statsBody}</Body1>
      </EmptyState>
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

function GuidelinesSummary({ guidelines }: { guidelines: ProgramDocumentView }) {
  const t = useT();
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
