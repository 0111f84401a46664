import { useEffect, useState } from 'react';
import { type PackageUpload, packageUploadSchema } from '../../../shared/api/packages';
import { api, type ApiError } from '../../api/client';
import { asApiError } from '../../api/useApi';
import { isTerminal } from './packageFormat';

export const POLL_MS = 500;
/** Answers that polling again cannot change. */
const FINAL_ERRORS = new Set<ApiError['code']>(['NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED']);

/**
 * Follows one upload on the server: loads it (after a reload with
 * ?upload=…), then polls every 500 ms until it is stored, refused or failed.
 * A failed poll (a network blip) is shown and retried.
 */
export function useUploadStatus(municipalityId: string, uploadId: string | null) {
  const [data, setData] = useState<PackageUpload | undefined>();
  const [error, setError] = useState<ApiError | undefined>();
  const [tick, setTick] = useState(0);
  const current = data && data.id === uploadId ? data : undefined;
  const path = `/municipalities/${municipalityId}/packages/uploads/${uploadId ?? ''}`;
  const done = current ? isTerminal(current.phase) : false;
  const stopped = done || (error ? FINAL_ERRORS.has(error.code) : false);

  useEffect(() => {
    if (!uploadId || stopped) return;
    const controller = new AbortController();
    // The first load goes at once; later ones wait, so the server is asked twice a second at most.
    const handle = setTimeout(
      () => {
        api(path, packageUploadSchema, { signal: controller.signal })
          .then((next) => {
            setData(next);
            setError(undefined);
          })
          .catch((err: unknown) => {
            if (!controller.signal.aborted) setError(asApiError(err));
          })
          .finally(() => {
            if (!controller.signal.aborted) setTick((n) => n + 1);
          });
      },
      current ? POLL_MS : 0,
    );
    return () => {
      clearTimeout(handle);
      controller.abort();
    };
    // `tick` re-arms the timer after every answer; `current` only sets the first delay.
  }, [path, uploadId, stopped, tick]);

  /** `retrying`: the last poll failed and another is on its way. */
  return { status: current, error, retrying: Boolean(error) && !stopped, setStatus: setData };
}
