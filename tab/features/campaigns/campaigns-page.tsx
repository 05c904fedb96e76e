import { useState } from 'react';
import { useT } from '../../i18n';
import { useChorus } from '../../state/chorus-context';
import { ErrorBar } from '../../ui/error-bar';
import { Loading, Page } from '../../ui/layout';
import type { Flash } from '../program/flash';
import { FlashBar } from '../program/flash-bar';
import { JoinForm } from '../program/join-form';
import { MembershipCard } from '../program/membership-card';
import { OutdatedGuidelinesNotice } from '../program/outdated-notice';
import { GuidelinesSection, PurposeSection } from '../program/program-documents';

/**
 * The recruitment campaign every organisation starts with: the program's purpose, its guidelines
 * and the opt-in. (Content campaigns join this page later.)
 */
export function CampaignsPage() {
  const t = useT();
  const { me, program } = useChorus();
  const [flash, setFlash] = useState<Flash | null>(null);

  return (
    <Page title={t.campaigns.title} intro={t.campaigns.intro}>
      <FlashBar flash={flash} />
      <OutdatedGuidelinesNotice me={me} program={program.data} />
      {program.error !== null && <ErrorBar error={program.error} onRetry={() => void program.reload()} />}
      {program.data === undefined ? (
        program.error === null && <Loading label={t.program.loading} />
      ) : (
        <>
          {me.membership && <MembershipCard membership={me.membership} onFlash={setFlash} />}
          <PurposeSection purpose={program.data.purpose} ambassadorCount={program.data.ambassadorCount} />
          <GuidelinesSection guidelines={program.data.guidelines} />
          {!me.membership && <JoinForm program={program.data} onFlash={setFlash} />}
        </>
      )}
    </Page>
  );
}
