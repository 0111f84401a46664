import { AppError } from '../../http/app-error.js';

// Holds back guessing of link tokens and shared-device codes: an address that
// has tried too many keys that open nothing is refused (429) for a while, for
// every key, so a late right guess cannot be confirmed either. The route-level
// rate limit (per address and key) only spaces out normal autosaving.
//
// In memory, per app (keyed by its long-lived jobs runner), like the rate-limit
// plugin's own store: one process serves one municipality set.

export const MAX_FAILURES = 20;
export const FAILURE_WINDOW_MS = 10 * 60_000;

type Entry = { failures: number; resetAt: number };
const guards = new WeakMap<object, Map<string, Entry>>();

function table(owner: object): Map<string, Entry> {
  let t = guards.get(owner);
  if (!t) {
    t = new Map();
    guards.set(owner, t);
  }
  return t;
}

function current(owner: object, ip: string, now: number): Entry | undefined {
  const t = table(owner);
  const e = t.get(ip);
  if (e && e.resetAt <= now) {
    t.delete(ip);
    return undefined;
  }
  return e;
}

export function assertNotBlocked(owner: object, ip: string | null, now = Date.now()): void {
  const e = current(owner, ip ?? '', now);
  if (e && e.failures >= MAX_FAILURES) throw new AppError('RATE_LIMITED', 'Too many unknown codes from this address. Wait a few minutes and try again.');
}

export function recordFailure(owner: object, ip: string | null, now = Date.now()): void {
  const t = table(owner);
  const key = ip ?? '';
  const e = current(owner, key, now) ?? { failures: 0, resetAt: now + FAILURE_WINDOW_MS };
  e.failures++;
  t.set(key, e);
  if (t.size > 10_000) for (const [k, v] of t) if (v.resetAt <= now) t.delete(k);
}
