import { useCallback } from 'react';
import { useChorus } from '../../state/chorus-context';
import type { PeopleSearch } from '../../ui/person-picker';

/** The directory search for person pickers: a stable function, so pickers search only when typed into. */
export function usePeopleSearch(limit = 8): PeopleSearch {
  const { api } = useChorus();
  return useCallback(
    (q: string, signal: AbortSignal) => api.findPeople(q, limit, signal).then((list) => list.people),
    [api, limit],
  );
}
