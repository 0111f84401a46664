import { useCallback, useEffect, useRef, useState } from 'react';
import { saveResult } from '../../../shared/api/mapping';
import { api, type ApiError } from '../../api/client';
import { asApiError } from '../../api/useApi';

// Autosave of a questionnaire's answers, keyed by question code: changes are
// sent in batches shortly after they are made (PUT …/answers), kept in
// localStorage until the server has them, retried when saving fails, and sent
// when the page is hidden. A conflict (closed, already submitted) or an unknown
// key stops saving and is reported as `blocked`. The leader survey uses it; the
// self-assessment (AssessmentPage) has the same behaviour inline.

export type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: string } | { kind: 'failed' };

const SAVE_DELAY_MS = 600;
const RETRY_MS = 5000;

export function readLocal<V>(storageKey: string): Record<string, V> {
  try {
    const raw = localStorage.getItem(storageKey);
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, V>) : {};
  } catch {
    return {};
  }
}

function writeLocal<V>(storageKey: string, pending: Record<string, V>): void {
  try {
    if (Object.keys(pending).length === 0) localStorage.removeItem(storageKey);
    else localStorage.setItem(storageKey, JSON.stringify(pending));
  } catch {
    // Storage full or disabled: nothing more we can do.
  }
}

export function useAutosave<V>(opts: {
  /** localStorage key for answers not yet saved. */
  storageKey: string;
  /** The questionnaire's path (/assessments/<key>). */
  path: string;
  /** The PUT body for a batch of changes. */
  toBody: (batch: Record<string, V>) => unknown;
  /** When the questionnaire was last saved, if ever. */
  savedAt: string | null;
}) {
  const { storageKey, path, toBody } = opts;
  const [save, setSave] = useState<SaveState>(opts.savedAt ? { kind: 'saved', at: opts.savedAt } : { kind: 'idle' });
  const [blocked, setBlocked] = useState<ApiError | undefined>(undefined);
  const pending = useRef<Record<string, V>>({});
  const timer = useRef<number | undefined>(undefined);
  const inFlight = useRef(false);
  const toBodyRef = useRef(toBody);
  toBodyRef.current = toBody;

  const flush = useCallback(async (): Promise<boolean> => {
    window.clearTimeout(timer.current);
    const batch = pending.current;
    if (Object.keys(batch).length === 0) return true;
    if (inFlight.current) {
      timer.current = window.setTimeout(() => void flush(), SAVE_DELAY_MS);
      return false;
    }
    inFlight.current = true;
    pending.current = {};
    setSave({ kind: 'saving' });
    try {
      const result = await api(`${path}/answers`, saveResult, { method: 'PUT', body: toBodyRef.current(batch) });
      writeLocal(storageKey, pending.current);
      setSave({ kind: 'saved', at: result.savedAt });
      return true;
    } catch (err) {
      // Keep what failed (unless changed since) and try again.
      pending.current = { ...batch, ...pending.current };
      writeLocal(storageKey, pending.current);
      const error = asApiError(err);
      if (error.code === 'CONFLICT' || error.code === 'NOT_FOUND') {
        setBlocked(error);
      } else {
        setSave({ kind: 'failed' });
        timer.current = window.setTimeout(() => void flush(), RETRY_MS);
      }
      return false;
    } finally {
      inFlight.current = false;
    }
  }, [path, storageKey]);

  /** Records a change and saves it shortly. */
  const queue = useCallback(
    (code: string, value: V) => {
      pending.current = { ...pending.current, [code]: value };
      writeLocal(storageKey, pending.current);
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void flush(), SAVE_DELAY_MS);
    },
    [flush, storageKey],
  );

  /** Answers left unsaved on this device last time: queued to be saved now, and returned to be shown. */
  const restore = useCallback((): Record<string, V> => {
    const local = readLocal<V>(storageKey);
    if (Object.keys(local).length > 0) {
      pending.current = { ...local, ...pending.current };
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void flush(), 0);
    }
    return local;
  }, [flush, storageKey]);

  /** For the submission, which carries them: the unsaved changes, with the timer stopped. */
  const takePending = useCallback((): Record<string, V> => {
    window.clearTimeout(timer.current);
    return pending.current;
  }, []);

  /** After a successful submission: nothing is left to save. */
  const clear = useCallback(() => {
    window.clearTimeout(timer.current);
    pending.current = {};
    writeLocal(storageKey, {});
  }, [storageKey]);

  // Save what is left when the page is hidden (tab closed, phone locked).
  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    document.addEventListener('visibilitychange', onHide);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.clearTimeout(timer.current);
    };
  }, [flush]);

  return { save, blocked, setBlocked, queue, restore, takePending, clear };
}
