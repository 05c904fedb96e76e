import { Suspense, lazy, useCallback, useState, type ReactNode } from 'react';
import type { LibraryItem } from '@contracts';

// The dialog (share steps, clipboard, Fluent's dialog and motion code) loads on first use.
const ShareDialog = lazy(() => import('./share-dialog'));

/** Preloads the dialog's code, for example when the pointer rests on a Share button. */
export function preloadShareDialog(): void {
  void import('./share-dialog');
}

/**
 * One share dialog for a page: `openShare(item)` from any Share button; render `dialog` once.
 * Focus goes back to the button that opened it (mark it with useRestoreFocusTarget).
 */
export function useShareDialog(): { openShare: (item: LibraryItem) => void; dialog: ReactNode } {
  const [item, setItem] = useState<LibraryItem | null>(null);
  const [open, setOpen] = useState(false);
  // Every opening starts afresh (a new network choice, a new text).
  const [session, setSession] = useState(0);
  const openShare = useCallback((next: LibraryItem) => {
    setItem(next);
    setSession((n) => n + 1);
    setOpen(true);
  }, []);
  const dialog = item ? (
    <Suspense fallback={null}>
      <ShareDialog key={session} item={item} open={open} onOpenChange={setOpen} />
    </Suspense>
  ) : null;
  return { openShare, dialog };
}
