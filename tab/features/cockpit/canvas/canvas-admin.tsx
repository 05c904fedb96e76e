import { useState } from 'react';
import { Body1 } from '@fluentui/react-components';
import type { CanvasView } from '@contracts';
import { useT } from '../../../i18n';
import { useChorus } from '../../../state/chorus-context';
import { ErrorBar } from '../../../ui/error-bar';
import { Loading, Panel, Section } from '../../../ui/layout';
import { useAsync } from '../../../ui/use-async';
import { AuditLog } from './audit-log';
import { CanvasForm } from './canvas-form';

/** Admin → Canvas: the program canvas, KPI targets, brand style and the audit log (issue 6). */
export function CanvasAdmin() {
  const t = useT();
  const { api } = useChorus();
  const canvas = useAsync((signal) => api.canvas(signal), 'canvas');
  const [current, setCurrent] = useState<CanvasView | null>(null);
  const view = current ?? canvas.data ?? null;
  return (
    <>
      <Section id="canvas" title={t.canvas.title}>
        <Body1 as="p">{t.canvas.intro}</Body1>
        {canvas.error !== null && <ErrorBar error={canvas.error} onRetry={() => void canvas.reload()} />}
        {view ? (
          <Panel>
            <CanvasForm
              initial={view}
              onSaved={setCurrent}
              onReload={() => {
                setCurrent(null);
                void canvas.reload();
              }}
            />
          </Panel>
        ) : (
          canvas.error === null && <Loading label={t.canvas.loading} />
        )}
      </Section>
      {/* A new canvas version means a new entry: remounting loads the log again. */}
      <AuditLog key={view?.version ?? -1} />
    </>
  );
}
