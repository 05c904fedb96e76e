import { useId, useState, type ReactElement } from 'react';
import {
  Button,
  Caption1,
  Checkbox,
  Dropdown,
  Field,
  Input,
  Label,
  Option,
  Radio,
  RadioGroup,
  Spinner,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ChatCardAnswer } from '@contracts';
import { useI18n } from '../../i18n';
import { AdaptiveCardView, OpenUrlButton, type CardAction } from '../dev-inbox/adaptive-card';

type Json = Record<string, unknown>;

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  choices: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS },
  error: { color: tokens.colorPaletteRedForeground1 },
});

const asString = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** An input's starting value as Adaptive Cards defines it (a string; choice sets join with commas). */
function initialValue(input: Json): string {
  if (input['type'] === 'Input.Toggle') {
    const on = asString(input['valueOn']) ?? 'true';
    const off = asString(input['valueOff']) ?? 'false';
    return asString(input['value']) === on ? on : off;
  }
  return asString(input['value']) ?? '';
}

/** Every input in the card, walking containers and columns, by id. */
function inputsOf(element: unknown, out = new Map<string, Json>()): Map<string, Json> {
  if (Array.isArray(element)) {
    for (const item of element) inputsOf(item, out);
  } else if (element && typeof element === 'object') {
    const node = element as Json;
    const id = asString(node['id']);
    if (typeof node['type'] === 'string' && node['type'].startsWith('Input.') && id) out.set(id, node);
    for (const key of ['body', 'items', 'columns']) if (key in node) inputsOf(node[key], out);
  }
  return out;
}

/**
 * One of the bot's Adaptive Cards in the demo chat, with its inputs (text, choices, toggles) and its
 * buttons working as in Teams: a submit sends the action's data merged with the inputs' values.
 */
export function ChatCard({
  card,
  onAnswer,
}: {
  card: Json;
  onAnswer: (answer: ChatCardAnswer) => Promise<void>;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const idBase = useId();
  const inputs = inputsOf(card['body']);
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries([...inputs].map(([id, input]) => [id, initialValue(input)])),
  );
  const [missing, setMissing] = useState<Set<string>>(new Set());
  const [sending, setSending] = useState(false);
  const set = (id: string, value: string) => setValues((v) => ({ ...v, [id]: value }));

  async function submit(action: CardAction) {
    const empty = [...inputs]
      .filter(([id, input]) => input['isRequired'] === true && (values[id] ?? '').trim() === '')
      .map(([id]) => id);
    setMissing(new Set(empty));
    if (empty.length > 0 || sending) return;
    setSending(true);
    try {
      await onAnswer({
        kind: action.execute ? 'execute' : 'submit',
        verb: action.verb ?? null,
        data: { ...(action.rawData ?? action.data ?? {}), ...values },
        title: action.title,
      });
    } finally {
      setSending(false);
    }
  }

  const renderInput = (input: Json, key: string) => {
    const id = asString(input['id']);
    if (!id) return null;
    const label = asString(input['label']) ?? asString(input['placeholder']) ?? id;
    const error = missing.has(id) ? (asString(input['errorMessage']) ?? t.chat.cardRequired) : null;
    const field = (control: ReactElement) => (
      <Field
        key={key}
        label={input['type'] === 'Input.Toggle' ? undefined : label}
        required={input['isRequired'] === true}
        validationMessage={error}
        validationState={error ? 'error' : 'none'}
      >
        {control}
      </Field>
    );
    switch (input['type']) {
      case 'Input.Text':
        return field(
          input['isMultiline'] === true ? (
            <Textarea
              value={values[id] ?? ''}
              onChange={(_, d) => set(id, d.value)}
              maxLength={typeof input['maxLength'] === 'number' ? input['maxLength'] : undefined}
              rows={5}
              resize="vertical"
            />
          ) : (
            <Input value={values[id] ?? ''} onChange={(_, d) => set(id, d.value)} />
          ),
        );
      case 'Input.Toggle': {
        const on = asString(input['valueOn']) ?? 'true';
        const off = asString(input['valueOff']) ?? 'false';
        return field(
          <Checkbox
            label={asString(input['title']) ?? label}
            checked={values[id] === on}
            onChange={(_, d) => set(id, d.checked === true ? on : off)}
          />,
        );
      }
      case 'Input.ChoiceSet': {
        const choices = asArray(input['choices'])
          .map((c) => c as Json)
          .map((c) => ({ title: asString(c['title']) ?? '', value: asString(c['value']) ?? '' }));
        const chosen = (values[id] ?? '').split(',').filter(Boolean);
        if (input['isMultiSelect'] === true) {
          // A group of checkboxes, not a Field: a Field hands its one control id to every child, so
          // each label would point at the first checkbox.
          const labelId = `${idBase}-${id}-label`;
          const errorId = `${idBase}-${id}-error`;
          return (
            <div
              key={key}
              role="group"
              aria-labelledby={labelId}
              aria-describedby={error ? errorId : undefined}
              className={styles.group}
            >
              <Label id={labelId} required={input['isRequired'] === true}>
                {label}
              </Label>
              <div className={styles.choices}>
                {choices.map((c) => (
                  <Checkbox
                    key={c.value}
                    label={c.title}
                    checked={chosen.includes(c.value)}
                    onChange={(_, d) =>
                      set(
                        id,
                        (d.checked === true
                          ? [...chosen, c.value]
                          : chosen.filter((v) => v !== c.value)
                        ).join(','),
                      )
                    }
                  />
                ))}
              </div>
              {error && (
                <Caption1 id={errorId} role="alert" className={styles.error}>
                  {error}
                </Caption1>
              )}
            </div>
          );
        }
        if (input['style'] === 'expanded') {
          return field(
            <RadioGroup value={values[id] ?? ''} onChange={(_, d) => set(id, d.value)}>
              {choices.map((c) => (
                <Radio key={c.value} value={c.value} label={c.title} />
              ))}
            </RadioGroup>,
          );
        }
        return field(
          <Dropdown
            id={`${idBase}-${id}`}
            selectedOptions={chosen.slice(0, 1)}
            value={choices.find((c) => c.value === chosen[0])?.title ?? ''}
            onOptionSelect={(_, d) => set(id, d.optionValue ?? '')}
          >
            {choices.map((c) => (
              <Option key={c.value} value={c.value}>
                {c.title}
              </Option>
            ))}
          </Dropdown>,
        );
      }
      default:
        return null;
    }
  };

  return (
    <>
      <AdaptiveCardView
        card={card}
        renderInput={renderInput}
        renderAction={(action, key) =>
          action.kind === 'openUrl' ? (
            <OpenUrlButton key={key} action={action} />
          ) : (
            <Button
              key={key}
              appearance="secondary"
              disabledFocusable={sending}
              onClick={() => void submit(action)}
            >
              {action.title}
            </Button>
          )
        }
      />
      {sending && <Spinner size="tiny" label={t.chat.cardSending} />}
    </>
  );
}
