import { Body1, Caption1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { MembershipView } from '@contracts';
import { useI18n } from '../../i18n';
import { Panel, Pill, Section } from '../../ui/layout';
import type { Flash } from './flash';
import { DownloadMyData } from './download-my-data';
import { LeaveProgram } from './leave-program';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  groupHeading: { margin: 0 },
  badges: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    listStyle: 'none',
    margin: 0,
    padding: 0,
  },
  muted: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM },
});

/** "You're an ambassador": what they chose, and the way out. */
export function MembershipCard({
  membership,
  onFlash,
  canLeave = true,
}: {
  membership: MembershipView;
  onFlash?: (flash: Flash) => void;
  canLeave?: boolean;
}) {
  const { t, formatDate } = useI18n();
  const styles = useStyles();
  return (
    <Section id="membership" title={t.member.title}>
      <Panel data-testid="membership">
        <Body1>{t.member.since(formatDate(membership.joinedAt), membership.guidelinesVersion)}</Body1>
        <div className={styles.group}>
          <Subtitle2 as="h3" className={styles.groupHeading}>
            {t.member.networks}
          </Subtitle2>
          <ul className={styles.badges}>
            {membership.networks.map((network) => (
              <li key={network}>
                <Pill strong>{t.networks[network]}</Pill>
              </li>
            ))}
          </ul>
        </div>
        <div className={styles.group}>
          <Subtitle2 as="h3" className={styles.groupHeading}>
            {t.member.topics}
          </Subtitle2>
          {membership.topics.length === 0 ? (
            <Caption1 className={styles.muted}>{t.member.noTopics}</Caption1>
          ) : (
            <ul className={styles.badges}>
              {membership.topics.map((topic) => (
                <li key={topic}>
                  <Pill>{t.topics[topic]}</Pill>
                </li>
              ))}
            </ul>
          )}
        </div>
        {canLeave && onFlash && (
          <div className={styles.actions}>
            <DownloadMyData />
            <LeaveProgram onFlash={onFlash} />
          </div>
        )}
      </Panel>
    </Section>
  );
}
