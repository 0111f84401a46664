import { describe, expect, it } from 'vitest';
import { BENCHMARKS } from '../registry.js';
import { percentile, summarize } from './measure.js';
import { FULL, planMunicipalities, QUICK } from './plan.js';

describe('the national mapping scenario', () => {
  it('has 400 municipalities and 400,000 employees, exactly one with 5,000', () => {
    const plan = planMunicipalities(FULL);
    expect(plan).toHaveLength(400);
    expect(plan.reduce((n, m) => n + m.employees, 0)).toBe(400_000);
    expect(plan.filter((m) => m.employees === 5_000).map((m) => m.index)).toEqual([0]);
    expect(Math.max(...plan.slice(1).map((m) => m.employees))).toBeLessThan(5_000);
    expect(new Set(plan.map((m) => m.code)).size).toBe(400);
    for (const m of plan) expect(m.code).toMatch(/^[0-9]{4}$/);
  });

  it('mixes small, medium and large municipalities and is the same every run', () => {
    const plan = planMunicipalities(FULL);
    const classes = plan.map((m) => (m.population < 5_000 ? 'small' : m.population <= 20_000 ? 'medium' : 'large'));
    for (const c of ['small', 'medium', 'large']) expect(classes.filter((x) => x === c).length, c).toBeGreaterThanOrEqual(20);
    expect(planMunicipalities(FULL)).toEqual(plan);
    for (const r of plan.flatMap((m) => m.rates)) {
      expect(r).toBeGreaterThanOrEqual(0.6);
      expect(r).toBeLessThanOrEqual(0.85);
    }
  });

  it('has a quick variant for smoke tests', () => {
    const plan = planMunicipalities(QUICK);
    expect(plan).toHaveLength(QUICK.municipalities);
    expect(plan.reduce((n, m) => n + m.employees, 0)).toBe(QUICK.employees);
    expect(plan[0]!.employees).toBe(QUICK.dashboardEmployees);
  });

  it('takes nearest-rank percentiles', () => {
    const xs = Array.from({ length: 200 }, (_, i) => i + 1);
    expect(percentile(xs, 50)).toBe(100);
    expect(percentile(xs, 95)).toBe(190);
    expect(summarize([3, 1, 2])).toEqual({ p50: 2, p95: 3, max: 3, n: 3 });
  });

  it('is registered as "mapping"', () => {
    expect(Object.keys(BENCHMARKS)).toContain('mapping');
  });
});
