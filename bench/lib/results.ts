import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One measured number. `id` is stable across runs so results can be compared. */
export type Figure = { id: string; value: number; unit: string };

/** What `bench/results/<name>.json` holds. Guarded by bench/results-shape.test.ts. */
export type BenchResult = {
  name: string;
  date: string;
  node: string;
  cpus: number;
  figures: Figure[];
};

export const RESULTS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'results');

const ID_PATTERN = /^[a-z0-9_]+$/;

/** Checks a benchmark's figures: snake_case ids, unique, finite values, a unit each. */
export function validateFigures(figures: readonly Figure[]): void {
  const seen = new Set<string>();
  for (const f of figures) {
    if (!ID_PATTERN.test(f.id)) throw new Error(`figure id "${f.id}" must be snake_case ([a-z0-9_]+)`);
    if (seen.has(f.id)) throw new Error(`figure id "${f.id}" appears twice`);
    seen.add(f.id);
    if (typeof f.value !== 'number' || !Number.isFinite(f.value)) throw new Error(`figure "${f.id}" has a non-finite value (${String(f.value)})`);
    if (typeof f.unit !== 'string' || f.unit.length === 0) throw new Error(`figure "${f.id}" has no unit`);
  }
}

/** Builds the result object. Only the keys of the documented shape, in that order. */
export function buildResult(name: string, figures: readonly Figure[], now: Date = new Date()): BenchResult {
  validateFigures(figures);
  return {
    name,
    date: now.toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    figures: figures.map((f) => ({ id: f.id, value: f.value, unit: f.unit })),
  };
}

/** Writes `<dir>/<name>.json` and returns the path and what was written. */
export function writeResult(name: string, figures: readonly Figure[], options: { dir?: string; now?: Date } = {}): { path: string; result: BenchResult } {
  const result = buildResult(name, figures, options.now);
  const dir = options.dir ?? RESULTS_DIR;
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.json`);
  writeFileSync(path, `${JSON.stringify(result, null, 2)}\n`);
  return { path, result };
}

function formatValue(value: number): string {
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  return value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** A plain-text table of figures for the terminal. */
export function formatTable(figures: readonly Figure[]): string {
  const rows = figures.map((f) => [f.id, formatValue(f.value), f.unit] as const);
  const head = ['figure', 'value', 'unit'] as const;
  const w = [0, 1, 2].map((i) => Math.max(head[i]!.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: readonly string[]) => `${r[0]!.padEnd(w[0]!)}  ${r[1]!.padStart(w[1]!)}  ${r[2]!.padEnd(w[2]!)}`.trimEnd();
  return [line(head), line(w.map((n) => '-'.repeat(n))), ...rows.map(line)].join('\n');
}
