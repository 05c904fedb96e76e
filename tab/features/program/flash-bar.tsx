import { useEffect, useRef } from 'react';
import { Notice } from '../../ui/error-bar';
import type { Flash } from './flash';

/** Shows a flash message and moves focus to it, since the form that caused it may be gone. */
export function FlashBar({ flash }: { flash: Flash | null }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (flash) ref.current?.focus();
  }, [flash]);
  if (!flash) return null;
  return (
    <div ref={ref} tabIndex={-1} data-testid="flash">
      <Notice intent={flash.intent}>{flash.text}</Notice>
    </div>
  );
}
