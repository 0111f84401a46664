import { seededRandom } from '../../seeds/demo/demo-random.js';

// The national scenario of the mapping benchmark as plain numbers: how many
// municipalities, how many employees each, and which network each belongs to.
// Pure and deterministic; scenario.ts turns it into rows with set-based SQL.

export type ScenarioSize = {
  municipalities: number;
  /** Employees across all municipalities. */
  employees: number;
  /** Employees of the first municipality, the one whose dashboard is measured; every other one is smaller. */
  dashboardEmployees: number;
  networks: number;
  /** Measured requests per endpoint, after `warmup` unmeasured ones. */
  requests: number;
  warmup: number;
  /** Campaigns (besides the dashboard municipality's) whose results are computed one at a time and timed; the rest run two at a time. */
  snapshotSample: number;
};

export const FULL: ScenarioSize = { municipalities: 400, employees: 400_000, dashboardEmployees: 5_000, networks: 40, requests: 200, warmup: 20, snapshotSample: 150 };
export const QUICK: ScenarioSize = { municipalities: 20, employees: 12_000, dashboardEmployees: 1_500, networks: 4, requests: 40, warmup: 5, snapshotSample: 20 };

export type PlannedMunicipality = {
  index: number;
  code: string;
  name: string;
  employees: number;
  /** About 12 inhabitants per employee in health and care; decides the size class. */
  population: number;
  network: number;
  /** Units below the service areas: about one per 50 employees. */
  units: number;
  /** Self-assessment response rate of each of the two campaigns. */
  rates: [number, number];
};

/**
 * Municipality 0 has exactly `dashboardEmployees`; the rest are a mix of small
 * (most), medium and large ones, scaled so that the total is exactly `employees`
 * and each stays below the dashboard municipality.
 */
export function planMunicipalities(size: ScenarioSize): PlannedMunicipality[] {
  const rnd = seededRandom(20260510);
  const others = size.municipalities - 1;
  const raw = Array.from({ length: others }, () => {
    const kind = rnd.next();
    if (kind < 0.55) return rnd.int(80, 500);
    if (kind < 0.9) return rnd.int(500, 2_000);
    return rnd.int(2_000, 4_500);
  });
  const target = size.employees - size.dashboardEmployees;
  const sum = raw.reduce((a, b) => a + b, 0);
  const cap = size.dashboardEmployees - 1;
  const sizes = raw.map((r) => Math.min(cap, Math.max(20, Math.round((r * target) / sum))));
  // Rounding and the caps leave a remainder: spread it one employee at a time.
  let rest = target - sizes.reduce((a, b) => a + b, 0);
  for (let i = 0; rest !== 0; i = (i + 1) % others) {
    const step = Math.sign(rest);
    const next = sizes[i]! + step;
    if (next >= 20 && next <= cap) {
      sizes[i] = next;
      rest -= step;
    }
  }
  const all = [size.dashboardEmployees, ...sizes];
  return all.map((employees, index) => ({
    index,
    code: String(6000 + index),
    name: index === 0 ? 'Benchby' : `Benchkommune ${index}`,
    employees,
    population: Math.max(800, employees * 12),
    network: index % size.networks,
    units: Math.max(2, Math.ceil(employees / 50)),
    rates: [0.6 + rnd.next() * 0.2, 0.68 + rnd.next() * 0.17],
  }));
}
