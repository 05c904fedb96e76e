import { useCallback, useEffect, useState } from 'react';
import type { TopicEntry } from '@contracts';
import type { ChorusApi } from '../../api/chorus-api';
import { useI18n } from '../../i18n';
import { useChorus } from '../../state/chorus-context';

// One request per signed-in session: topics change rarely (comms adds one now and then).
const cache = new WeakMap<ChorusApi, Promise<TopicEntry[]>>();

function loadTopics(api: ChorusApi, fresh = false): Promise<TopicEntry[]> {
  let pending = fresh ? undefined : cache.get(api);
  if (!pending) {
    pending = api.topics().then((list) => list.topics);
    // a failed load is not cached: the next page that needs topics tries again
    pending.catch(() => cache.delete(api));
    cache.set(api, pending);
  }
  return pending;
}

export interface Topics {
  /** Undefined while loading (or after a failure). */
  list: TopicEntry[] | undefined;
  error: unknown;
  /** The topic's name in the current language; built-in names work before the list has loaded. */
  label: (key: string) => string;
  reload: () => void;
}

export function useTopics(): Topics {
  const { api } = useChorus();
  const { t, language } = useI18n();
  const [list, setList] = useState<TopicEntry[] | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let cancelled = false;
    loadTopics(api, generation > 0).then(
      (topics) => {
        if (cancelled) return;
        setList(topics);
        setError(null);
      },
      (err: unknown) => {
        if (!cancelled) setError(err);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [api, generation]);

  const label = useCallback(
    (key: string) => {
      const entry = list?.find((topic) => topic.key === key);
      if (entry) return language === 'da' ? entry.labelDa : entry.labelEn;
      return (t.topics as Record<string, string>)[key] ?? key;
    },
    [list, language, t],
  );

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { list, error, label, reload };
}
