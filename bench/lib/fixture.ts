import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { emailLocalPart, namePoolFor } from '../../seeds/demo/demo-names.js';
import { seededRandom } from '../../seeds/demo/demo-random.js';
import type { DB } from '../../src/server/db/schema.js';
import { withTenant } from '../../src/server/db/tenant.js';
import { SESSION_COOKIE } from '../../src/server/http/auth-hooks.js';
import { hashPassword } from '../../src/server/modules/auth/password.js';
import { createSession } from '../../src/server/modules/auth/session.repository.js';
import type { Language, Profession } from '../../src/shared/domain.js';

export type BenchFixture = {
  municipalityId: string;
  userId: string;
  /** `mestring_session=<token>`, ready for a Cookie header. */
  cookie: string;
  units: number;
  employees: number;
};

const SERVICE_AREAS = [
  { name: 'Hjemmetjenesten', units: ['sone Nord', 'sone Sør', 'sone Øst', 'sone Vest', 'sone Sentrum', 'natt', 'psykisk helse', 'rus og avhengighet', 'hverdagsrehabilitering'] },
  { name: 'Sykehjemmene', units: ['Fjordly avd. 1', 'Fjordly avd. 2', 'Fjordly skjermet', 'Solbakken avd. 1', 'Solbakken avd. 2', 'Solbakken korttid', 'Lindheim avd. 1', 'Lindheim avd. 2', 'Lindheim lindrende'] },
  { name: 'Tjenester for funksjonshemmede', units: ['Bofellesskap Bjørkeveien', 'Bofellesskap Lia', 'Bofellesskap Strandgata', 'Avlastning barn', 'Avlastning voksne', 'Ambulerende team', 'Arbeidssenteret', 'BPA-koordinering', 'Miljøtjenesten'] },
  { name: 'Rehabilitering og dagtilbud', units: ['Fysio- og ergoterapi', 'Dagsenter Havly', 'Dagsenter Tunet', 'Demensteam', 'Kreftkoordinator', 'Frisklivssentralen', 'Innsatsteam', 'Hjelpemiddellager', 'Tildelingskontoret'] },
] as const;

const PROFESSION_WEIGHTS: readonly (readonly [Profession, number])[] = [
  ['health_care_worker', 34],
  ['nurse', 22],
  ['assistant', 18],
  ['social_educator', 8],
  ['specialist_nurse', 6],
  ['leader', 3],
  ['other', 3],
  ['physiotherapist', 2],
  ['occupational_therapist', 2],
  ['doctor', 1],
];
const LANGUAGE_WEIGHTS: readonly (readonly [Language, number])[] = [
  ['nb', 87],
  ['nn', 6],
  ['sv', 3],
  ['da', 2],
  ['en', 2],
];
const POSITION_WEIGHTS: readonly (readonly [number, number])[] = [
  [100, 40],
  [80, 15],
  [75, 10],
  [60, 10],
  [50, 10],
  [40, 5],
  [20, 10],
];

const CHUNK = 500;

/**
 * One large municipality (40 units: 4 service areas with 9 units each) and
 * `employees` staff, each in one unit, bulk-inserted in chunks of 500 rows.
 * Deterministic (seeded) apart from ids. Then a municipal admin with a live
 * session, whose cookie the load generator sends.
 */
export async function seedBenchFixture(db: Kysely<DB>, options: { employees: number; sessionTtlMs: number }): Promise<BenchFixture> {
  const rnd = seededRandom(20260501);
  const municipality = await db
    .insertInto('municipalities')
    .values({ country: 'NO', code: '4699', name: 'Benchvik kommune', population: 64_000 })
    .returning('id')
    .executeTakeFirstOrThrow();
  const mid = municipality.id;

  const units: { municipality_id: string; id: string; parent_id: string | null; code: string; name: string; kind: string }[] = [];
  const leafIds: string[] = [];
  SERVICE_AREAS.forEach((area, a) => {
    const areaId = randomUUID();
    units.push({ municipality_id: mid, id: areaId, parent_id: null, code: `TO${a + 1}`, name: area.name, kind: 'service_area' });
    area.units.forEach((unitName, u) => {
      const id = randomUUID();
      leafIds.push(id);
      units.push({ municipality_id: mid, id, parent_id: areaId, code: `TO${a + 1}-${String(u + 1).padStart(2, '0')}`, name: `${area.name}, ${unitName}`, kind: 'unit' });
    });
  });

  const persons: PersonRow[] = [];
  const memberships: { municipality_id: string; person_id: string; unit_id: string; is_primary: boolean }[] = [];
  for (let i = 0; i < options.employees; i++) {
    const language = rnd.weighted(LANGUAGE_WEIGHTS);
    const pool = namePoolFor(language, rnd.next() < 0.15);
    const given = rnd.pick(pool.given);
    const family = rnd.pick(pool.family);
    const employeeNumber = String(100_000 + i);
    const id = randomUUID();
    persons.push({
      municipality_id: mid,
      id,
      employee_number: employeeNumber,
      given_name: given,
      family_name: family,
      email: rnd.next() < 0.95 ? `${emailLocalPart(given)}.${emailLocalPart(family)}.${employeeNumber}@benchvik.kommune.no` : null,
      phone: rnd.next() < 0.9 ? `+47 9${rnd.int(10, 99)} ${rnd.int(10, 99)} ${rnd.int(100, 999)}` : null,
      profession: rnd.weighted(PROFESSION_WEIGHTS),
      position_pct: rnd.weighted(POSITION_WEIGHTS),
      preferred_language: language,
    });
    memberships.push({ municipality_id: mid, person_id: id, unit_id: leafIds[i % leafIds.length]!, is_primary: true });
  }

  // Tenant rows go through withTenant, as the app writes them, so that this
  // works whether or not the connecting role bypasses row-level security.
  await withTenant(db, mid, async (tx) => {
    await tx.insertInto('units').values(units.filter((u) => u.parent_id === null)).execute();
    await tx.insertInto('units').values(units.filter((u) => u.parent_id !== null)).execute();
    await insertPersons(tx, persons);
    for (let i = 0; i < memberships.length; i += CHUNK) {
      await tx.insertInto('person_units').values(memberships.slice(i, i + CHUNK)).execute();
    }
  });

  const user = await db
    .insertInto('users')
    .values({ email: 'admin@benchvik.kommune.no', display_name: 'Bench Admin', password_hash: await hashPassword('Benchvik-admin-2026!'), preferred_language: 'nb' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('role_grants').values({ user_id: user.id, role: 'municipal_admin', scope_type: 'municipality', municipality_id: mid }).execute();
  const { token } = await createSession(db, user.id, options.sessionTtlMs, { ip: '127.0.0.1', userAgent: 'mestring-bench' });
  return { municipalityId: mid, userId: user.id, cookie: `${SESSION_COOKIE}=${token}`, units: units.length, employees: persons.length };
}

type PersonRow = {
  municipality_id: string;
  id: string;
  employee_number: string;
  given_name: string;
  family_name: string;
  email: string | null;
  phone: string | null;
  profession: Profession;
  position_pct: number;
  preferred_language: Language;
};

async function insertPersons(tx: Kysely<DB>, rows: PersonRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await tx.insertInto('persons').values(rows.slice(i, i + CHUNK)).execute();
}
