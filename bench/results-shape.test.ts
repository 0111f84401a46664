import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildResult, formatTable, writeResult, type Figure } from './lib/results.js';
import { BENCHMARKS } from './registry.js';

// The contract of bench/results/<name>.json. Anything that reads results
// (dashboards, comparisons across runs) relies on exactly this shape, so the
// harness must not drift from it unnoticed.
const resultFile = z.strictObject({
  name: z.string().min(1),
  date: z.iso.datetime(),
  node: z.string().regex(/^v\d+\.\d+\.\d+/),
  cpus: z.number().int().positive(),
  figures: z.array(
    z.strictObject({
      id: z.string().regex(/^[a-z0-9_]+$/),
      value: z.number().refine(Number.isFinite, 'finite'),
      unit: z.string().min(1),
    }),
  ),
});

const fake: Figure[] = [
  { id: 'me_req_per_s_pglite', value: 315.8, unit: 'req/s' },
  { id: 'me_p99_ms_pglite', value: 66, unit: 'ms' },
  { id: 'event_loop_stall_ms_pglite', value: 4.2, unit: 'ms' },
];

describe('bench result files', () => {
  const dir = mkdtempSync(join(os.tmpdir(), 'mestring-bench-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes <name>.json with exactly the documented shape', () => {
    const now = new Date('2026-05-01T12:00:00.000Z');
    const { path, result } = writeResult('fake-bench', fake, { dir, now });
    expect(path).toBe(join(dir, 'fake-bench.json'));
    const onDisk: unknown = JSON.parse(readFileSync(path, 'utf8'));
    const parsed = resultFile.parse(onDisk);
    expect(Object.keys(onDisk as object)).toEqual(['name', 'date', 'node', 'cpus', 'figures']);
    expect(parsed).toEqual(result);
    expect(parsed.name).toBe('fake-bench');
    expect(parsed.date).toBe('2026-05-01T12:00:00.000Z');
    expect(parsed.node).toBe(process.version);
    expect(parsed.cpus).toBe(os.cpus().length);
    expect(parsed.figures).toEqual(fake);
  });

  it('keeps only id, value and unit of each figure', () => {
    const extra = [{ id: 'x_ms', value: 1, unit: 'ms', note: 'dropped' } as Figure];
    expect(() => resultFile.parse(buildResult('extra', extra))).not.toThrow();
  });

  it('refuses figures that would break the shape', () => {
    expect(() => buildResult('bad', [{ id: 'nan_ms', value: Number.NaN, unit: 'ms' }])).toThrow(/non-finite/);
    expect(() => buildResult('bad', [{ id: 'inf_ms', value: Number.POSITIVE_INFINITY, unit: 'ms' }])).toThrow(/non-finite/);
    expect(() => buildResult('bad', [{ id: 'Not Snake', value: 1, unit: 'ms' }])).toThrow(/snake_case/);
    expect(() => buildResult('bad', [{ id: 'no_unit', value: 1, unit: '' }])).toThrow(/unit/);
    expect(() => buildResult('bad', [fake[0]!, fake[0]!])).toThrow(/twice/);
  });

  it('prints every figure in the table', () => {
    const table = formatTable(fake);
    for (const f of fake) expect(table).toContain(f.id);
  });

  it('registers api-baseline', () => {
    expect(Object.keys(BENCHMARKS)).toContain('api-baseline');
  });
});
