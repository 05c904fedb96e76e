import { useEffect, useState, type ReactNode } from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1,
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  Radio,
  RadioGroup,
  Spinner,
  Switch,
  Textarea,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import {
  PURPOSE_PREFILL,
  PURPOSE_TEMPLATES,
  ZNetwork,
  type CanvasView,
  type Persona,
  type ProgramCanvas,
  type PurposeTemplate,
} from '@contracts';
import { isApiError } from '../../../api/client';
import { useI18n } from '../../../i18n';
import { useChorus } from '../../../state/chorus-context';
import { ErrorBar, Notice, asSentence } from '../../../ui/error-bar';
import { CoachSettingsPanel } from '../../admin/sparring/coach-settings-form';
import { ConfirmDialog, NumberField, TextListEditor, fieldState, type Problems } from './canvas-fields';

const NETWORKS = ZNetwork.options;

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    paddingBlock: tokens.spacingVerticalM,
  },
  muted: { color: tokens.colorNeutralForeground2 },
  block: { display: 'block', margin: 0 },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  persona: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    listStyle: 'none',
  },
  personas: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, margin: 0, padding: 0 },
  fieldset: {
    border: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  networks: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  guidelines: {
    whiteSpace: 'pre-wrap',
    maxHeight: '16rem',
    overflowY: 'auto',
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  actions: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
  },
});

/** The server's field problems, keyed by path inside the canvas ("body.canvas.evp.0" → "evp.0"). */
function problemsOf(err: { problems: { field: string; message: string }[] }): Problems {
  return Object.fromEntries(
    err.problems.map((p) => [p.field.replace(/^body\.(canvas\.)?/, ''), asSentence(p.message)]),
  );
}

/** One numbered step of the canvas: an accordion item whose header says the step's number. */
function Step({
  value,
  n,
  title,
  children,
}: {
  value: string;
  n: number;
  title: string;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <AccordionItem value={value}>
      <AccordionHeader as="h3">{t.canvas.step(n, title)}</AccordionHeader>
      <AccordionPanel>
        <div className={styles.panel}>{children}</div>
      </AccordionPanel>
    </AccordionItem>
  );
}

/** Which step holds a field, so a step with a problem opens after a failed save. */
const STEP_OF: Record<string, string> = {
  purpose: 'purpose',
  evp: 'evp',
  personas: 'personas',
  channelStrategy: 'channels',
  ambition: 'ambition',
  design: 'design',
  targets: 'targets',
  reach: 'reach',
};

/**
 * The canvas form: nine numbered steps in an accordion (all open at first, so the page reads top to
 * bottom), one save for all. A save from a stale version gets the server's 409 and an offer to load
 * the version someone else saved.
 */
export function CanvasForm({
  initial,
  onSaved,
  onReload,
}: {
  initial: CanvasView;
  onSaved: (view: CanvasView) => void;
  onReload: () => void;
}) {
  const { t, language, formatDate } = useI18n();
  const styles = useStyles();
  const { api, program } = useChorus();
  const [canvas, setCanvas] = useState<ProgramCanvas>(initial.canvas);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [stale, setStale] = useState<unknown>(null);
  const [problems, setProblems] = useState<Problems>({});
  const [saved, setSaved] = useState(false);
  const [open, setOpen] = useState<string[]>(Object.values(STEP_OF).concat('guidelines'));
  const [template, setTemplate] = useState<PurposeTemplate | null>(null);
  const [removingPersona, setRemovingPersona] = useState<number | null>(null);

  useEffect(() => {
    setCanvas(initial.canvas);
    setStale(null);
  }, [initial]);

  const update = (change: (c: ProgramCanvas) => ProgramCanvas) => {
    setCanvas(change);
    setSaved(false);
  };
  const setPersona = (index: number, change: Partial<Persona>) =>
    update((c) => ({ ...c, personas: c.personas.map((p, i) => (i === index ? { ...p, ...change } : p)) }));

  /** A template's text replaces the purpose only when nothing of comms' own would be lost, or they agree. */
  const chooseTemplate = (next: PurposeTemplate) => {
    const text = canvas.purpose.text.trim();
    const isPrefill = PURPOSE_TEMPLATES.some(
      (k) => PURPOSE_PREFILL[k].da === text || PURPOSE_PREFILL[k].en === text,
    );
    if (next === 'custom' || !text || isPrefill) {
      update((c) => ({
        ...c,
        purpose: {
          template: next,
          text: next === 'custom' ? c.purpose.text : PURPOSE_PREFILL[next][language],
        },
      }));
    } else {
      update((c) => ({ ...c, purpose: { ...c.purpose, template: next } }));
      setTemplate(next);
    }
  };

  async function save() {
    setBusy(true);
    setError(null);
    setStale(null);
    setProblems({});
    setSaved(false);
    try {
      const view = await api.saveCanvas({ canvas, baseVersion: initial.version });
      setSaved(true);
      onSaved(view);
    } catch (err) {
      if (isApiError(err, 'VALIDATION_FAILED') && err.problems.length) {
        const found = problemsOf(err);
        setProblems(found);
        const steps = Object.keys(found).map((key) => STEP_OF[key.split('.')[0] ?? ''] ?? '');
        setOpen((current) => [...new Set([...current, ...steps.filter(Boolean)])]);
      } else if (isApiError(err, 'CONFLICT')) setStale(err);
      else setError(err);
    } finally {
      setBusy(false);
    }
  }

  const p = (key: string) => fieldState(problems, key);
  const guidelines = program.data?.guidelines ?? null;
  const guidelinesText = guidelines ? (language === 'da' ? guidelines.bodyDa : guidelines.bodyEn) : '';
  const r = canvas.targets.result;
  const e = canvas.targets.effect;

  return (
    // Not a <form>: step 7 holds the coach settings' own form, and forms cannot nest.
    <div className={styles.form} role="form" aria-label={t.canvas.title} data-testid="canvas-form">
      <Caption1 className={styles.muted}>
        {initial.updatedAt
          ? t.canvas.lastSaved(formatDate(initial.updatedAt, true), initial.version)
          : t.canvas.defaultsNote}
      </Caption1>
      <Accordion
        multiple
        collapsible
        openItems={open}
        onToggle={(_, data) => setOpen(data.openItems.map(String))}
      >
        <Step value="purpose" n={1} title={t.canvas.purposeTitle}>
          <Body1 as="p" className={mergeClasses(styles.block, styles.muted)}>
            {t.canvas.purposeHint}
          </Body1>
          <Field label={t.canvas.purposeTemplate} {...p('purpose.template')}>
            <RadioGroup
              value={canvas.purpose.template}
              onChange={(_, data) => chooseTemplate(data.value as PurposeTemplate)}
            >
              {PURPOSE_TEMPLATES.map((key) => (
                <Radio key={key} value={key} label={t.canvas.templates[key] ?? key} />
              ))}
            </RadioGroup>
          </Field>
          <Field label={t.canvas.purposeText} {...p('purpose.text')}>
            <Textarea
              value={canvas.purpose.text}
              resize="vertical"
              rows={4}
              maxLength={2000}
              onChange={(_, data) => update((c) => ({ ...c, purpose: { ...c.purpose, text: data.value } }))}
            />
          </Field>
          <ConfirmDialog
            open={template !== null}
            title={t.canvas.replaceTitle}
            body={t.canvas.replaceBody}
            confirm={t.canvas.replace}
            onConfirm={() => {
              const next = template;
              if (next)
                update((c) => ({ ...c, purpose: { template: next, text: PURPOSE_PREFILL[next][language] } }));
              setTemplate(null);
            }}
            onCancel={() => setTemplate(null)}
          />
        </Step>

        <Step value="evp" n={2} title={t.canvas.evpTitle}>
          <Body1 as="p" className={mergeClasses(styles.block, styles.muted)}>
            {canvas.evp.length ? t.canvas.evpHint : t.canvas.evpEmpty}
          </Body1>
          <TextListEditor
            values={canvas.evp}
            onChange={(evp) => update((c) => ({ ...c, evp }))}
            label={t.canvas.evpStatement}
            addLabel={t.canvas.addEvp}
            problems={problems}
            problemKey="evp"
          />
        </Step>

        <Step value="personas" n={3} title={t.canvas.personasTitle}>
          <Body1 as="p" className={mergeClasses(styles.block, styles.muted)}>
            {canvas.personas.length ? t.canvas.personasHint : t.canvas.personasEmpty}
          </Body1>
          {problems['personas'] && <Field validationMessage={problems['personas']} validationState="error" />}
          {canvas.personas.length > 0 && (
            <ul className={styles.personas}>
              {canvas.personas.map((persona, index) => (
                <li key={index} className={styles.persona}>
                  <Field label={t.canvas.personaName} required {...p(`personas.${index}.name`)}>
                    <Input
                      value={persona.name}
                      maxLength={80}
                      onChange={(_, data) => setPersona(index, { name: data.value })}
                    />
                  </Field>
                  <Field label={t.canvas.personaDescription} {...p(`personas.${index}.description`)}>
                    <Textarea
                      value={persona.description}
                      resize="vertical"
                      maxLength={2000}
                      onChange={(_, data) => setPersona(index, { description: data.value })}
                    />
                  </Field>
                  <fieldset className={styles.fieldset}>
                    <legend>{t.canvas.keyMessages}</legend>
                    <TextListEditor
                      values={persona.keyMessages}
                      onChange={(keyMessages) => setPersona(index, { keyMessages })}
                      label={t.canvas.keyMessage}
                      addLabel={t.canvas.addKeyMessage}
                      problems={problems}
                      problemKey={`personas.${index}.keyMessages`}
                    />
                  </fieldset>
                  <fieldset className={styles.fieldset}>
                    <legend>{t.canvas.personaNetworks}</legend>
                    <div className={styles.networks}>
                      {NETWORKS.map((network) => (
                        <Checkbox
                          key={network}
                          label={t.networks[network]}
                          checked={persona.networks.includes(network)}
                          onChange={(_, data) =>
                            setPersona(index, {
                              networks: data.checked
                                ? [...persona.networks, network]
                                : persona.networks.filter((n) => n !== network),
                            })
                          }
                        />
                      ))}
                    </div>
                    {problems[`personas.${index}.networks`] && (
                      <Field
                        validationMessage={problems[`personas.${index}.networks`]}
                        validationState="error"
                      />
                    )}
                  </fieldset>
                  <div>
                    <Button onClick={() => setRemovingPersona(index)}>
                      {t.canvas.removePersona(persona.name || t.canvas.unnamed)}
                    </Button>
                  </div>
                </li>
              ))}
            </ul>
          )}
          <div>
            <Button
              disabled={canvas.personas.length >= 10}
              onClick={() =>
                update((c) => ({
                  ...c,
                  personas: [
                    ...c.personas,
                    { name: '', description: '', keyMessages: [], networks: ['linkedin'] },
                  ],
                }))
              }
            >
              {t.canvas.addPersona}
            </Button>
          </div>
          <ConfirmDialog
            open={removingPersona !== null}
            title={t.sparring.confirmRemoveTitle}
            body={
              removingPersona !== null &&
              t.sparring.confirmRemoveBody(
                canvas.personas[removingPersona]?.name || t.canvas.unnamed,
                t.canvas.personasTitle,
              )
            }
            confirm={t.sparring.confirmRemove}
            onConfirm={() => {
              update((c) => ({ ...c, personas: c.personas.filter((_, i) => i !== removingPersona) }));
              setRemovingPersona(null);
            }}
            onCancel={() => setRemovingPersona(null)}
          />
        </Step>

        <Step value="channels" n={4} title={t.canvas.channelTitle}>
          <Field hint={t.canvas.chooseNetworksHint} {...p('channelStrategy.ambassadorsChooseNetworks')}>
            <Switch
              label={t.canvas.chooseNetworks}
              checked={canvas.channelStrategy.ambassadorsChooseNetworks}
              onChange={(_, data) =>
                update((c) => ({
                  ...c,
                  channelStrategy: { ...c.channelStrategy, ambassadorsChooseNetworks: data.checked },
                }))
              }
            />
          </Field>
          <Field label={t.canvas.channelNotes} {...p('channelStrategy.notes')}>
            <Textarea
              value={canvas.channelStrategy.notes}
              resize="vertical"
              maxLength={2000}
              onChange={(_, data) =>
                update((c) => ({ ...c, channelStrategy: { ...c.channelStrategy, notes: data.value } }))
              }
            />
          </Field>
        </Step>

        <Step value="ambition" n={5} title={t.canvas.ambitionTitle}>
          <Field label={t.canvas.stage} {...p('ambition.stage')}>
            <RadioGroup
              value={canvas.ambition.stage}
              onChange={(_, data) =>
                update((c) => ({
                  ...c,
                  ambition: { ...c.ambition, stage: data.value === 'full' ? 'full' : 'pilot' },
                }))
              }
            >
              <Radio value="pilot" label={t.canvas.stagePilot} />
              <Radio value="full" label={t.canvas.stageFull} />
            </RadioGroup>
          </Field>
          <div className={styles.grid}>
            <NumberField
              label={t.canvas.targetAmbassadors}
              value={canvas.ambition.targetAmbassadors}
              min={1}
              onChange={(n) =>
                update((c) => ({ ...c, ambition: { ...c.ambition, targetAmbassadors: n ?? 0 } }))
              }
              problems={problems}
              problemKey="ambition.targetAmbassadors"
            />
            <NumberField
              label={t.canvas.hoursPerWeek}
              value={canvas.ambition.hoursPerWeek}
              step={0.5}
              max={168}
              onChange={(n) => update((c) => ({ ...c, ambition: { ...c.ambition, hoursPerWeek: n ?? 0 } }))}
              problems={problems}
              problemKey="ambition.hoursPerWeek"
            />
          </div>
          <Field label={t.canvas.owner} {...p('ambition.owner')}>
            <Input
              value={canvas.ambition.owner}
              maxLength={120}
              onChange={(_, data) =>
                update((c) => ({ ...c, ambition: { ...c.ambition, owner: data.value } }))
              }
            />
          </Field>
        </Step>

        <Step value="design" n={6} title={t.canvas.designTitle}>
          <NumberField
            label={t.canvas.curatedPercent}
            hint={t.canvas.curatedPercentHint}
            value={canvas.design.curatedPercent}
            max={100}
            onChange={(n) => update((c) => ({ ...c, design: { ...c.design, curatedPercent: n ?? 0 } }))}
            problems={problems}
            problemKey="design.curatedPercent"
          />
          <Field label={t.canvas.steering} {...p('design.steering')}>
            <RadioGroup
              value={canvas.design.steering}
              onChange={(_, data) =>
                update((c) => ({
                  ...c,
                  design: {
                    ...c.design,
                    steering:
                      data.value === 'free' ? 'free' : data.value === 'steered' ? 'steered' : 'guided',
                  },
                }))
              }
            >
              <Radio value="free" label={t.canvas.steeringFree} />
              <Radio value="guided" label={t.canvas.steeringGuided} />
              <Radio value="steered" label={t.canvas.steeringSteered} />
            </RadioGroup>
          </Field>
        </Step>

        <Step value="guidelines" n={7} title={t.canvas.guidelinesTitle}>
          <Body1 as="p" className={mergeClasses(styles.block, styles.muted)}>
            {t.canvas.guidelinesHint}
          </Body1>
          {guidelines && guidelinesText.trim() ? (
            <div>
              <Body1 as="p" className={styles.block}>
                <strong>{t.canvas.guidelinesVersion(guidelines.version)}</strong>
              </Body1>
              {/* Scrolls when long, so it takes focus (keyboard scrolling) and is named for that. */}
              <div
                className={styles.guidelines}
                tabIndex={0}
                role="region"
                aria-label={t.canvas.guidelinesVersion(guidelines.version)}
              >
                {guidelinesText}
              </div>
            </div>
          ) : (
            <Notice intent="warning">{t.canvas.noGuidelines}</Notice>
          )}
          <Body1 as="p" className={styles.block}>
            <strong>{t.canvas.brandStyleTitle}</strong>
          </Body1>
          <Caption1 as="p" className={mergeClasses(styles.block, styles.muted)}>
            {t.canvas.brandStyleHint}
          </Caption1>
          {/* Saved on its own (the coach settings), not with the canvas. */}
          <CoachSettingsPanel />
        </Step>

        <Step value="targets" n={8} title={t.canvas.targetsTitle}>
          <Body1 as="p" className={mergeClasses(styles.block, styles.muted)}>
            {t.canvas.targetsHint}
          </Body1>
          <Field label={t.canvas.period} {...p('targets.period')}>
            <RadioGroup
              layout="horizontal"
              value={canvas.targets.period}
              onChange={(_, data) =>
                update((c) => ({
                  ...c,
                  targets: { ...c.targets, period: data.value === 'quarter' ? 'quarter' : 'month' },
                }))
              }
            >
              <Radio value="month" label={t.canvas.periodMonth} />
              <Radio value="quarter" label={t.canvas.periodQuarter} />
            </RadioGroup>
          </Field>
          <fieldset className={styles.fieldset}>
            <legend>
              <strong>{t.canvas.resultGoals}</strong>
            </legend>
            <div className={styles.grid}>
              {(['shares', 'clicks', 'reactions', 'followers'] as const).map((key) => (
                <NumberField
                  key={key}
                  label={t.canvas[key]}
                  value={r[key]}
                  nullable
                  onChange={(n) =>
                    update((c) => ({
                      ...c,
                      targets: { ...c.targets, result: { ...c.targets.result, [key]: n } },
                    }))
                  }
                  problems={problems}
                  problemKey={`targets.result.${key}`}
                />
              ))}
            </div>
          </fieldset>
          <fieldset className={styles.fieldset}>
            <legend>
              <strong>{t.canvas.effectGoals}</strong>
            </legend>
            <div className={styles.grid}>
              {(['applications', 'conversions', 'jobInteractions'] as const).map((key) => (
                <NumberField
                  key={key}
                  label={t.canvas[key]}
                  value={e[key]}
                  nullable
                  onChange={(n) =>
                    update((c) => ({
                      ...c,
                      targets: { ...c.targets, effect: { ...c.targets.effect, [key]: n } },
                    }))
                  }
                  problems={problems}
                  problemKey={`targets.effect.${key}`}
                />
              ))}
            </div>
          </fieldset>
        </Step>

        <Step value="reach" n={9} title={t.canvas.reachTitle}>
          <NumberField
            label={t.canvas.organicReachRate}
            hint={t.canvas.organicReachRateHint}
            // Shown as a percentage, stored as a share (6 % → 0.06); rounded so 0.07 does not show 7.000000001.
            value={Math.round(canvas.reach.organicReachRate * 10_000) / 100}
            step={0.5}
            max={100}
            onChange={(n) => update((c) => ({ ...c, reach: { organicReachRate: (n ?? 0) / 100 } }))}
            problems={problems}
            problemKey="reach.organicReachRate"
          />
        </Step>
      </Accordion>

      {Object.keys(problems).length > 0 && <Notice intent="error">{t.canvas.fixFields}</Notice>}
      {stale !== null && <ErrorBar error={stale} title={t.canvas.staleTitle} intent="warning" />}
      {stale !== null && (
        <div>
          <Button onClick={onReload}>{t.canvas.reloadTheirs}</Button>
        </div>
      )}
      {error !== null && <ErrorBar error={error} />}
      {saved && <Notice intent="success">{t.canvas.saved}</Notice>}
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy} onClick={() => void save()}>
          {busy ? t.canvas.saving : t.canvas.save}
        </Button>
        {busy && <Spinner size="tiny" aria-hidden />}
      </div>
    </div>
  );
}
