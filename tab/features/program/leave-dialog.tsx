import { useState } from 'react';
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
import { isApiError } from '../../api/client';
import { useT } from '../../i18n';
import { useChorus } from '../../state/chorus-context';
import { ErrorBar, serverMessage } from '../../ui/error-bar';
import type { Flash } from './flash';

/** The confirmation behind "Leave the program". Lazy-loaded by leave-program.tsx. */
export default function LeaveDialog({
  open,
  onOpenChange,
  onFlash,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onFlash: (flash: Flash) => void;
}) {
  const t = useT();
  const { api, reloadMe, program } = useChorus();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await api.leave();
      onOpenChange(false);
      onFlash({ intent: 'info', text: t.leave.left });
      await Promise.all([reloadMe(), program.reload()]);
    } catch (err) {
      if (isApiError(err, 'NOT_A_MEMBER')) {
        // Already out (perhaps from another window): say so with the server's words, and refresh.
        onOpenChange(false);
        onFlash({ intent: 'warning', text: serverMessage(err) });
        await reloadMe();
      } else {
        setError(err);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(_, data) => {
        if (busy) return;
        onOpenChange(data.open);
        if (!data.open) setError(null);
      }}
    >
      <DialogSurface aria-describedby="leave-dialog-content">
        <DialogBody>
          <DialogTitle>{t.leave.title}</DialogTitle>
          <DialogContent id="leave-dialog-content">
            <Body1 as="p">{t.leave.intro}</Body1>
            <ul>
              {t.leave.points.map((point) => (
                <li key={point}>
                  <Body1>{point}</Body1>
                </li>
              ))}
            </ul>
            {error !== null && <ErrorBar error={error} />}
          </DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              onClick={() => void confirm()}
              disabledFocusable={busy}
              data-testid="leave-confirm"
            >
              {t.leave.confirm}
            </Button>
            <Button appearance="secondary" onClick={() => onOpenChange(false)} disabledFocusable={busy}>
              {t.leave.cancel}
            </Button>
            {busy && <Spinner size="tiny" label={t.leave.leaving} />}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
