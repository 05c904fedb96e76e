import { useEffect, useState } from 'react';
import { Caption1, Combobox, Field, Option, makeStyles, tokens } from '@fluentui/react-components';
import type { PersonSummary } from '@contracts';
import { useT } from '../i18n';
import { useDebounced } from './use-debounced';

const useStyles = makeStyles({
  combobox: { width: '100%', minWidth: 0 },
  detail: { display: 'block', color: tokens.colorNeutralForeground2 },
});

export type PeopleSearch = (q: string, signal: AbortSignal) => Promise<PersonSummary[]>;

/**
 * Search-as-you-type for one person in the directory: a Fluent combobox whose options are the
 * matches (name, then title and department). Typing again clears the choice.
 */
export function PersonPicker({
  label,
  hint,
  search,
  value,
  onChange,
  excludeIds = [],
  validationMessage,
  required = false,
  testId,
}: {
  label: string;
  hint?: string;
  search: PeopleSearch;
  value: PersonSummary | null;
  onChange: (person: PersonSummary | null) => void;
  excludeIds?: readonly string[];
  validationMessage?: string | null;
  required?: boolean;
  testId?: string;
}) {
  const t = useT();
  const styles = useStyles();
  const [text, setText] = useState(value?.displayName ?? '');
  const [results, setResults] = useState<PersonSummary[]>([]);
  const [searching, setSearching] = useState(false);
  const [failed, setFailed] = useState(false);
  const query = useDebounced(text.trim(), 250);
  // Compared by content: a new array with the same ids must not search again.
  const excludeKey = excludeIds.join('\n');

  useEffect(() => {
    setText(value?.displayName ?? '');
  }, [value]);

  useEffect(() => {
    if (!query || (value && query === value.displayName)) {
      setResults([]);
      return;
    }
    const controller = new AbortController();
    setSearching(true);
    search(query, controller.signal).then(
      (people) => {
        if (controller.signal.aborted) return;
        const excluded = new Set(excludeKey.split('\n'));
        setResults(people.filter((p) => !excluded.has(p.id)));
        setFailed(false);
        setSearching(false);
      },
      () => {
        if (controller.signal.aborted) return;
        setResults([]);
        setFailed(true);
        setSearching(false);
      },
    );
    return () => controller.abort();
  }, [query, search, value, excludeKey]);

  const status = searching
    ? t.people.searching
    : failed
      ? t.errors.network
      : query && results.length === 0 && !(value && query === value.displayName)
        ? t.people.noMatches
        : null;

  return (
    <Field
      label={label}
      hint={hint}
      required={required}
      validationMessage={validationMessage ?? status}
      validationState={validationMessage ? 'error' : 'none'}
    >
      <Combobox
        className={styles.combobox}
        freeform
        value={text}
        selectedOptions={value ? [value.id] : []}
        onInput={(event) => {
          const next = (event.target as HTMLInputElement).value;
          setText(next);
          if (value && next !== value.displayName) onChange(null);
        }}
        onOptionSelect={(_, data) => {
          const person = results.find((p) => p.id === data.optionValue) ?? null;
          if (person) {
            onChange(person);
            setText(person.displayName);
          }
        }}
        data-testid={testId}
      >
        {results.map((person) => {
          const detail = t.people.describe(person.jobTitle, person.department);
          return (
            <Option key={person.id} value={person.id} text={person.displayName}>
              <span>
                {person.displayName}
                {detail && <Caption1 className={styles.detail}>{detail}</Caption1>}
              </span>
            </Option>
          );
        })}
      </Combobox>
    </Field>
  );
}
