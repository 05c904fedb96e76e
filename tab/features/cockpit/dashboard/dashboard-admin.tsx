import { Body1 } from '@fluentui/react-components';
import { useT } from '../../../i18n';
import { Section } from '../../../ui/layout';
import { ReachCalculator } from '../reach/reach-calculator';

/** Admin → Dashboard: the program's KPIs with definitions, period comparison and charts (issue 6). */
export function DashboardAdmin() {
  const t = useT();
  return (
    <>
      <Section id="dashboard" title={t.dashboard.title}>
        <Body1 as="p">…</Body1>
      </Section>
      <ReachCalculator />
    </>
  );
}
