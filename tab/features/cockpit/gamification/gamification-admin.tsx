import { useT } from '../../../i18n';
import { Section } from '../../../ui/layout';

/** Admin → Gamification: points, leaderboard, badges, challenges and prize draws (issue 6). */
export function GamificationAdmin() {
  const t = useT();
  return (
    <Section id="gamification" title={t.gamification.title}>
      {null}
    </Section>
  );
}
