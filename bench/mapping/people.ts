import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../src/server/db/schema.js';
import type { PlannedMunicipality } from './plan.js';

// The people part of the national scenario, shared by the benchmarks that
// need a country's municipalities (mapping, learning): networks,
// municipalities, the unit tree and the employees, written with set-based SQL
// (generate_series and INSERT … SELECT) as the owning role, one statement per
// table and step instead of one per row, so 400,000 employees take seconds.
// Values come from hash functions of row numbers (hashint8), so the
// distributions are fixed while the ids are fresh on every run.

export type Steps = { step: string; ms: number }[];

// Staff by the kind of unit (units take turns over the service areas: home care,
// nursing home, disability services, rehabilitation), as cumulative percentages
// of a row's hash; every unit's first employee is its leader. Rare professions
// thus cluster where they work, as they do in municipalities.
const PROFESSION_MIX: [string, number][][] = [
  [['nurse', 24], ['specialist_nurse', 29], ['health_care_worker', 71], ['assistant', 96], ['occupational_therapist', 97], ['other', 100]],
  [['nurse', 22], ['specialist_nurse', 27], ['health_care_worker', 71], ['assistant', 97], ['doctor', 98], ['other', 100]],
  [['social_educator', 32], ['health_care_worker', 62], ['assistant', 96], ['nurse', 100]],
  [['physiotherapist', 38], ['occupational_therapist', 70], ['nurse', 82], ['health_care_worker', 96], ['other', 100]],
];

/** SQL for the profession of employee `g` (1-based) of unit `unit` (1-based), from the row's hash. */
function professionCase(g: string, unit: string, hash: string): RawBuilder<unknown> {
  const kinds = PROFESSION_MIX.map((mix, k) => `when (${unit} - 1) % 4 = ${k} then case ${mix.map(([p, upTo]) => `when ${hash} % 100 < ${upTo} then '${p}'`).join(' ')} else 'other' end`).join(' ');
  return sql.raw(`case when ${g} <= p.unit_count then 'leader' ${kinds} end`);
}

/** Runs one timed step of a seed, logging and recording its duration. */
export async function step<T>(steps: Steps, name: string, log: (m: string) => void, fn: () => Promise<T>): Promise<T> {
  const t = performance.now();
  const out = await fn();
  const ms = Math.round(performance.now() - t);
  steps.push({ step: name, ms });
  log(`  ${name}: ${(ms / 1000).toFixed(1)} s`);
  return out;
}

/**
 * Networks, municipalities (all sharing national benchmarks), units (up to 4
 * service areas, then about one unit per 50 employees under them, codes
 * SA<n> and U<n>) and employees (employee numbers E1…E<n>, each in one unit)
 * for `plan`. Returns the municipality ids in plan order. Leaves the table
 * `bench_plan` (municipality_id, idx, employees, unit_count, rate1, rate2:
 * response rates in per mille) for the caller's next steps; the caller drops it.
 */
export async function seedPeople(db: Kysely<DB>, plan: PlannedMunicipality[], options: { networks: number; log: (m: string) => void }, steps: Steps): Promise<string[]> {
  const { log } = options;
  const municipalityIds = await step(steps, 'municipalities and networks', log, async () => {
    const networks = await db
      .insertInto('networks')
      .values(Array.from({ length: options.networks }, (_, i) => ({ name: `Benchnettverk ${i + 1}`, slug: `bench-network-${i + 1}` })))
      .returning('id')
      .execute();
    const rows = await db
      .insertInto('municipalities')
      .values(plan.map((m) => ({ country: 'NO', code: m.code, name: m.name, population: m.population, network_id: networks[m.network]!.id, share_national_benchmarks: true })))
      .returning(['id', 'code'])
      .execute();
    const byCode = new Map(rows.map((r) => [r.code, r.id]));
    const ids = plan.map((m) => byCode.get(m.code)!);
    await sql`create table bench_plan (municipality_id uuid primary key, idx int not null, employees int not null, unit_count int not null, rate1 int not null, rate2 int not null)`.execute(db);
    await sql`insert into bench_plan values ${sql.join(
      plan.map((m, i) => sql`(${ids[i]!}::uuid, ${m.index}, ${m.employees}, ${m.units}, ${Math.round(m.rates[0] * 1000)}, ${Math.round(m.rates[1] * 1000)})`),
    )}`.execute(db);
    return ids;
  });

  await step(steps, 'units', log, async () => {
    await sql`insert into units (municipality_id, parent_id, code, name, kind)
      select p.municipality_id, null, 'SA' || s, 'Tjenesteområde ' || s, 'service_area'
      from bench_plan p cross join generate_series(1, least(4, p.unit_count)) s`.execute(db);
    await sql`insert into units (municipality_id, parent_id, code, name, kind)
      select p.municipality_id, sa.id, 'U' || u, 'Enhet ' || u, 'unit'
      from bench_plan p cross join generate_series(1, p.unit_count) u
      join units sa on sa.municipality_id = p.municipality_id and sa.code = 'SA' || (1 + (u - 1) % least(4, p.unit_count))`.execute(db);
  });

  await step(steps, 'persons', log, async () => {
    await sql`insert into persons (municipality_id, employee_number, given_name, family_name, profession, position_pct, preferred_language)
      select p.municipality_id, 'E' || g, 'Ansatt', 'Nummer ' || g, ${professionCase('g', '(1 + (g - 1) % p.unit_count)', 'abs(hashint8(g * 7919 + p.idx))')},
        (array[100, 80, 75, 60, 50, 40, 20])[1 + abs(hashint8(g * 104729 + p.idx)) % 7], 'nb'
      from bench_plan p cross join generate_series(1, p.employees) g`.execute(db);
    await sql`insert into person_units (municipality_id, person_id, unit_id, is_primary)
      select pe.municipality_id, pe.id, u.id, true
      from persons pe join bench_plan p on p.municipality_id = pe.municipality_id
      join units u on u.municipality_id = pe.municipality_id and u.code = 'U' || (1 + (substr(pe.employee_number, 2)::int - 1) % p.unit_count)`.execute(db);
  });
  return municipalityIds;
}
