import { useCallback, useEffect, useRef, useState } from 'react';
import { lrsStatementPage, type LrsStatementRow } from '../../../shared/api/lrs';
import { api, type ApiError } from '../../api/client';
import { asApiError } from '../../api/useApi';

const LIMIT = 50;

/** Statements page by page; loadMore appends the next page via its cursor. */
export function useStatements(path: string, query: Record<string, string | undefined>) {
  const [items, setItems] = useState<LrsStatementRow[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | undefined>();
  const queryKey = JSON.stringify(query);
  const controllerRef = useRef<AbortController | null>(null);

  const fetchPage = useCallback(
    async (cursor: string | null) => {
      controllerRef.current?.abort();
      const controller = new AbortController();
      controllerRef.current = controller;
      setLoading(true);
      setError(undefined);
      try {
        const page = await api(path, lrsStatementPage, {
          query: { ...(JSON.parse(queryKey) as Record<string, string>), cursor: cursor ?? undefined, limit: LIMIT },
          signal: controller.signal,
        });
        setItems((prev) => (cursor ? [...prev, ...page.items] : page.items));
        setNextCursor(page.nextCursor);
        setLoading(false);
      } catch (err) {
        if (controller.signal.aborted) return;
        if (!cursor) setItems([]);
        setError(asApiError(err));
        setLoading(false);
      }
    },
    [path, queryKey],
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
