import { useCallback, useState } from 'react';
import {
  Badge,
  Body1,
  Button,
  Caption1,
  Radio,
  RadioGroup,
  Field,
  Spinner,
  makeStyles,
  tokens,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import type { TeamMember } from '@contracts';
import type { TeamScope } from '../../api/chorus-api';
import { useI18n } from '../../i18n';
import { useChorus } from '../../state/chorus-context';
import { ErrorBar, Notice } from '../../ui/error-bar';
import { EmptyState, Loading, Page, Panel } from '../../ui/layout';
import { useAsync } from '../../ui/use-async';
import { useVisuallyHidden } from '../../ui/visually-hidden';
import type { Flash } from '../program/flash';
import { FlashBar } from '../program/flash-bar';
import { NominateDialog } from './nominate-dialog';

const useStyles = makeStyles({
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
  },
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
      verticalAlign: 'middle',
      fontSize: tokens.fontSizeBase300,
    },
    '& thead th': { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
    '& tbody th': { fontWeight: tokens.fontWeightRegular },
  },
  name: { display: 'block', fontWeight: tokens.fontWeightSemibold },
  muted: { display: 'block', color: tokens.colorNeutralForeground2 },
});

/**
 * Managers: their direct reports (or everyone below them) with each person's status, and a
 * Nominate action. The status is Ambassador, Invited or none: never "declined" (the server never
 * says it, and this page has no word for it).
 */
export function MyTeamPage() {
  const { t } = useI18n();
  const styles = useStyles();
  const hidden = useVisuallyHidden();
  const { api, navigate } = useChorus();
  const restoreFocus = useRestoreFocusTarget();
  const [scope, setScope] = useState<TeamScope>('direct');
  const [generation, setGeneration] = useState(0);
  const team = useAsync((signal) => api.myTeam(scope, signal), `${scope}-${generation}`);
  const running = useAsync((signal) => api.runningCampaigns(signal), 'running');
  const [nominee, setNominee] = useState<TeamMember | null>(null);
  const [invited, setInvited] = useState<ReadonlySet<string>>(new Set());
  const [flash, setFlash] = useState<Flash | null>(null);

  const statusOf = useCallback(
    (member: TeamMember): TeamMember['status'] =>
      member.status === 'none' && invited.has(member.id) ? 'invited' : member.status,
    [invited],
  );

  const members = team.data?.members ?? [];
  const campaigns = running.data?.campaigns;
  const canNominate = campaigns !== undefined && campaigns.length > 0;

  return (
    <Page title={t.myTeam.title} intro={t.myTeam.intro}>
      <FlashBar flash={flash} />
      <Body1 as="p">{t.myTeam.privacy}</Body1>
      <div className={styles.toolbar}>
        <Field label={t.myTeam.scope}>
          <RadioGroup
            layout="horizontal"
            value={scope}
            onChange={(_, data) => setScope(data.value === 'subtree' ? 'subtree' : 'direct')}
            data-testid="team-scope"
          >
            <Radio value="direct" label={t.myTeam.direct} />
            <Radio value="subtree" label={t.myTeam.subtree} />
          </RadioGroup>
        </Field>
        {team.data && (
          <Caption1 aria-live="polite" data-testid="team-count">
            {t.myTeam.count(members.length)}
          </Caption1>
        )}
      </div>
      {running.error !== null && <ErrorBar error={running.error} onRetry={() => void running.reload()} />}
      {campaigns !== undefined && campaigns.length === 0 && members.length > 0 && (
        <Notice intent="info">{t.myTeam.noCampaign}</Notice>
      )}
      {team.error !== null && <ErrorBar error={team.error} onRetry={() => void team.reload()} />}
      {team.data === undefined ? (
        team.error === null && <Loading label={t.myTeam.loading} />
      ) : members.length === 0 ? (
        <EmptyState
          id="my-team-empty"
          title={t.myTeam.emptyTitle}
          actions={<Button onClick={() => navigate('campaigns')}>{t.myTeam.goToCampaigns}</Button>}
        >
          <Body1 as="p">{t.myTeam.emptyBody}</Body1>
        </EmptyState>
      ) : (
        <Panel>
          <div className={styles.tableWrap}>
            <table
              className={styles.table}
              aria-label={t.myTeam.listLabel}
              aria-busy={team.loading}
              data-testid="team-list"
            >
              <thead>
                <tr>
                  <th scope="col">{t.myTeam.columns.name}</th>
                  <th scope="col">{t.myTeam.columns.department}</th>
                  {scope === 'subtree' && <th scope="col">{t.myTeam.columns.level}</th>}
                  <th scope="col">{t.myTeam.columns.status}</th>
                  <th scope="col">{t.myTeam.columns.action}</th>
                </tr>
              </thead>
              <tbody>
                {members.map((member) => {
                  const status = statusOf(member);
                  return (
                    <tr key={member.id} data-testid={`team-member-${member.id}`}>
                      <th scope="row">
                        <span className={styles.name}>{member.displayName}</span>
                        {member.jobTitle && <Caption1 className={styles.muted}>{member.jobTitle}</Caption1>}
                      </th>
                      <td>{member.department ?? ''}</td>
                      {scope === 'subtree' && <td>{t.myTeam.level(member.depth)}</td>}
                      <td data-testid="team-status">
                        {status === 'none' ? (
                          <>
                            <span aria-hidden="true">—</span>
                            <span className={hidden.root}>{t.myTeam.noStatus}</span>
                          </>
                        ) : (
                          <Badge
                            appearance="tint"
                            color={status === 'ambassador' ? 'success' : 'informative'}
                            shape="rounded"
                          >
                            {t.myTeam.status[status]}
                          </Badge>
                        )}
                      </td>
                      <td>
                        {status === 'ambassador' ? (
                          <Caption1 className={styles.muted}>{t.myTeam.isAmbassador}</Caption1>
                        ) : (
                          <Button
                            size="small"
                            disabledFocusable={!canNominate}
                            aria-label={t.myTeam.nominateNamed(member.displayName)}
                            aria-haspopup="dialog"
                            onClick={() => {
                              setFlash(null);
                              setNominee(member);
                            }}
                            {...restoreFocus}
                            data-testid="nominate"
                          >
                            {t.myTeam.nominate}
                          </Button>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {team.loading && <Spinner size="tiny" label={t.myTeam.updating} />}
        </Panel>
      )}
      {nominee && (
        <NominateDialog
          open
          onOpenChange={(open) => {
            if (!open) setNominee(null);
          }}
          target={{ mode: 'manager', person: nominee }}
          campaigns={campaigns}
          onSent={(person) => {
            // Shown at once; the reload confirms it (and never turns it into anything else).
            setInvited((set) => new Set([...set, person.id]));
            setFlash({ intent: 'success', text: t.nominate.sentManager(person.displayName) });
            setGeneration((g) => g + 1);
          }}
        />
      )}
    </Page>
  );
}

export default MyTeamPage;
