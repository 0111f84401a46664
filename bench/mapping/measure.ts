import type { App } from '../../src/server/http/app.js';

// Server time of one endpoint, in process: `app.inject` runs the whole request
// (session hook, validation, service, database, serialisation) without a socket,
// so the figure is what the server spends, without network or client noise.

export type Timing = { p50: number; p95: number; max: number; n: number };

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new Error('percentile of nothing');
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

export function summarize(values: readonly number[]): Timing {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), max: round(sorted[sorted.length - 1]!), n: sorted.length };
}

export type Probe = { status: number; body: string };

/** One GET with the session cookie; the status and body, for the checks before timing. */
export async function get(app: App, url: string, cookie: string): Promise<Probe> {
  const res = await app.inject({ method: 'GET', url, headers: { cookie } });
  return { status: res.statusCode, body: res.body };
}

/**
 * `warmup` unmeasured requests, then `requests` measured ones, one after
 * another. Fails on any non-200 answer: a fast error is not a measurement.
 */
export async function timeEndpoint(app: App, url: string, cookie: string, opts: { requests: number; warmup: number }): Promise<Timing> {
  const times: number[] = [];
  for (let i = 0; i < opts.warmup + opts.requests; i++) {
    const start = performance.now();
    const res = await app.inject({ method: 'GET', url, headers: { cookie } });
    const ms = performance.now() - start;
    if (res.statusCode !== 200) throw new Error(`GET ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    if (i >= opts.warmup) times.push(ms);
  }
  return summarize(times);
}
