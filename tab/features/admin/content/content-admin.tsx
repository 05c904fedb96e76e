import { useCallback, useEffect, useRef, useState } from 'react';
import {
  Body1,
  Button,
  Caption1,
  Link,
  Spinner,
  Tab,
  TabList,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ContentDetail, ContentStatus } from '@contracts';
import { useI18n } from '../../../i18n';
import { useChorus } from '../../../state/chorus-context';
import { ErrorBar } from '../../../ui/error-bar';
import { Loading, Panel, Pill, Section } from '../../../ui/layout';
import { useAsync } from '../../../ui/use-async';
import { useTopics } from '../../library/use-topics';
import type { Flash } from '../../program/flash';
import { FlashBar } from '../../program/flash-bar';
import { ContentItem } from './content-item';
import { TopicsManager } from './topics-manager';

type Filter = ContentStatus | 'all';
// The review queue first: it is what approvers come for.
const FILTERS: readonly Filter[] = ['in_review', 'draft', 'approved', 'rejected', 'archived', 'all'];
type View = { kind: 'list' } | { kind: 'item'; id: string | null; flash?: Flash };

const useStyles = makeStyles({
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
  },
  tabs: { overflowX: 'auto' },
  tableWrap: { overflowX: 'auto' },
  table: {
    width: '100%',
    borderCollapse: 'collapse',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    '& th, & td': {
      padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      textAlign: 'start',
      verticalAlign: 'top',
      fontSize: tokens.fontSizeBase300,
    },
    '& thead th': { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  },
  titleLink: { textAlign: 'start' },
  muted: { color: tokens.colorNeutralForeground2, display: 'block', marginTop: tokens.spacingVerticalXXS },
  empty: { padding: tokens.spacingHorizontalL },
});

/** The content section of the admin: the review queue with counts, and each item's page. */
export function ContentAdmin() {
  const { t, formatDate, formatNumber } = useI18n();
  const styles = useStyles();
  const { api, me } = useChorus();
  const topics = useTopics();
  const isComms = me.roles.includes('comms');
  const [view, setView] = useState<View>({ kind: 'list' });
  const [filter, setFilter] = useState<Filter>('in_review');
  const [generation, setGeneration] = useState(0);
  const [flash, setFlash] = useState<Flash | null>(null);
  const list = useAsync(
    (signal) => api.contentList(filter === 'all' ? undefined : filter, signal),
    `${filter}-${generation}`,
  );
  const lastOpened = useRef<string | null>(null);
  const listRef = useRef<HTMLDivElement>(null);

  const refresh = useCallback(() => setGeneration((g) => g + 1), []);

  // Back on the list: focus returns to the item that was open (or to the list).
  useEffect(() => {
    if (view.kind !== 'list' || lastOpened.current === null) return;
    const id = lastOpened.current;
    lastOpened.current = null;
    const target =
      listRef.current?.querySelector<HTMLElement>(`[data-item-id="${CSS.escape(id)}"]`) ??
      listRef.current?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]');
    target?.focus();
  }, [view]);

  if (view.kind === 'item') {
    return (
      <ContentItem
        key={view.id ?? 'new'}
        itemId={view.id}
        initialFlash={view.flash ?? null}
        onBack={() => {
          lastOpened.current = view.id ?? '';
          setView({ kind: 'list' });
          refresh();
        }}
        onCreated={(item: ContentDetail, created: Flash) =>
          setView({ kind: 'item', id: item.id, flash: created })
        }
        onChanged={refresh}
      />
    );
  }

  const counts = list.data?.counts;
  const total = counts ? Object.values(counts).reduce((a, b) => a + (b ?? 0), 0) : undefined;
  const label = (f: Filter) => {
    const name = f === 'all' ? t.content.all : t.content.statuses[f];
    const n = f === 'all' ? total : counts?.[f];
    return n === undefined ? name : t.content.withCount(name, n);
  };
  const items = list.data?.items ?? [];
  const emptyText =
    filter === 'in_review'
      ? t.content.emptyQueue
      : filter === 'all'
        ? t.content.emptyAll
        : t.content.emptyStatus;

  return (
    <div ref={listRef}>
      <Section
        id="content-admin"
        title={t.content.title}
        aside={<Caption1 className={styles.muted}>{t.content.intro}</Caption1>}
      >
        <FlashBar flash={flash} />
        <div className={styles.toolbar}>
          <TabList
            className={styles.tabs}
            aria-label={t.content.statusFilter}
            selectedValue={filter}
            onTabSelect={(_, d) => setFilter(d.value as Filter)}
            size="small"
          >
            {FILTERS.map((f) => (
              <Tab key={f} value={f} data-testid={`content-filter-${f}`}>
                {label(f)}
              </Tab>
            ))}
          </TabList>
          {isComms && (
            <Button
              appearance="primary"
              onClick={() => {
                setFlash(null);
                setView({ kind: 'item', id: null });
              }}
              data-testid="content-new"
            >
              {t.content.newItem}
            </Button>
          )}
        </div>
        {list.error !== null && <ErrorBar error={list.error} onRetry={() => void list.reload()} />}
        {list.data === undefined ? (
          list.error === null && <Loading label={t.content.loading} />
        ) : items.length === 0 ? (
          <Panel className={styles.empty}>
            <Body1>{emptyText}</Body1>
          </Panel>
        ) : (
          <div className={styles.tableWrap}>
            <table
              className={styles.table}
              aria-label={t.content.listLabel}
              aria-busy={list.loading}
              data-testid="content-list"
            >
              <thead>
                <tr>
                  <th scope="col">{t.content.columns.title}</th>
                  <th scope="col">{t.content.columns.status}</th>
                  <th scope="col">{t.content.columns.topic}</th>
                  <th scope="col">{t.content.columns.language}</th>
                  <th scope="col">{t.content.columns.author}</th>
                  <th scope="col">{t.content.columns.updated}</th>
                  <th scope="col">{t.content.columns.shares}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((item) => (
                  <tr key={item.id}>
                    <th scope="row">
                      <Link
                        className={styles.titleLink}
                        data-item-id={item.id}
                        onClick={() => {
                          setFlash(null);
                          setView({ kind: 'item', id: item.id });
                        }}
                        lang={item.language}
                      >
                        {item.title}
                      </Link>
                    </th>
                    <td>
                      <Pill>{t.content.status[item.status]}</Pill>
                    </td>
                    <td>{topics.label(item.topic)}</td>
                    <td>{t.content.languageName[item.language]}</td>
                    <td>{item.authorName ?? t.content.unknownAuthor}</td>
                    <td>{formatDate(item.updatedAt)}</td>
                    <td>{formatNumber(item.shareCount)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {list.loading && list.data !== undefined && <Spinner size="tiny" label={t.content.loading} />}
      </Section>
      {isComms && <TopicsManager />}
    </div>
  );
}
