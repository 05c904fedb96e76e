import { useId, useState } from 'react';
import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Radio,
  RadioGroup,
  Spinner,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { AnnounceRequest, CampaignView, SendProgress } from '@contracts';
import { useI18n } from '../../../i18n';
import { useChorus } from '../../../state/chorus-context';
import { ErrorBar, Notice } from '../../../ui/error-bar';
import { useAsync } from '../../../ui/use-async';
import { newIdempotencyKey } from './campaign-form';

type Personal = AnnounceRequest['personal'];

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  fieldset: {
    border: 'none',
    margin: 0,
    padding: 0,
    minWidth: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  legend: { padding: 0, margin: 0 },
  muted: { color: tokens.colorNeutralForeground2 },
  count: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

/**
 * Announce a campaign: choose channels (an honest empty state when the bot is in none) and personal
 * invitations (none, chat or activity feed), then confirm "This sends N messages". The idempotency
 * key is made when the dialog opens, so a double click or a retry after a lost answer sends once.
 * Mounted only while open.
 */
export function AnnounceDialog({
  campaign,
  onClose,
  onSent,
}: {
  campaign: CampaignView;
  onClose: () => void;
  onSent: (progress: SendProgress) => void;
}) {
  const { t, formatNumber } = useI18n();
  const styles = useStyles();
  const ids = useId();
  const { api } = useChorus();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const channels = useAsync((signal) => api.botChannels(signal), 'channels');
  const audience = useAsync(
    (signal) => api.audiencePreview(campaign.audience, campaign.id, signal),
    'audience',
  );
  const [chosen, setChosen] = useState<string[]>([]);
  const [personal, setPersonal] = useState<Personal>('none');
  const [step, setStep] = useState<'choose' | 'confirm'>('choose');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const people = personal === 'none' ? 0 : (audience.data?.total ?? 0);
  const total = chosen.length + people;
  const nothing = chosen.length === 0 && personal === 'none';
  const list = channels.data?.channels ?? [];

  async function send() {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const progress = await api.announce(campaign.id, { channelIds: chosen, personal, idempotencyKey });
      onSent(progress);
      onClose();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      open
      modalType="modal"
      onOpenChange={(_, data) => {
        if (!data.open && !busy) onClose();
      }}
    >
      <DialogSurface aria-describedby={`${ids}-hint`}>
        <DialogBody>
          <DialogTitle>
            {step === 'choose' ? t.recruit.announceTitle(campaign.name) : t.recruit.confirmTitle}
          </DialogTitle>
          <DialogContent className={styles.content}>
            {step === 'choose' ? (
              <>
                <Body1 id={`${ids}-hint`}>{t.recruit.announceHint}</Body1>
                <fieldset className={styles.fieldset} aria-describedby={`${ids}-channels-hint`}>
                  <legend className={styles.legend}>
                    <Subtitle2>{t.recruit.channels}</Subtitle2>
                  </legend>
                  <Caption1 id={`${ids}-channels-hint`} className={styles.muted}>
                    {t.recruit.channelsHint}
                  </Caption1>
                  {channels.error !== null && (
                    <ErrorBar error={channels.error} onRetry={() => void channels.reload()} />
                  )}
                  {channels.data === undefined ? (
                    channels.error === null && <Spinner size="tiny" label={t.recruit.loadingChannels} />
                  ) : list.length === 0 ? (
                    <Notice intent="info">{t.recruit.noChannels}</Notice>
                  ) : (
                    list.map((channel) => (
                      <Checkbox
                        key={channel.conversationId}
                        label={t.recruit.channelLabel(channel.teamName, channel.channelName)}
                        checked={chosen.includes(channel.conversationId)}
                        onChange={(_, d) =>
                          setChosen((current) =>
                            d.checked === true
                              ? [
                                  ...current.filter((c) => c !== channel.conversationId),
                                  channel.conversationId,
                                ]
                              : current.filter((c) => c !== channel.conversationId),
                          )
                        }
                      />
                    ))
                  )}
                </fieldset>
                <fieldset className={styles.fieldset} aria-describedby={`${ids}-personal-hint`}>
                  <legend className={styles.legend}>
                    <Subtitle2 id={`${ids}-personal`}>{t.recruit.personal}</Subtitle2>
                  </legend>
                  <Caption1 id={`${ids}-personal-hint`} className={styles.muted}>
                    {audience.data ? t.recruit.personalHint(audience.data.total) : t.recruit.previewing}
                  </Caption1>
                  {audience.error !== null && (
                    <ErrorBar error={audience.error} onRetry={() => void audience.reload()} />
                  )}
                  <RadioGroup
                    value={personal}
                    onChange={(_, d) =>
                      setPersonal(
                        d.value === 'chat' ? 'chat' : d.value === 'activityFeed' ? 'activityFeed' : 'none',
                      )
                    }
                    aria-labelledby={`${ids}-personal`}
                    data-testid="announce-personal"
                  >
                    <Radio value="none" label={t.recruit.personalNone} />
                    <Radio value="chat" label={t.recruit.personalChat} />
                    <Radio value="activityFeed" label={t.recruit.personalFeed} />
                  </RadioGroup>
                </fieldset>
                {nothing && <Caption1 className={styles.muted}>{t.recruit.nothingChosen}</Caption1>}
              </>
            ) : (
              <>
                <Body1 id={`${ids}-hint`} className={styles.count} data-testid="announce-count">
                  {t.recruit.confirmCount(total)}
                </Body1>
                <ul className={styles.list}>
                  {chosen.length > 0 && (
                    <li>
                      <Body1>{t.recruit.confirmChannels(chosen.length)}</Body1>
                    </li>
                  )}
                  {people > 0 && (
                    <li>
                      <Body1>
                        {t.recruit.confirmPeople(people)} (
                        {personal === 'chat' ? t.recruit.personalChat : t.recruit.personalFeed})
                      </Body1>
                    </li>
                  )}
                </ul>
                <Caption1 className={styles.muted}>{t.recruit.confirmNote}</Caption1>
                {error !== null && <ErrorBar error={error} />}
              </>
            )}
          </DialogContent>
          <DialogActions>
            {busy && <Spinner size="tiny" label={t.recruit.sending} />}
            {step === 'choose' ? (
              <Button
                appearance="primary"
                disabledFocusable={nothing || (personal !== 'none' && audience.data === undefined)}
                onClick={() => setStep('confirm')}
                data-testid="announce-next"
              >
                {t.recruit.next}
              </Button>
            ) : (
              <>
                <Button
                  appearance="primary"
                  onClick={() => void send()}
                  disabledFocusable={busy}
                  data-testid="announce-send"
                >
                  {t.recruit.send} ({formatNumber(total)})
                </Button>
                <Button onClick={() => setStep('choose')} disabledFocusable={busy}>
                  {t.recruit.previous}
                </Button>
              </>
            )}
            <Button appearance="subtle" onClick={onClose} disabledFocusable={busy}>
              {t.recruit.cancel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
