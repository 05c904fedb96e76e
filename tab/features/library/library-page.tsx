import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import {
  Body1,
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  SearchBox,
  Select,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ZLanguage, ZNetwork, type Language, type LibraryItem, type Network } from '@contracts';
import type { LibraryRequest } from '../../api/chorus-api';
import { useI18n } from '../../i18n';
import { useChorus } from '../../state/chorus-context';
import { ErrorBar } from '../../ui/error-bar';
import { EmptyState, Loading, Page } from '../../ui/layout';
import { useDebounced } from '../../ui/use-debounced';
import { useShareDialog } from '../share/share-launcher';
import { ItemCard } from './item-card';
import { useTopics } from './use-topics';

const PAGE_SIZE = 12;
const SEARCH_DELAY_MS = 300;
type Sort = 'newest' | 'most_shared';

interface Filters {
  q: string;
  topic: string;
  network: Network | '';
  language: Language | '';
  sort: Sort;
}
const NO_FILTERS: Filters = { q: '', topic: '', network: '', language: '', sort: 'newest' };

const useStyles = makeStyles({
  search: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  searchBox: { maxWidth: '100%', width: '100%' },
  filters: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(170px, 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'end',
  },
  statusRow: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    minHeight: '32px',
  },
  status: { color: tokens.colorNeutralForeground2 },
  grid: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  resultsArea: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  cell: { display: 'flex', '& > article': { flexGrow: 1 } },
  more: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

interface Results {
  key: string | null;
  items: LibraryItem[];
  nextCursor: string | null;
  loading: boolean;
  error: unknown;
  loadingMore: boolean;
  moreError: unknown;
  /** After "Load more": how many came, and the first new one (focus moves there). */
  added: { count: number; firstId: string | null } | null;
}

function toRequest(filters: Filters): LibraryRequest {
  return {
    q: filters.q,
    sort: filters.sort,
    limit: PAGE_SIZE,
    ...(filters.topic ? { topic: filters.topic } : {}),
    ...(filters.network ? { network: filters.network } : {}),
    ...(filters.language ? { language: filters.language } : {}),
  };
}

/** The first page for the current filters, and "Load more" with the cursor. */
function useLibraryResults(filters: Filters) {
  const { api } = useChorus();
  const key = JSON.stringify(filters);
  const [state, setState] = useState<Results>({
    key: null,
    items: [],
    nextCursor: null,
    loading: true,
    error: null,
    loadingMore: false,
    moreError: null,
    added: null,
  });
  const controller = useRef<AbortController | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    controller.current?.abort();
    const c = new AbortController();
    controller.current = c;
    const request = toRequest(JSON.parse(key) as Filters);
    setState((s) => ({ ...s, loading: true, error: null, moreError: null, loadingMore: false }));
    api.library(request, c.signal).then(
      (page) => {
        if (c.signal.aborted) return;
        setState({
          key,
          items: page.items,
          nextCursor: page.nextCursor,
          loading: false,
          error: null,
          loadingMore: false,
          moreError: null,
          added: null,
        });
      },
      (err: unknown) => {
        if (!c.signal.aborted) setState((s) => ({ ...s, loading: false, error: err }));
      },
    );
    return () => c.abort();
  }, [api, key, generation]);

  const loadMore = useCallback(async () => {
    const cursor = state.nextCursor;
    if (!cursor || state.loadingMore || state.loading) return;
    const c = controller.current;
    setState((s) => ({ ...s, loadingMore: true, moreError: null, added: null }));
    try {
      const page = await api.library({ ...toRequest(JSON.parse(key) as Filters), cursor }, c?.signal);
      if (c?.signal.aborted) return;
      setState((s) => {
        if (s.key !== key) return s;
        const seen = new Set(s.items.map((item) => item.id));
        const fresh = page.items.filter((item) => !seen.has(item.id));
        return {
          ...s,
          items: [...s.items, ...fresh],
          nextCursor: page.nextCursor,
          loadingMore: false,
          added: { count: fresh.length, firstId: fresh[0]?.id ?? null },
        };
      });
    } catch (err) {
      if (!c?.signal.aborted) setState((s) => ({ ...s, loadingMore: false, moreError: err }));
    }
  }, [api, key, state.nextCursor, state.loadingMore, state.loading]);

  const retry = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, stale: state.key !== key, loadMore, retry };
}

/** Approved content to share: search, filters, sorting, cards, and "Load more". */
export function LibraryPage() {
  const { t } = useI18n();
  const styles = useStyles();
  const { me, navigate } = useChorus();
  const topics = useTopics();
  const ids = useId();
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<Omit<Filters, 'q'>>(NO_FILTERS);
  const q = useDebounced(query.trim(), SEARCH_DELAY_MS);
  const results = useLibraryResults({ ...filters, q });
  const { openShare, dialog } = useShareDialog();
  const listRef = useRef<HTMLUListElement>(null);

  const filtersActive =
    query.trim() !== '' || filters.topic !== '' || filters.network !== '' || filters.language !== '';

  // After "Load more", move focus to the first new card, so keyboard users continue from there.
  useEffect(() => {
    const firstId = results.added?.firstId;
    if (!firstId) return;
    const card = listRef.current?.querySelector<HTMLElement>(
      `[data-testid="library-item-${CSS.escape(firstId)}"] [data-testid="item-title-link"]`,
    );
    card?.focus();
  }, [results.added]);

  const searchRef = useRef<HTMLInputElement>(null);
  // The button that cleared them disappears: continue in the search box.
  const clearAll = () => {
    setQuery('');
    setFilters(NO_FILTERS);
    searchRef.current?.focus();
  };

  const set = <K extends keyof Omit<Filters, 'q'>>(key: K, value: Filters[K]) =>
    setFilters((f) => ({ ...f, [key]: value }));

  const firstLoad = results.key === null && results.loading;
  const busy = results.loading || results.stale;
  const status = firstLoad
    ? t.library.loading
    : busy
      ? t.library.updating
      : results.error !== null
        ? ''
        : [
            results.added ? t.library.loadedMore(results.added.count) : '',
            t.library.shown(results.items.length, results.nextCursor !== null),
          ]
            .filter(Boolean)
            .join(' ');

  return (
    <Page title={t.library.title} intro={t.library.intro}>
      {!me.membership && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t.library.notMemberTitle}</MessageBarTitle>
            {t.library.notMemberBody}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => navigate('campaigns')}>{t.library.goToCampaigns}</Button>
          </MessageBarActions>
        </MessageBar>
      )}

      <form
        role="search"
        aria-label={t.library.filters}
        className={styles.search}
        onSubmit={(e: FormEvent) => e.preventDefault()}
      >
        <Field label={t.library.search} hint={t.library.searchHint}>
          <SearchBox
            ref={searchRef}
            className={styles.searchBox}
            value={query}
            onChange={(_, data) => setQuery(data.value)}
            autoComplete="off"
            aria-controls={`${ids}-results`}
            data-testid="library-search"
          />
        </Field>
        <div className={styles.filters}>
          <Field label={t.library.topic}>
            <Select
              value={filters.topic}
              onChange={(_, data) => set('topic', data.value)}
              data-testid="filter-topic"
            >
              <option value="">{t.library.allTopics}</option>
              {(topics.list ?? []).map((topic) => (
                <option key={topic.key} value={topic.key}>
                  {topics.label(topic.key)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t.library.network}>
            <Select
              value={filters.network}
              onChange={(_, data) => set('network', ZNetwork.safeParse(data.value).data ?? '')}
              data-testid="filter-network"
            >
              <option value="">{t.library.allNetworks}</option>
              {ZNetwork.options.map((network) => (
                <option key={network} value={network}>
                  {t.networks[network]}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t.library.language}>
            <Select
              value={filters.language}
              onChange={(_, data) => set('language', ZLanguage.safeParse(data.value).data ?? '')}
              data-testid="filter-language"
            >
              <option value="">{t.library.allLanguages}</option>
              {ZLanguage.options.map((language) => (
                <option key={language} value={language} lang={language}>
                  {t.languageNames[language]}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t.library.sort}>
            <Select
              value={filters.sort}
              onChange={(_, data) => set('sort', data.value === 'most_shared' ? 'most_shared' : 'newest')}
              data-testid="library-sort"
            >
              <option value="newest">{t.library.sortNewest}</option>
              <option value="most_shared">{t.library.sortMostShared}</option>
            </Select>
          </Field>
        </div>
      </form>

      <div className={styles.statusRow}>
        <Caption1 className={styles.status} role="status" aria-live="polite" data-testid="library-status">
          {status}
        </Caption1>
        {busy && !firstLoad && <Spinner size="extra-tiny" aria-hidden />}
        {filtersActive && (results.items.length > 0 || busy) && (
          <Button appearance="subtle" onClick={clearAll} data-testid="clear-filters">
            {t.library.clearFilters}
          </Button>
        )}
      </div>

      {results.error !== null && <ErrorBar error={results.error} onRetry={results.retry} />}
      {topics.error !== null && <ErrorBar error={topics.error} intent="warning" onRetry={topics.reload} />}

      <div id={`${ids}-results`} className={styles.resultsArea}>
        {firstLoad ? (
          <Loading label={t.library.loading} />
        ) : results.items.length === 0 && results.error === null && !busy ? (
          filtersActive ? (
            <EmptyState
              id="library-no-matches"
              title={t.library.noMatchesTitle}
              actions={
                <Button appearance="primary" onClick={clearAll}>
                  {t.library.clearFilters}
                </Button>
              }
            >
              <Body1 as="p">{t.library.noMatchesBody}</Body1>
            </EmptyState>
          ) : (
            <EmptyState
              id="library-empty"
              title={t.library.emptyTitle}
              actions={
                !me.membership && (
                  <Button appearance="primary" onClick={() => navigate('campaigns')}>
                    {t.library.goToCampaigns}
                  </Button>
                )
              }
            >
              <Body1 as="p">{t.library.emptyBody}</Body1>
              <Body1 as="p">{t.library.emptyNext}</Body1>
            </EmptyState>
          )
        ) : (
          <ul
            ref={listRef}
            className={styles.grid}
            aria-label={t.library.results}
            aria-busy={busy}
            data-testid="library-results"
          >
            {results.items.map((item) => (
              <li key={item.id} className={styles.cell}>
                <ItemCard item={item} topicLabel={topics.label(item.topic)} onShare={openShare} />
              </li>
            ))}
          </ul>
        )}
      </div>

      {results.moreError !== null && (
        <ErrorBar error={results.moreError} onRetry={() => void results.loadMore()} />
      )}
      {results.nextCursor !== null && !busy && (
        <div className={styles.more}>
          <Button
            onClick={() => void results.loadMore()}
            disabledFocusable={results.loadingMore}
            data-testid="load-more"
          >
            {t.library.loadMore}
          </Button>
          {results.loadingMore && <Spinner size="tiny" label={t.library.loadingMore} />}
        </div>
      )}
      {dialog}
    </Page>
  );
}
