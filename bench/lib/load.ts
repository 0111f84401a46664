import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const WORKER = fileURLToPath(new URL('../load/autocannon-worker.mjs', import.meta.url));

export type LoadOptions = {
  url: string;
  headers?: Record<string, string>;
  /** Seconds. */
  duration: number;
  connections: number;
};

/** The parts of autocannon's result that the benchmarks read. */
export type LoadResult = {
  url: string;
  duration: number;
  connections: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
  requests: { average: number; mean: number; total: number; sent: number };
  latency: { average: number; p50: number; p90: number; p99: number; max: number };
  statusCodeStats?: Record<string, { count: number }>;
};

export type LoadRun = {
  /** Resolves once the worker is loaded and waiting (syncStart) or has started. */
  ready: Promise<void>;
  /** Starts the load (syncStart only; otherwise it starts by itself). */
  go: () => void;
  result: Promise<LoadResult>;
};

/**
 * Starts the load generator in a separate Node process (bench/load/autocannon-worker.mjs)
 * and parses the JSON it prints. With `syncStart`, the load begins only when `go()` is called.
 */
export function startLoad(options: LoadOptions & { syncStart?: boolean }): LoadRun {
  const child = spawn(process.execPath, [WORKER, JSON.stringify(options)], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  if (!options.syncStart) markReady();
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    stdout += chunk;
    if (options.syncStart && /^READY$/m.test(stdout)) markReady();
  });
  child.stderr.on('data', (chunk: string) => (stderr += chunk));
  const result = new Promise<LoadResult>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      markReady();
      const last = stdout.trim().split('\n').pop() ?? '';
      if (code !== 0) return reject(new Error(`load generator exited with code ${code}: ${stderr.trim() || last}`));
      try {
        resolve(JSON.parse(last) as LoadResult);
      } catch {
        reject(new Error(`load generator printed no JSON result: ${stdout.slice(-500)} ${stderr.slice(-500)}`));
      }
    });
  });
  return {
    ready,
    go: () => {
      child.stdin.end('go\n');
    },
    result,
  };
}

/** Runs a bounded load and fails loudly unless every response was 2xx. */
export async function runLoad(label: string, options: LoadOptions): Promise<LoadResult> {
  const run = startLoad(options);
  const r = await run.result;
  assertAll2xx(label, r);
  return r;
}

export function assertAll2xx(label: string, r: LoadResult): void {
  const problems: string[] = [];
  if (r.non2xx !== 0) problems.push(`${r.non2xx} non-2xx responses (status codes: ${JSON.stringify(r.statusCodeStats ?? {})})`);
  if (r.errors !== 0) problems.push(`${r.errors} connection errors`);
  if (r.timeouts !== 0) problems.push(`${r.timeouts} timeouts`);
  if (r['2xx'] === 0) problems.push('no 2xx responses at all');
  if (problems.length > 0) throw new Error(`${label}: ${problems.join('; ')}`);
}
