import type { ReactNode } from 'react';
import { Body1, Button, Caption1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { campaignLinkFromSearch, campaignLinkFromSubPage } from '../../state/chorus-context';

/**
 * A small, read-only renderer for the Adaptive Cards the bot sends (TextBlock, RichTextBlock,
 * FactSet, Image, Container, ColumnSet, ActionSet and the card's own actions), for the demo inbox.
 * Everything is rendered as React text, never as HTML.
 */

type Json = Record<string, unknown>;

export interface CardAction {
  kind: 'openUrl' | 'submit';
  title: string;
  /** For openUrl: where it goes, made local when it points into Chorus. */
  url: string | null;
  /** For submit: the data it sends to the bot. */
  data: Json | null;
  /** For submit: true for Action.Execute (an invoke in Teams), false for Action.Submit (a message). */
  execute?: boolean;
  /** For Action.Execute: its verb. */
  verb?: string | null;
  /** For submit: the action's own data, without the verb folded in. */
  rawData?: Json;
}

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  text: { display: 'block', margin: 0, whiteSpace: 'pre-line', overflowWrap: 'anywhere' },
  facts: {
    margin: 0,
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalM,
    '& dt': { fontWeight: tokens.fontWeightSemibold },
    '& dd': { margin: 0 },
  },
  columns: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  column: {
    flex: '1 1 0',
    minWidth: '120px',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  image: { maxWidth: '100%', maxHeight: '160px', objectFit: 'cover', borderRadius: tokens.borderRadiusSmall },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  quote: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalM,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
  },
});

const asObject = (value: unknown): Json | null =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : null;
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const asString = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** The subEntityId in a Teams deep link's `context` parameter (JSON), if any. */
function subEntityIdOf(context: string | null): string | null {
  try {
    return asString((JSON.parse(context ?? '{}') as { subEntityId?: unknown }).subEntityId);
  } catch {
    return null;
  }
}

/**
 * Where a button's link should go in this tab: a Teams deep link to the Campaigns tab
 * (`subEntityId` campaign:<id>:join) or a link into Chorus on another host name becomes a local
 * address; anything else is left alone.
 */
export function localHref(url: string, origin = window.location.origin): string {
  let parsed: URL;
  try {
    parsed = new URL(url, origin);
  } catch {
    return url;
  }
  if (parsed.hostname === 'teams.microsoft.com' && parsed.pathname.startsWith('/l/entity/')) {
    const link = campaignLinkFromSubPage(subEntityIdOf(parsed.searchParams.get('context')));
    if (link) {
      const params = new URLSearchParams({ tab: 'campaigns', campaign: link.campaignId });
      if (link.join) params.set('join', '1');
      return `/?${params}`;
    }
    return url;
  }
  if (parsed.origin === origin) return `${parsed.pathname}${parsed.search}${parsed.hash}`;
  if (campaignLinkFromSearch(parsed.search) && parsed.pathname === '/') return `/${parsed.search}`;
  return url;
}

export function readAction(value: unknown): CardAction | null {
  const action = asObject(value);
  if (!action) return null;
  const type = asString(action['type']);
  const title = asString(action['title']) ?? '';
  if (type === 'Action.OpenUrl') {
    const url = asString(action['url']);
    return url ? { kind: 'openUrl', title, url: localHref(url), data: null } : null;
  }
  if (type === 'Action.Submit' || type === 'Action.Execute') {
    const data = asObject(action['data']) ?? {};
    const verb = asString(action['verb']);
    return {
      kind: 'submit',
      title,
      url: null,
      data: verb ? { verb, ...data } : data,
      execute: type === 'Action.Execute',
      verb,
      rawData: data,
    };
  }
  return null;
}

/** The card's elements and actions as React nodes; `renderAction` draws each button. */
export function AdaptiveCardView({
  card,
  renderAction,
  renderInput,
}: {
  card: Json;
  renderAction: (action: CardAction, key: string) => ReactNode;
  /** Draws Input.* elements; without it (the read-only inbox) inputs are left out. */
  renderInput?: (input: Json, key: string) => ReactNode;
}) {
  const styles = useStyles();

  const actionRow = (actions: unknown[], key: string) => {
    const read = actions.map(readAction).filter((a): a is CardAction => a !== null);
    if (read.length === 0) return null;
    return (
      <div key={key} className={styles.actions}>
        {read.map((a, i) => renderAction(a, `${key}-${i}`))}
      </div>
    );
  };

  const element = (value: unknown, key: string): ReactNode => {
    const el = asObject(value);
    if (!el || el['isVisible'] === false) return null;
    switch (el['type']) {
      case 'TextBlock': {
        const text = asString(el['text']) ?? '';
        const big = el['size'] === 'Large' || el['size'] === 'ExtraLarge' || el['weight'] === 'Bolder';
        return big ? (
          <Subtitle2 key={key} as="p" className={styles.text}>
            {text}
          </Subtitle2>
        ) : el['isSubtle'] === true || el['size'] === 'Small' ? (
          <Caption1 key={key} as="p" className={styles.text}>
            {text}
          </Caption1>
        ) : (
          <Body1 key={key} as="p" className={styles.text}>
            {text}
          </Body1>
        );
      }
      case 'RichTextBlock': {
        const text = asArray(el['inlines'])
          .map((inline) => asString(inline) ?? asString(asObject(inline)?.['text']) ?? '')
          .join('');
        return (
          <Body1 key={key} as="p" className={styles.text}>
            {text}
          </Body1>
        );
      }
      case 'FactSet':
        return (
          <dl key={key} className={styles.facts}>
            {asArray(el['facts']).map((f, i) => {
              const fact = asObject(f);
              return (
                <div key={i} style={{ display: 'contents' }}>
                  <dt>{asString(fact?.['title']) ?? ''}</dt>
                  <dd>{asString(fact?.['value']) ?? ''}</dd>
                </div>
              );
            })}
          </dl>
        );
      case 'Image': {
        const url = asString(el['url']);
        return url ? (
          <img key={key} className={styles.image} src={url} alt={asString(el['altText']) ?? ''} />
        ) : null;
      }
      case 'Container':
        return el['style'] === 'emphasis' || el['style'] === 'accent' ? (
          <blockquote key={key} className={styles.quote}>
            {asArray(el['items']).map((item, i) => element(item, `${key}-${i}`))}
          </blockquote>
        ) : (
          <div key={key}>{asArray(el['items']).map((item, i) => element(item, `${key}-${i}`))}</div>
        );
      case 'ColumnSet':
        return (
          <div key={key} className={styles.columns}>
            {asArray(el['columns']).map((column, i) => (
              <div key={i} className={styles.column}>
                {asArray(asObject(column)?.['items']).map((item, j) => element(item, `${key}-${i}-${j}`))}
              </div>
            ))}
          </div>
        );
      case 'ActionSet':
        return actionRow(asArray(el['actions']), key);
      default:
        return renderInput && typeof el['type'] === 'string' && el['type'].startsWith('Input.')
          ? renderInput(el, key)
          : null;
    }
  };

  return (
    <div className={styles.card}>
      {asArray(card['body']).map((item, i) => element(item, `b${i}`))}
      {actionRow(asArray(card['actions']), 'actions')}
    </div>
  );
}

/** A link styled as a button, for Action.OpenUrl (it is navigation, so it is a link). */
export function OpenUrlButton({ action }: { action: CardAction }) {
  const external = action.url !== null && /^https?:\/\//i.test(action.url);
  return (
    <Button
      as="a"
      href={action.url ?? undefined}
      appearance="primary"
      {...(external ? { target: '_blank', rel: 'noopener noreferrer' } : {})}
      data-testid="card-open-url"
    >
      {action.title}
    </Button>
  );
}
