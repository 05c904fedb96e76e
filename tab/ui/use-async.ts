import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

export interface AsyncResource<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** Loads again; keeps the current data on screen meanwhile. */
  reload: () => Promise<void>;
  /** Replaces the data (after a write that returned the new value). */
  set: (data: T) => void;
}

/** Loads data when `key` changes; later loads win over earlier ones. */
export function useAsync<T>(load: (signal: AbortSignal) => Promise<T>, key: string): AsyncResource<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const loadRef = useRef(load);
  loadRef.current = load;
  const controllerRef = useRef<AbortController | null>(null);

  const run = useCallback(async () => {
    controllerRef.current?.abort();
    const controller = new AbortController();
    controllerRef.current = controller;
    setLoading(true);
    try {
      const value = await loadRef.current(controller.signal);
      if (controller.signal.aborted) return;
      setData(value);
      setError(null);
    } catch (err) {
      if (controller.signal.aborted) return;
      setError(err);
    } finally {
      if (!controller.signal.aborted) setLoading(false);
    }
  }, []);

  useEffect(() => {
    void run();
    return () => controllerRef.current?.abort();
  }, [run, key]);

  const set = useCallback((value: T) => {
    setData(value);
    setError(null);
  }, []);

  return useMemo(() => ({ data, error, loading, reload: run, set }), [data, error, loading, run, set]);
}
