import { useState } from 'react';
import { Body1, Caption1, Subtitle2, Title3, makeStyles, tokens } from '@fluentui/react-components';
import type { PersonSummary } from '@contracts';
import { useI18n } from '../../../i18n';
import { useChorus } from '../../../state/chorus-context';
import { ErrorBar } from '../../../ui/error-bar';
import { Loading, Panel, Section } from '../../../ui/layout';
import { PersonPicker } from '../../../ui/person-picker';
import { useAsync } from '../../../ui/use-async';
import { usePeopleSearch } from '../../people/use-people-search';

const useStyles = makeStyles({
  intro: { color: tokens.colorNeutralForeground2, margin: 0 },
  picker: { maxWidth: '420px' },
  heading: { margin: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))',
    gap: tokens.spacingHorizontalM,
    margin: 0,
  },
  label: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  value: { margin: 0 },
  note: { color: tokens.colorNeutralForeground2, display: 'block' },
});

/**
 * What one ambassador's weekly digest would contain now (GET /api/admin/digest/preview), so comms can
 * check it before Monday: the new items for their topics, their numbers, and whether it would go out.
 */
export function DigestPreviewSection() {
  const { t } = useI18n();
  const styles = useStyles();
  const search = usePeopleSearch();
  const [person, setPerson] = useState<PersonSummary | null>(null);
  return (
    <Section id="digest-preview" title={t.digest.previewTitle}>
      <Body1 as="p" className={styles.intro}>
        {t.digest.previewIntro}
      </Body1>
      <div className={styles.picker}>
        <PersonPicker
          label={t.digest.previewWho}
          search={search}
          value={person}
          onChange={setPerson}
          testId="digest-preview-person"
        />
      </div>
      {person && <Preview personId={person.id} />}
    </Section>
  );
}

function Preview({ personId }: { personId: string }) {
  const { t, formatNumber, formatDate } = useI18n();
  const { api } = useChorus();
  const styles = useStyles();
  const preview = useAsync((signal) => api.digestPreview(personId, signal), `digest-preview-${personId}`);
  if (preview.error !== null) return <ErrorBar error={preview.error} onRetry={() => void preview.reload()} />;
  const d = preview.data;
  if (!d || d.personId !== personId) return <Loading label={t.digest.previewLoading} />;
  const verdict = d.willSend
    ? t.digest.previewWillSend
    : d.skipReason === 'paused'
      ? t.digest.previewPaused
      : t.digest.previewEmpty;
  return (
    <Panel data-testid="digest-preview">
      <Body1 as="p" className={styles.heading} role="status">
        <strong>{verdict}</strong> {t.digest.previewWeek(d.week, t.digest.languageName[d.language])}
      </Body1>
      <Subtitle2 as="h3" className={styles.heading}>
        {t.digest.previewItemsHeading}
      </Subtitle2>
      {d.items.length === 0 ? (
        <Body1 as="p" className={styles.heading}>
          {t.digest.previewNoItems}
        </Body1>
      ) : (
        <ul className={styles.list} data-testid="digest-preview-items">
          {d.items.map((item) => (
            <li key={item.id}>
              <Body1>{item.title}</Body1>{' '}
              <Caption1 className={styles.note}>
                {item.topicLabel} · {formatDate(item.publishedAt)}
              </Caption1>
            </li>
          ))}
        </ul>
      )}
      <Subtitle2 as="h3" className={styles.heading}>
        {t.digest.previewNumbersHeading}
      </Subtitle2>
      <dl className={styles.grid}>
        {[
          { key: 'shares', label: t.digest.previewShares, value: d.numbers.shares },
          { key: 'clicks', label: t.digest.previewClicks, value: d.numbers.clicks },
          { key: 'unique', label: t.digest.previewUniqueClicks, value: d.numbers.uniqueClicks },
        ].map((n) => (
          <div key={n.key}>
            <dt className={styles.label}>{n.label}</dt>
            <dd className={styles.value}>
              <Title3>{formatNumber(n.value)}</Title3>
            </dd>
          </div>
        ))}
      </dl>
    </Panel>
  );
}
