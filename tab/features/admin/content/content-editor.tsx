import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import {
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Subtitle2,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import {
  ZLanguage,
  ZNetwork,
  type ContentDetail,
  type ContentInput,
  type Language,
  type Network,
} from '@contracts';
import { isApiError } from '../../../api/client';
import { useI18n } from '../../../i18n';
import { useChorus } from '../../../state/chorus-context';
import { Notice, asSentence } from '../../../ui/error-bar';
import { useTopics } from '../../library/use-topics';
import { NETWORK_LIMITS, X_LINK_LENGTH, DISCLOSURE_MARK, withDisclosure } from '../../share/post-text';
import { emptyForm, formFromDetail, toInput, type ContentForm, type Problems } from './content-form';
import { ImageField } from './image-field';
import { LinkedInPreview } from './linkedin-preview';

export const useEditorStyles = makeStyles({
  layout: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) minmax(280px, 380px)',
    '@media (max-width: 820px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
    gap: tokens.spacingHorizontalXL,
    alignItems: 'start',
  },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  aside: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    position: 'sticky',
    top: tokens.spacingVerticalM,
    minWidth: 0,
  },
  fieldset: {
    border: 'none',
    margin: 0,
    padding: 0,
    minWidth: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  legend: { padding: 0, margin: 0 },
  options: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL },
  muted: { color: tokens.colorNeutralForeground2 },
  pair: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  caption: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  captionActions: { display: 'flex', justifyContent: 'flex-end' },
  full: { width: '100%' },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  heading: { margin: 0 },
});

/** A rough length of a tracked link (https://host/r/<code>), for the caption hint. */
const TRACKED_LINK_LENGTH = 45;

function strictestNetwork(networks: Network[]): Network | null {
  let best: Network | null = null;
  for (const n of networks) if (!best || NETWORK_LIMITS[n] < NETWORK_LIMITS[best]) best = n;
  return best;
}

export type EditorAction = 'save' | 'submit';

/**
 * The content editor: every field of an item, checked with the contract's rules as you go, and a live
 * LinkedIn preview. `onSave` gets a validated body; the page decides which endpoints to call.
 */
export function ContentEditor({
  item,
  onSave,
  busy,
  serverProblems,
}: {
  item: ContentDetail | null;
  onSave: (input: ContentInput, action: EditorAction, dirty: boolean) => Promise<void>;
  busy: EditorAction | null;
  serverProblems: Problems;
}) {
  const { t, language: uiLanguage, formatNumber } = useI18n();
  const styles = useEditorStyles();
  const { me } = useChorus();
  const topics = useTopics();
  const ids = useId();
  const initial = useMemo(() => (item ? formFromDetail(item) : emptyForm(uiLanguage)), [item, uiLanguage]);
  const [form, setForm] = useState<ContentForm>(initial);
  const [problems, setProblems] = useState<Problems>({});
  const [previewKey, setPreviewKey] = useState<string>('');
  const problemsRef = useRef<HTMLDivElement>(null);

  // A saved item comes back from the server: show what it stored.
  useEffect(() => setForm(initial), [initial]);
  useEffect(() => {
    if (Object.keys(serverProblems).length > 0) setProblems(serverProblems);
  }, [serverProblems]);

  const dirty = JSON.stringify(form) !== JSON.stringify(initial);
  const update = <K extends keyof ContentForm>(key: K, value: ContentForm[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const problem = (key: string) => problems[key];
  const fieldState = (key: string) => (problems[key] ? ('error' as const) : ('none' as const));

  const languageName = (lang: Language) => t.content.languageName[lang];
  const strictest = strictestNetwork(form.networks);
  const captionLanguages: Language[] = [
    form.language,
    ...ZLanguage.options.filter((l) => l !== form.language),
  ];

  // The texts the preview can show, item language first.
  const previewChoices = captionLanguages.flatMap((lang) =>
    form.captions[lang]
      .map((text, i) => ({
        key: `${lang}.${i}`,
        lang,
        text,
        label: t.content.caption(languageName(lang), i + 1),
      }))
      .filter((c) => c.text.trim() !== ''),
  );
  const previewChoice = previewChoices.find((c) => c.key === previewKey) ?? previewChoices[0];
  const previewText = previewChoice
    ? withDisclosure(previewChoice.text, form.advertising, previewChoice.lang).text
    : '';

  async function submit(action: EditorAction, event?: FormEvent) {
    event?.preventDefault();
    if (busy) return;
    const result = toInput(form, false, { needCaption: t.content.needCaption(languageName(form.language)) });
    if (!result.ok) {
      setProblems(localize(result.problems));
      requestAnimationFrame(() => problemsRef.current?.focus());
      return;
    }
    setProblems({});
    await onSave(result.input, action, dirty);
  }

  // The contract's rules speak English; the person gets them in their own language.
  function localize(found: Problems): Problems {
    const p = t.content.problems;
    const say = (key: string, message: string): string => {
      switch (key) {
        case 'title':
          return form.title.trim() ? p.titleLong : p.titleRequired;
        case 'linkUrl':
          return p.link;
        case 'imageUrl':
          return p.imageUrl;
        case 'topic':
          return p.topic;
        case 'networks':
          return p.networks;
        case 'body':
          return p.body;
        case 'validFrom':
        case 'validTo':
          return p.date;
        default:
          return asSentence(message);
      }
    };
    return Object.fromEntries(Object.entries(found).map(([key, message]) => [key, say(key, message)]));
  }

  const captionHint = (text: string) => {
    const n = [...text].length;
    if (!strictest) return { text: t.content.captionCount(n, null, null), over: false };
    const limit = NETWORK_LIMITS[strictest];
    const mark = form.advertising ? DISCLOSURE_MARK[form.language].length + 2 : 0;
    const link = 1 + (strictest === 'x' ? X_LINK_LENGTH : TRACKED_LINK_LENGTH);
    return {
      text: t.content.captionCount(n, formatNumber(limit), t.networks[strictest]),
      over: n + mark + link > limit,
    };
  };

  const status = item?.status ?? 'draft';
  const canSubmit = status === 'draft' || status === 'rejected';
  const saveLabel =
    status === 'approved'
      ? t.content.saveAndReview
      : status === 'in_review'
        ? t.content.saveChanges
        : t.content.saveDraft;
  const problemCount = Object.keys(problems).length;

  return (
    <div className={styles.layout}>
      <form
        className={styles.form}
        noValidate
        onSubmit={(e) => void submit('save', e)}
        aria-label={t.content.form}
      >
        {problemCount > 0 && (
          <div ref={problemsRef} tabIndex={-1}>
            <Notice intent="error" live="assertive">
              {t.content.fixProblems}
            </Notice>
          </div>
        )}
        {status === 'approved' && <Notice intent="warning">{t.content.editApprovedWarning}</Notice>}
        <Field
          label={t.content.fieldTitle}
          required
          validationState={fieldState('title')}
          validationMessage={problem('title')}
        >
          <Input
            value={form.title}
            onChange={(_, d) => update('title', d.value)}
            lang={form.language}
            data-testid="content-title"
          />
        </Field>
        <Field
          label={t.content.fieldLink}
          hint={t.content.fieldLinkHint}
          required
          validationState={fieldState('linkUrl')}
          validationMessage={problem('linkUrl')}
        >
          <Input
            type="url"
            inputMode="url"
            value={form.linkUrl}
            onChange={(_, d) => update('linkUrl', d.value)}
            data-testid="content-link"
          />
        </Field>
        <div className={styles.pair}>
          <Field
            label={t.content.fieldTopic}
            required
            validationState={fieldState('topic')}
            validationMessage={problem('topic')}
          >
            <Select
              value={form.topic}
              onChange={(_, d) => update('topic', d.value)}
              data-testid="content-topic"
            >
              <option value="">{t.content.chooseTopic}</option>
              {(topics.list ?? []).map((topic) => (
                <option key={topic.key} value={topic.key}>
                  {topics.label(topic.key)}
                </option>
              ))}
              {form.topic && !topics.list?.some((tp) => tp.key === form.topic) && (
                <option value={form.topic}>{topics.label(form.topic)}</option>
              )}
            </Select>
          </Field>
          <Field
            label={t.content.fieldLanguage}
            validationState={fieldState('language')}
            validationMessage={problem('language')}
          >
            <RadioGroup
              layout="horizontal"
              value={form.language}
              onChange={(_, d) => {
                const next = ZLanguage.safeParse(d.value).data;
                if (!next) return;
                setForm((f) => ({
                  ...f,
                  language: next,
                  // the item's language needs a text: offer an empty one to fill in
                  captions: f.captions[next].length > 0 ? f.captions : { ...f.captions, [next]: [''] },
                }));
              }}
              data-testid="content-language"
            >
              {ZLanguage.options.map((lang) => (
                <Radio key={lang} value={lang} label={<span lang={lang}>{t.languageNames[lang]}</span>} />
              ))}
            </RadioGroup>
          </Field>
        </div>
        <fieldset
          className={styles.fieldset}
          aria-describedby={`${ids}-networks-hint${problem('networks') ? ` ${ids}-networks-problem` : ''}`}
        >
          <legend className={styles.legend}>
            <Subtitle2>{t.content.fieldNetworks}</Subtitle2>
          </legend>
          <Caption1 id={`${ids}-networks-hint`} className={styles.muted}>
            {t.content.fieldNetworksHint}
          </Caption1>
          <div className={styles.options}>
            {ZNetwork.options.map((network) => (
              <Checkbox
                key={network}
                label={t.networks[network]}
                checked={form.networks.includes(network)}
                onChange={(_, d) =>
                  update(
                    'networks',
                    d.checked === true
                      ? ZNetwork.options.filter((n) => n === network || form.networks.includes(n))
                      : form.networks.filter((n) => n !== network),
                  )
                }
                data-testid={`content-network-${network}`}
              />
            ))}
          </div>
          {problem('networks') && (
            <Notice intent="error">
              <span id={`${ids}-networks-problem`}>{problem('networks')}</span>
            </Notice>
          )}
        </fieldset>

        <fieldset className={styles.fieldset} aria-describedby={`${ids}-captions-hint`}>
          <legend className={styles.legend}>
            <Subtitle2>{t.content.captions}</Subtitle2>
          </legend>
          <Caption1 id={`${ids}-captions-hint`} className={styles.muted}>
            {t.content.captionsHint}
          </Caption1>
          {captionLanguages.map((lang) => {
            const list = form.captions[lang];
            const name = languageName(lang);
            return (
              <fieldset key={lang} className={styles.fieldset} data-testid={`captions-${lang}`}>
                <legend className={styles.legend}>
                  <Caption1>
                    <strong>{t.content.captionsIn(name)}</strong>
                  </Caption1>
                </legend>
                {problem(`captions.${lang}`) && <Notice intent="error">{problem(`captions.${lang}`)}</Notice>}
                {list.length === 0 && <Caption1 className={styles.muted}>{t.content.noCaptions}</Caption1>}
                {list.map((text, i) => {
                  const hint = captionHint(text);
                  const key = `captions.${lang}.${i}`;
                  return (
                    <div key={i} className={styles.caption}>
                      <Field
                        label={t.content.caption(name, i + 1)}
                        hint={hint.text}
                        validationState={problem(key) ? 'error' : hint.over ? 'warning' : 'none'}
                        validationMessage={problem(key)}
                      >
                        <Textarea
                          className={styles.full}
                          value={text}
                          rows={4}
                          resize="vertical"
                          lang={lang}
                          onChange={(_, d) =>
                            setForm((f) => ({
                              ...f,
                              captions: {
                                ...f.captions,
                                [lang]: f.captions[lang].map((c, j) => (j === i ? d.value : c)),
                              },
                            }))
                          }
                          data-testid={`caption-${lang}-${i}`}
                        />
                      </Field>
                      <div className={styles.captionActions}>
                        <Button
                          appearance="subtle"
                          size="small"
                          onClick={() =>
                            setForm((f) => ({
                              ...f,
                              captions: { ...f.captions, [lang]: f.captions[lang].filter((_, j) => j !== i) },
                            }))
                          }
                        >
                          {t.content.removeCaption(name, i + 1)}
                        </Button>
                      </div>
                    </div>
                  );
                })}
                <div>
                  <Button
                    size="small"
                    disabledFocusable={list.length >= 10}
                    onClick={() =>
                      setForm((f) => ({
                        ...f,
                        captions: { ...f.captions, [lang]: [...f.captions[lang], ''] },
                      }))
                    }
                    data-testid={`add-caption-${lang}`}
                  >
                    {t.content.addCaption(name)}
                  </Button>
                </div>
              </fieldset>
            );
          })}
        </fieldset>

        <Field
          label={t.content.fieldBody}
          hint={t.content.fieldBodyHint}
          validationState={fieldState('body')}
          validationMessage={problem('body')}
        >
          <Textarea
            className={styles.full}
            value={form.body}
            rows={6}
            resize="vertical"
            lang={form.language}
            onChange={(_, d) => update('body', d.value)}
            data-testid="content-body"
          />
        </Field>

        <ImageField
          value={form.image}
          onChange={(image) => update('image', image)}
          alt={form.title}
          problem={problem('imageUrl') ?? problem('imageId')}
        />

        <fieldset className={styles.fieldset} aria-describedby={`${ids}-schedule-hint`}>
          <legend className={styles.legend}>
            <Subtitle2>{t.content.schedule}</Subtitle2>
          </legend>
          <Caption1 id={`${ids}-schedule-hint`} className={styles.muted}>
            {t.content.scheduleHint}
          </Caption1>
          <div className={styles.pair}>
            <Field
              label={t.content.validFrom}
              validationState={fieldState('validFrom')}
              validationMessage={problem('validFrom')}
            >
              <Input
                type="datetime-local"
                value={form.validFrom}
                onChange={(_, d) => update('validFrom', d.value)}
              />
            </Field>
            <Field
              label={t.content.validTo}
              validationState={fieldState('validTo')}
              validationMessage={problem('validTo')}
            >
              <Input
                type="datetime-local"
                value={form.validTo}
                onChange={(_, d) => update('validTo', d.value)}
              />
            </Field>
          </div>
          <Checkbox
            label={t.content.evergreen}
            checked={form.evergreen}
            onChange={(_, d) => update('evergreen', d.checked === true)}
          />
        </fieldset>

        <Checkbox
          label={t.content.pinned}
          checked={form.pinned}
          onChange={(_, d) => update('pinned', d.checked === true)}
          data-testid="content-pinned"
        />
        <div className={styles.caption}>
          <Checkbox
            label={t.content.advertising}
            checked={form.advertising}
            onChange={(_, d) => update('advertising', d.checked === true)}
            aria-describedby={`${ids}-ad-hint`}
            data-testid="content-advertising"
          />
          <Caption1 id={`${ids}-ad-hint`} className={styles.muted}>
            {t.content.advertisingHint}
          </Caption1>
        </div>

        <div className={styles.actions}>
          <Button
            type="submit"
            appearance={canSubmit ? 'secondary' : 'primary'}
            disabledFocusable={busy !== null || (item !== null && !dirty)}
            data-testid="content-save"
          >
            {saveLabel}
          </Button>
          {canSubmit && (
            <Button
              appearance="primary"
              disabledFocusable={busy !== null}
              onClick={() => void submit('submit')}
              data-testid="content-submit"
            >
              {t.content.submit}
            </Button>
          )}
          {busy && <Spinner size="tiny" label={t.content.saving} />}
          {item !== null && !dirty && !busy && (
            <Caption1 className={styles.muted}>{t.admin.noChanges}</Caption1>
          )}
        </div>
      </form>

      <aside className={styles.aside} aria-labelledby={`${ids}-preview`}>
        <Subtitle2 as="h3" id={`${ids}-preview`} className={styles.heading}>
          {t.content.previewTitle}
        </Subtitle2>
        {previewChoices.length > 1 && (
          <Field label={t.content.previewCaption}>
            <Select value={previewChoice?.key ?? ''} onChange={(_, d) => setPreviewKey(d.value)}>
              {previewChoices.map((c) => (
                <option key={c.key} value={c.key}>
                  {c.label}
                </option>
              ))}
            </Select>
          </Field>
        )}
        <LinkedInPreview
          name={me.person.displayName}
          headline={me.person.jobTitle}
          text={previewText}
          linkUrl={form.linkUrl.trim()}
          imageUrl={form.image.previewUrl}
          title={form.title}
          language={previewChoice?.lang ?? form.language}
        />
      </aside>
    </div>
  );
}

/** Server problems ("captions.da.0": "…") from a 400, for the editor's fields. */
export function problemsFrom(err: unknown): Problems {
  if (!isApiError(err)) return {};
  const out: Problems = {};
  for (const p of err.problems) out[p.field.replace(/^(body|query)\./, '')] ??= asSentence(p.message);
  return out;
}
