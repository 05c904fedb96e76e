import { Suspense, lazy, useState } from 'react';
import { Button, useRestoreFocusTarget } from '@fluentui/react-components';
import { useT } from '../../i18n';
import type { Flash } from './flash';

// The dialog (and Fluent's dialog and motion code) loads on first use, keeping the initial bundle small.
const LeaveDialog = lazy(() => import('./leave-dialog'));

/** "Leave the program": one click opens a confirmation that says plainly what leaving does. */
export function LeaveProgram({ onFlash }: { onFlash: (flash: Flash) => void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState(false);
  // The dialog is opened without a DialogTrigger, so mark the button as where focus returns.
  const restoreFocusTarget = useRestoreFocusTarget();
  return (
    <>
      <Button
        aria-haspopup="dialog"
        {...restoreFocusTarget}
        onClick={() => {
          setLoaded(true);
          setOpen(true);
        }}
        data-testid="leave-button"
      >
        {t.member.leave}
      </Button>
      {loaded && (
        <Suspense fallback={null}>
          <LeaveDialog open={open} onOpenChange={setOpen} onFlash={onFlash} />
        </Suspense>
      )}
    </>
  );
}
