import { useId, useState } from 'react';
import {
  Body1,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Spinner,
} from '@fluentui/react-components';
import { useT } from '../../i18n';
import { ErrorBar } from '../../ui/error-bar';

/** The light confirmation behind "Not now". Lazy-loaded by campaign-card.tsx; mounted while open. */
export default function DeclineDialog({
  campaignName,
  onClose,
  onConfirm,
}: {
  campaignName: string;
  onClose: () => void;
  /** Records the answer; the card disappears when it resolves. */
  onConfirm: () => Promise<void>;
}) {
  const t = useT();
  const ids = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      onClose();
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  return (
    <Dialog
      open
      onOpenChange={(_, data) => {
        if (!data.open && !busy) onClose();
      }}
    >
      <DialogSurface aria-describedby={`${ids}-body`}>
        <DialogBody>
          <DialogTitle>{t.campaigns.declineTitle}</DialogTitle>
          <DialogContent id={`${ids}-body`}>
            <Body1 as="p">{t.campaigns.declineBody(campaignName)}</Body1>
            {error !== null && <ErrorBar error={error} />}
          </DialogContent>
          <DialogActions>
            {busy && <Spinner size="tiny" label={t.campaigns.declining} />}
            <Button
              appearance="primary"
              onClick={() => void confirm()}
              disabledFocusable={busy}
              data-testid="campaign-decline-confirm"
            >
              {t.campaigns.declineConfirm}
            </Button>
            <Button onClick={onClose} disabledFocusable={busy}>
              {t.campaigns.declineCancel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
