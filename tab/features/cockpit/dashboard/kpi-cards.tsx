import {
  Body1,
  Body1Strong,
  Caption1,
  Field,
  ProgressBar,
  Subtitle2,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { Kpi } from '@contracts';
import { useI18n } from '../../../i18n';
import { Panel } from '../../../ui/layout';
import { useKpiFormat, type Trend } from './use-kpi-format';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  intro: { margin: 0, color: tokens.colorNeutralForeground2 },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))',
    gap: tokens.spacingHorizontalM,
    margin: 0,
  },
  card: { padding: tokens.spacingHorizontalL, gap: tokens.spacingVerticalXS },
  label: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase300 },
  dd: { margin: 0 },
  change: {
    margin: 0,
    display: 'flex',
    gap: tokens.spacingHorizontalXS,
    color: tokens.colorNeutralForeground1,
    fontSize: tokens.fontSizeBase200,
  },
  definition: {
    margin: 0,
    paddingTop: tokens.spacingVerticalXS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    color: tokens.colorNeutralForeground2,
  },
  muted: { color: tokens.colorNeutralForeground2 },
});

const ARROWS: Record<Trend, string> = { up: '▲', down: '▼', same: '=', none: '–' };

type Group = 'other' | 'result' | 'effect';
const GROUPS: Group[] = ['other', 'result', 'effect'];

/**
 * The KPIs as cards, grouped as participation, result goals (what ambassadors do) and effect goals
 * (what it leads to). Each card: the value, the change from the previous period in words, the target
 * where one is set, and the definition.
 */
export function KpiCards({ kpis }: { kpis: Kpi[] }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <>
      {GROUPS.map((group) => {
        const list = kpis.filter((k) => (k.goal ?? 'other') === group);
        if (list.length === 0) return null;
        const id = `dashboard-kpis-${group}`;
        return (
          <section key={group} className={styles.group} aria-labelledby={id} data-testid={id}>
            <Subtitle2 as="h3" id={id} className={styles.heading}>
              {t.dashboard.groups[group]}
            </Subtitle2>
            <Body1 as="p" className={styles.intro}>
              {t.dashboard.groupIntros[group]}
            </Body1>
            <dl className={styles.grid}>
              {list.map((kpi) => (
                <KpiCard key={kpi.key} kpi={kpi} />
              ))}
            </dl>
          </section>
        );
      })}
    </>
  );
}

function KpiCard({ kpi }: { kpi: Kpi }) {
  const { t } = useI18n();
  const styles = useStyles();
  const format = useKpiFormat();
  const words = t.dashboard.kpis[kpi.key];
  const change = format.change(kpi);
  const progress = format.progress(kpi);

  return (
    <Panel className={styles.card} data-testid={`kpi-${kpi.key}`}>
      <dt className={styles.label}>{words.label}</dt>
      <dd className={styles.dd} data-testid={`kpi-${kpi.key}-value`}>
        {kpi.value === null ? (
          <Body1Strong>{t.dashboard.hidden}</Body1Strong>
        ) : (
          <Title2>{format.value(kpi.value, kpi.unit)}</Title2>
        )}
      </dd>
      <dd className={styles.change} data-trend={change.trend}>
        <span aria-hidden="true">{ARROWS[change.trend]}</span>
        <span>{change.text}</span>
      </dd>
      {kpi.target !== null ? (
        <dd className={styles.dd}>
          <Field
            label={t.dashboard.targetLabel(words.label)}
            hint={
              progress === null
                ? t.dashboard.hidden
                : `${t.dashboard.target(format.percent(progress), format.value(kpi.target, kpi.unit))}. ${
                    progress >= 1 ? t.dashboard.goals.reached : t.dashboard.goals.notReached
                  }.`
            }
          >
            <ProgressBar
              value={Math.min(1, progress ?? 0)}
              max={1}
              thickness="large"
              color={progress !== null && progress >= 1 ? 'success' : 'brand'}
            />
          </Field>
        </dd>
      ) : (
        kpi.goal !== null && (
          <dd className={styles.dd}>
            <Caption1 className={styles.muted}>{t.dashboard.noTarget}</Caption1>
          </dd>
        )
      )}
      <dd className={styles.definition}>
        <Caption1>{words.definition}</Caption1>
      </dd>
    </Panel>
  );
}
