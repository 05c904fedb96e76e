import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Body1, Button, Caption1, Checkbox, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { ZNetwork, ZTopic, type Network, type ProgramView, type Topic } from '@contracts';
import { isApiError } from '../../api/client';
import { useT } from '../../i18n';
import { useChorus } from '../../state/chorus-context';
import { ErrorBar, serverMessage } from '../../ui/error-bar';
import { Section } from '../../ui/layout';
import type { Flash } from './flash';

const NETWORKS: readonly Network[] = ZNetwork.options;
const TOPICS: readonly Topic[] = ZTopic.options;

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, alignItems: 'flex-start' },
  fieldset: {
    border: 'none',
    margin: 0,
    padding: 0,
    minWidth: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  legend: {
    padding: 0,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase300,
    marginBottom: tokens.spacingVerticalXXS,
  },
  options: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL },
  hint: { color: tokens.colorNeutralForeground2 },
  accept: { fontWeight: tokens.fontWeightSemibold },
  submitRow: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
});

function toggle<T>(list: readonly T[], value: T, on: boolean): T[] {
  return on ? (list.includes(value) ? [...list] : [...list, value]) : list.filter((v) => v !== value);
}

/**
 * Opt-in: accept the current guidelines, pick networks (at least one) and topics, then join. From a
 * recruitment campaign, `campaignId` says which one, so the funnel counts the join there.
 */
export function JoinForm({
  program,
  onFlash,
  campaignId,
  onJoined,
}: {
  program: ProgramView;
  onFlash: (flash: Flash) => void;
  campaignId?: string;
  onJoined?: () => void;
}) {
  const t = useT();
  const styles = useStyles();
  const { api, reloadMe, program: programResource, chat } = useChorus();
  const version = program.guidelines.version;
  const [accepted, setAccepted] = useState(false);
  const [networks, setNetworks] = useState<Network[]>([]);
  const [topics, setTopics] = useState<Topic[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const ids = useId();
  const acceptedVersion = useRef(version);

  // A new guidelines version must be read and accepted again.
  useEffect(() => {
    if (acceptedVersion.current !== version) {
      acceptedVersion.current = version;
      setAccepted(false);
    }
  }, [version]);

  const blocker =
    !accepted && networks.length === 0
      ? t.join.needBoth
      : !accepted
        ? t.join.needAccept
        : networks.length === 0
          ? t.join.needNetwork
          : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (blocker || busy) return;
    setBusy(true);
    setError(null);
    try {
      await api.join({ guidelinesVersion: version, networks, topics, ...(campaignId ? { campaignId } : {}) });
      chat.pollBurst(); // the bot sends a welcome; show it even with the chat closed
      onFlash({ intent: 'success', text: t.join.joined });
      onJoined?.();
      await Promise.all([reloadMe(), programResource.reload()]);
    } catch (err) {
      if (isApiError(err, 'GUIDELINES_VERSION_STALE')) {
        // The guidelines changed while they were reading: show the new version to accept.
        setAccepted(false);
        onFlash({ intent: 'warning', text: `${serverMessage(err)} ${t.join.staleReloaded}` });
        await programResource.reload();
      } else if (isApiError(err, 'ALREADY_MEMBER')) {
        // Joined already (perhaps in another window): the form gives way to the member view.
        onFlash({ intent: 'info', text: serverMessage(err) });
        onJoined?.();
        await reloadMe();
      } else {
        setError(err);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Section id="join-program" title={t.join.title}>
      <Body1>{t.join.intro}</Body1>
      {error !== null && <ErrorBar error={error} />}
      <form
        className={styles.form}
        onSubmit={(e) => void submit(e)}
        noValidate
        aria-labelledby="join-program"
      >
        <Checkbox
          className={styles.accept}
          checked={accepted}
          onChange={(_, data) => setAccepted(data.checked === true)}
          label={t.join.accept(version)}
          data-testid="accept-guidelines"
        />

        <fieldset className={styles.fieldset} aria-describedby={`${ids}-networks-hint`}>
          <legend className={styles.legend}>{t.join.networksLegend}</legend>
          <Caption1 id={`${ids}-networks-hint`} className={styles.hint}>
            {t.join.networksHint}
          </Caption1>
          <div className={styles.options}>
            {NETWORKS.map((network) => (
              <Checkbox
                key={network}
                checked={networks.includes(network)}
                onChange={(_, data) => setNetworks((list) => toggle(list, network, data.checked === true))}
                label={t.networks[network]}
                data-testid={`network-${network}`}
              />
            ))}
          </div>
        </fieldset>

        <fieldset className={styles.fieldset} aria-describedby={`${ids}-topics-hint`}>
          <legend className={styles.legend}>{t.join.topicsLegend}</legend>
          <Caption1 id={`${ids}-topics-hint`} className={styles.hint}>
            {t.join.topicsHint}
          </Caption1>
          <div className={styles.options}>
            {TOPICS.map((topic) => (
              <Checkbox
                key={topic}
                checked={topics.includes(topic)}
                onChange={(_, data) => setTopics((list) => toggle(list, topic, data.checked === true))}
                label={t.topics[topic]}
                data-testid={`topic-${topic}`}
              />
            ))}
          </div>
        </fieldset>

        <div className={styles.submitRow}>
          <Button
            type="submit"
            appearance="primary"
            disabledFocusable={blocker !== null || busy}
            aria-describedby={blocker ? `${ids}-blocker` : undefined}
            data-testid="join-button"
          >
            {t.join.submit}
          </Button>
          {busy && <Spinner size="tiny" label={t.join.submitting} />}
          {blocker && (
            <Caption1 id={`${ids}-blocker`} className={styles.hint}>
              {blocker}
            </Caption1>
          )}
        </div>
      </form>
    </Section>
  );
}
