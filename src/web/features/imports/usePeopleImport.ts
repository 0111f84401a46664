import { useCallback, useEffect, useState } from 'react';
import { type PeopleImport, peopleImportSchema } from '../../../shared/api/people';
import { anyResponse, api, type ApiError } from '../../api/client';
import { asApiError } from '../../api/useApi';

export const POLL_MS = 500;
const BUSY = new Set<PeopleImport['status']>(['parsing', 'committing']);

export function isBusy(status: PeopleImport['status']): boolean {
  return BUSY.has(status);
}

/** Follow one import, polling every 500 ms while the server is parsing or committing it. */
export function usePeopleImport(municipalityId: string, importId: string | null) {
  const [data, setData] = useState<PeopleImport | undefined>();
  const [error, setError] = useState<ApiError | undefined>();
  const base = `/municipalities/${municipalityId}/people/imports`;
  const current = data && data.id === importId ? data : undefined;

  // First load (e.g. after a page reload with ?import=…); the upload response counts too.
  useEffect(() => {
    if (!importId || current) return;
    const controller = new AbortController();
    setError(undefined);
    api(`${base}/${importId}`, peopleImportSchema, { signal: controller.signal })
      .then(setData)
      .catch((err: unknown) => {
        if (!controller.signal.aborted) setError(asApiError(err));
      });
    return () => controller.abort();
  }, [base, importId]);

  // Poll while busy: every new response re-arms the timer.
  useEffect(() => {
    if (!importId || !current || !isBusy(current.status)) return;
    const controller = new AbortController();
    const handle = setTimeout(() => {
      api(`${base}/${importId}`, peopleImportSchema, { signal: controller.signal })
        .then(setData)
        .catch((err: unknown) => {
          if (!controller.signal.aborted) setError(asApiError(err));
        });
    }, POLL_MS);
    return () => {
      clearTimeout(handle);
      controller.abort();
    };
  }, [base, importId, current]);

  const commit = useCallback(async () => {
    if (!importId) return;
    const res = await api(`${base}/${importId}/commit`, anyResponse, { method: 'POST' });
    const parsed = peopleImportSchema.safeParse(res);
    // Whatever the commit answers, polling takes over from "committing".
    setData((prev) => (parsed.success ? parsed.data : prev ? { ...prev, status: 'committing' } : prev));
  }, [base, importId]);

  return { data: current, error, commit, setData };
}
