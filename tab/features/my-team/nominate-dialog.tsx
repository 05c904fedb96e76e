import { useEffect, useId, useState, type FormEvent } from 'react';
import {
  Body1,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Select,
  Spinner,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ZNominateRequest, type PersonSummary } from '@contracts';
import type { RunningCampaign } from '../../api/chorus-api';
import { useT } from '../../i18n';
import { useChorus } from '../../state/chorus-context';
import { ErrorBar, Notice } from '../../ui/error-bar';
import { PersonPicker } from '../../ui/person-picker';
import { usePeopleSearch } from '../people/use-people-search';

/** The contract's limit for a nomination note (ZNominateRequest). */
export const NOTE_MAX = 500;

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  voluntary: { fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

/** Whom the nomination is for: a manager's report is chosen already; a colleague is searched for. */
export type NominateTarget =
  { mode: 'manager'; person: { id: string; displayName: string } } | { mode: 'colleague' };

/**
 * Nominate (a manager, for a report) or recommend (anyone, for a colleague): a running campaign, a
 * personal note of at most 500 characters, and the plain line that joining is voluntary.
 */
export function NominateDialog({
  open,
  onOpenChange,
  target,
  campaigns,
  onSent,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  target: NominateTarget;
  /** Running campaigns; undefined while they load. */
  campaigns: RunningCampaign[] | undefined;
  onSent: (person: { id: string; displayName: string }, campaignId: string) => void;
}) {
  const t = useT();
  const styles = useStyles();
  const ids = useId();
  const { api, me } = useChorus();
  const search = usePeopleSearch();
  const [campaignId, setCampaignId] = useState('');
  const [colleague, setColleague] = useState<PersonSummary | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [problems, setProblems] = useState<{ person?: string; campaign?: string }>({});

  // A fresh form each time it opens.
  useEffect(() => {
    if (!open) return;
    setNote('');
    setColleague(null);
    setError(null);
    setProblems({});
    setCampaignId('');
  }, [open]);
  // With one running campaign, that one is chosen.
  const only = campaigns?.length === 1 ? campaigns[0]?.id : undefined;
  useEffect(() => {
    if (open && only && !campaignId) setCampaignId(only);
  }, [open, only, campaignId]);

  const person = target.mode === 'manager' ? target.person : colleague;
  const tooLong = note.trim().length > NOTE_MAX;
  const title =
    target.mode === 'manager'
      ? t.nominate.titleManager(target.person.displayName)
      : t.nominate.titleColleague;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const found = {
      ...(person ? {} : { person: t.nominate.personRequired }),
      ...(campaignId ? {} : { campaign: t.nominate.campaignRequired }),
    };
    setProblems(found);
    if (!person || !campaignId || tooLong) return;
    const parsed = ZNominateRequest.safeParse({ campaignId, personId: person.id, note });
    if (!parsed.success) return;
    setBusy(true);
    setError(null);
    try {
      if (target.mode === 'manager') await api.nominate(parsed.data);
      else await api.recommend(parsed.data);
      onSent(person, campaignId);
      onOpenChange(false);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      open={open}
      modalType="modal"
      onOpenChange={(_, data) => {
        if (!busy) onOpenChange(data.open);
      }}
    >
      <DialogSurface aria-describedby={`${ids}-voluntary`}>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent className={styles.form}>
              {campaigns === undefined ? (
                <Spinner size="tiny" label={t.nominate.loadingCampaigns} />
              ) : campaigns.length === 0 ? (
                <Notice intent="info">{t.nominate.noCampaigns}</Notice>
              ) : (
                <Field
                  label={t.nominate.campaign}
                  required
                  validationMessage={problems.campaign}
                  validationState={problems.campaign ? 'error' : 'none'}
                >
                  <Select
                    value={campaignId}
                    onChange={(_, data) => setCampaignId(data.value)}
                    data-testid="nominate-campaign"
                  >
                    {campaigns.length > 1 && <option value="">{t.nominate.campaignRequired}</option>}
                    {campaigns.map((c) => (
                      <option key={c.id} value={c.id}>
                        {c.name}
                      </option>
                    ))}
                  </Select>
                </Field>
              )}
              {target.mode === 'colleague' && (
                <PersonPicker
                  label={t.nominate.person}
                  hint={t.nominate.personHint}
                  search={search}
                  value={colleague}
                  onChange={setColleague}
                  excludeIds={[me.person.id]}
                  required
                  validationMessage={problems.person ?? null}
                  testId="recommend-person"
                />
              )}
              <Field
                label={t.nominate.note}
                hint={`${t.nominate.noteHint} ${t.nominate.noteCount(note.trim().length, NOTE_MAX)}`}
                validationMessage={tooLong ? t.nominate.noteTooLong(NOTE_MAX) : undefined}
                validationState={tooLong ? 'error' : 'none'}
              >
                <Textarea
                  value={note}
                  onChange={(_, data) => setNote(data.value)}
                  rows={4}
                  resize="vertical"
                  data-testid="nominate-note"
                />
              </Field>
              <Body1 id={`${ids}-voluntary`} className={styles.voluntary}>
                {t.nominate.voluntary}
              </Body1>
              {error !== null && <ErrorBar error={error} />}
            </DialogContent>
            <DialogActions className={styles.actions}>
              {busy && <Spinner size="tiny" label={t.nominate.sending} />}
              <Button
                type="submit"
                appearance="primary"
                disabledFocusable={busy || tooLong || !campaigns || campaigns.length === 0}
                data-testid="nominate-send"
              >
                {target.mode === 'manager' ? t.nominate.sendManager : t.nominate.sendColleague}
              </Button>
              <Button appearance="secondary" onClick={() => onOpenChange(false)} disabledFocusable={busy}>
                {t.nominate.cancel}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

export default NominateDialog;
