import { useCallback, useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import { api, type ApiError } from './client';
import { asApiError } from './useApi';

const LIMIT = 50;

type CursorPage<T> = z.ZodType<{ items: T[]; nextCursor: string | null }>;

/**
 * A cursor-paged list (audit log, statement browser): the first page for the
 * query, and loadMore appending the next one. A new query aborts the request
 * in flight. `clearOnError`: a failed first page empties the list instead of
 * leaving the previous query's rows beside the error.
 */
export function useCursorPages<T>(path: string, schema: CursorPage<T>, query: Record<string, string | undefined>, options: { clearOnError?: boolean } = {}) {
  const [items, setItems] = useState<T[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | undefined>();
  const queryKey = JSON.stringify(query);
  const controllerRef = useRef<AbortController | null>(null);
  const clearOnError = options.clearOnError === true;

  const fetchPage = useCallback(
    async (cursor: string | null) => {
      controllerRef.current?.abort();
      const controller = new AbortController();
      controllerRef.current = controller;
      setLoading(true);
      setError(undefined);
      try {
        const page = await api(path, schema, {
          query: { ...(JSON.parse(queryKey) as Record<string, string>), cursor: cursor ?? undefined, limit: LIMIT },
          signal: controller.signal,
        });
        setItems((prev) => (cursor ? [...prev, ...page.items] : page.items));
        setNextCursor(page.nextCursor);
        setLoading(false);
      } catch (err) {
        if (controller.signal.aborted) return;
        if (!cursor && clearOnError) setItems([]);
        setError(asApiError(err));
        setLoading(false);
      }
    },
    [path, schema, queryKey, clearOnError],
  );

  useEffect(() => {
    void fetchPage(null);
    return () => controllerRef.current?.abort();
  }, [fetchPage]);

  const loadMore = useCallback(() => {
    if (nextCursor) void fetchPage(nextCursor);
  }, [fetchPage, nextCursor]);

  return { items, nextCursor, loading, error, loadMore };
}
