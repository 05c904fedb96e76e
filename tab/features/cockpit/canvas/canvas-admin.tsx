import { useT } from '../../../i18n';
import { Section } from '../../../ui/layout';

/** Admin → Canvas: the program canvas, KPI targets, brand style and the audit log (issue 6). */
export function CanvasAdmin() {
  const t = useT();
  return (
    <Section id="canvas" title={t.canvas.title}>
      {null}
    </Section>
  );
}
