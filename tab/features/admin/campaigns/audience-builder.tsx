import { useEffect, useId, useMemo, useState } from 'react';
import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Combobox,
  Field,
  Input,
  Option,
  Spinner,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ZLanguage, type AudienceFacets, type AudienceFilter, type AudiencePreview } from '@contracts';
import { useI18n } from '../../../i18n';
import { useChorus } from '../../../state/chorus-context';
import { ErrorBar } from '../../../ui/error-bar';
import { Panel } from '../../../ui/layout';
import { PersonPicker } from '../../../ui/person-picker';
import { useAsync } from '../../../ui/use-async';
import { useDebounced } from '../../../ui/use-debounced';
import { usePeopleSearch } from '../../people/use-people-search';
import type { AudienceForm } from './campaign-form';

const PREVIEW_DEBOUNCE_MS = 300;

const useStyles = makeStyles({
  fieldset: {
    border: 'none',
    margin: 0,
    padding: 0,
    minWidth: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  legend: { padding: 0, margin: 0 },
  muted: { color: tokens.colorNeutralForeground2 },
  pair: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  combobox: { width: '100%', minWidth: 0 },
  options: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL },
  manager: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  preview: { gap: tokens.spacingVerticalS },
  count: { fontWeight: tokens.fontWeightSemibold },
  sample: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  heading: { margin: 0 },
});

/** A multi-select of facet values ("IT (60)"), keeping chosen values the facets no longer list. */
function FacetSelect({
  label,
  values,
  facets,
  onChange,
  testId,
}: {
  label: string;
  values: string[];
  facets: { value: string; count: number }[] | undefined;
  onChange: (values: string[]) => void;
  testId: string;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const options = useMemo(() => {
    const listed = facets ?? [];
    const missing = values
      .filter((v) => !listed.some((f) => f.value === v))
      .map((value): { value: string; count: number | null } => ({ value, count: null }));
    return [...listed.map((f): { value: string; count: number | null } => f), ...missing];
  }, [facets, values]);
  return (
    <Field label={label} hint={t.recruit.chosenCount(values.length)}>
      <Combobox
        className={styles.combobox}
        multiselect
        placeholder={t.recruit.anyValue}
        selectedOptions={values}
        value={values.join(', ')}
        onOptionSelect={(_, data) => onChange(data.selectedOptions)}
        data-testid={testId}
      >
        {options.map((o) => (
          <Option key={o.value} value={o.value} text={o.value}>
            {o.count === null ? o.value : t.recruit.facetOption(o.value, o.count)}
          </Option>
        ))}
      </Combobox>
    </Field>
  );
}

/**
 * The audience builder: departments and locations from the directory's facets, job-title words,
 * everyone under a manager, and languages. Empty fields do not filter.
 */
export function AudienceBuilder({
  value,
  onChange,
  titleWordsProblem,
}: {
  value: AudienceForm;
  onChange: (next: AudienceForm) => void;
  titleWordsProblem: string | undefined;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const ids = useId();
  const { api } = useChorus();
  const search = usePeopleSearch();
  const facets = useAsync<AudienceFacets>((signal) => api.audienceFacets(signal), 'facets');
  const update = <K extends keyof AudienceForm>(key: K, v: AudienceForm[K]) =>
    onChange({ ...value, [key]: v });
  const manager = value.manager;

  return (
    <fieldset className={styles.fieldset} aria-describedby={`${ids}-hint`}>
      <legend className={styles.legend}>
        <Subtitle2>{t.recruit.audience}</Subtitle2>
      </legend>
      <Caption1 id={`${ids}-hint`} className={styles.muted}>
        {t.recruit.audienceHint}
      </Caption1>
      {facets.error !== null && <ErrorBar error={facets.error} onRetry={() => void facets.reload()} />}
      <div className={styles.pair}>
        <FacetSelect
          label={t.recruit.departments}
          values={value.departments}
          facets={facets.data?.departments}
          onChange={(v) => update('departments', v)}
          testId="audience-departments"
        />
        <FacetSelect
          label={t.recruit.locations}
          values={value.locations}
          facets={facets.data?.locations}
          onChange={(v) => update('locations', v)}
          testId="audience-locations"
        />
      </div>
      <Field
        label={t.recruit.titleWords}
        hint={t.recruit.titleWordsHint}
        validationState={titleWordsProblem ? 'error' : 'none'}
        validationMessage={titleWordsProblem}
      >
        <Input
          value={value.titleWords}
          onChange={(_, d) => update('titleWords', d.value)}
          data-testid="audience-title-words"
        />
      </Field>
      {manager && manager.displayName === null ? (
        <div className={styles.manager}>
          <Body1>{t.recruit.managerChosen}</Body1>
          <Button size="small" onClick={() => update('manager', null)}>
            {t.recruit.clearManager}
          </Button>
        </div>
      ) : (
        <PersonPicker
          label={t.recruit.manager}
          hint={t.recruit.managerHint}
          search={search}
          value={
            manager
              ? {
                  id: manager.id,
                  displayName: manager.displayName ?? '',
                  jobTitle: null,
                  department: null,
                  officeLocation: null,
                }
              : null
          }
          onChange={(person) =>
            update('manager', person ? { id: person.id, displayName: person.displayName } : null)
          }
          testId="audience-manager"
        />
      )}
      {manager && (
        <Checkbox
          label={t.recruit.includeSubtree}
          checked={value.includeSubtree}
          onChange={(_, d) => update('includeSubtree', d.checked === true)}
        />
      )}
      <fieldset className={styles.fieldset} aria-describedby={`${ids}-languages-hint`}>
        <legend className={styles.legend}>
          <Caption1>
            <strong>{t.recruit.languages}</strong>
          </Caption1>
        </legend>
        <Caption1 id={`${ids}-languages-hint`} className={styles.muted}>
          {t.recruit.languagesHint}
        </Caption1>
        <div className={styles.options}>
          {ZLanguage.options.map((lang) => (
            <Checkbox
              key={lang}
              label={<span lang={lang}>{t.languageNames[lang]}</span>}
              checked={value.languages.includes(lang)}
              onChange={(_, d) =>
                update(
                  'languages',
                  d.checked === true
                    ? ZLanguage.options.filter((l) => l === lang || value.languages.includes(l))
                    : value.languages.filter((l) => l !== lang),
                )
              }
            />
          ))}
        </div>
      </fieldset>
    </fieldset>
  );
}

/** How many people the rules reach now, and some names: recounted 300 ms after the last change. */
export function AudiencePreviewPanel({
  filter,
  campaignId,
}: {
  filter: AudienceFilter;
  /** An existing campaign: people who said no to it are left out of the count too. */
  campaignId: string | null;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const { api } = useChorus();
  const key = useDebounced(JSON.stringify(filter), PREVIEW_DEBOUNCE_MS);
  const [preview, setPreview] = useState<AudiencePreview | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    api.audiencePreview(JSON.parse(key) as AudienceFilter, campaignId, controller.signal).then(
      (result) => {
        if (controller.signal.aborted) return;
        setPreview(result);
        setError(null);
        setLoading(false);
      },
      (err: unknown) => {
        if (controller.signal.aborted) return;
        setError(err);
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [api, key, campaignId, attempt]);

  return (
    <Panel className={styles.preview} data-testid="audience-preview">
      <Subtitle2 as="h3" className={styles.heading}>
        {t.recruit.preview}
      </Subtitle2>
      {error !== null && <ErrorBar error={error} onRetry={() => setAttempt((n) => n + 1)} />}
      <div aria-live="polite" aria-busy={loading}>
        {preview && (
          <Body1 className={styles.count} data-testid="audience-count" data-total={preview.total}>
            {preview.total === 0 ? t.recruit.previewEmpty : t.recruit.previewCount(preview.total)}
          </Body1>
        )}
      </div>
      {loading && <Spinner size="tiny" label={t.recruit.previewing} />}
      {preview && preview.sample.length > 0 && (
        <>
          <Caption1 className={styles.muted}>{t.recruit.previewSample}</Caption1>
          <ul className={styles.sample} data-testid="audience-sample">
            {preview.sample.map((person) => (
              <li key={person.id}>
                <Body1>{person.displayName}</Body1>
                <Caption1 className={styles.muted}>
                  {' '}
                  {t.people.describe(
                    person.jobTitle,
                    [person.department, person.officeLocation].filter(Boolean).join(', ') || null,
                  )}
                </Caption1>
              </li>
            ))}
          </ul>
        </>
      )}
    </Panel>
  );
}
