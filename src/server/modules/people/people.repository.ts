import { sql } from 'kysely';
import type { TenantTx } from '../../db/tenant.js';

export type PeopleFilter = {
  q?: string;
  unitIds?: string[];
  profession?: string;
  active: 'true' | 'false' | 'all';
  page: number;
  pageSize: number;
};

const personColumns = [
  'persons.id',
  'persons.municipality_id',
  'persons.employee_number',
  'persons.given_name',
  'persons.family_name',
  'persons.email',
  'persons.phone',
  'persons.profession',
  'persons.position_pct',
  'persons.preferred_language',
  'persons.active',
  'persons.user_id',
] as const;

export type PersonRow = Awaited<ReturnType<typeof findPerson>> & object;

function withUnits(tx: TenantTx, municipalityId: string) {
  return tx
    .selectFrom('persons')
    .select(personColumns)
    .select((eb) => [
      eb
        .selectFrom('person_units')
        .select(sql<string[]>`coalesce(array_agg(unit_id order by is_primary desc, unit_id), '{}')`.as('ids'))
        .where('person_units.municipality_id', '=', municipalityId)
        .whereRef('person_units.person_id', '=', 'persons.id')
        .as('unit_ids'),
      eb
        .selectFrom('person_units')
        .select('unit_id')
        .where('person_units.municipality_id', '=', municipalityId)
        .whereRef('person_units.person_id', '=', 'persons.id')
        .where('is_primary', '=', true)
        .limit(1)
        .as('primary_unit_id'),
    ])
    .where('persons.municipality_id', '=', municipalityId);
}

export async function listPeople(tx: TenantTx, municipalityId: string, f: PeopleFilter) {
  let q = withUnits(tx, municipalityId);
  if (f.active !== 'all') q = q.where('persons.active', '=', f.active === 'true');
  if (f.profession) q = q.where('persons.profession', '=', f.profession);
  if (f.unitIds) {
    const ids = f.unitIds.length > 0 ? f.unitIds : ['00000000-0000-0000-0000-000000000000'];
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('person_units as pu')
          .select('pu.person_id')
          .where('pu.municipality_id', '=', municipalityId)
          .whereRef('pu.person_id', '=', 'persons.id')
          .where('pu.unit_id', 'in', ids),
      ),
    );
  }
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`).toLowerCase()}%`;
    q = q.where((eb) =>
      eb.or([
        eb(sql`lower(persons.given_name || ' ' || persons.family_name)`, 'like', like),
        eb(sql`lower(coalesce(persons.email, ''))`, 'like', like),
        eb(sql`lower(persons.employee_number)`, 'like', like),
      ]),
    );
  }
  const [items, total] = await Promise.all([
    q
      .orderBy('persons.family_name')
      .orderBy('persons.given_name')
      .orderBy('persons.id')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export function findPerson(tx: TenantTx, municipalityId: string, personId: string) {
  return withUnits(tx, municipalityId).where('persons.id', '=', personId).executeTakeFirst();
}

export async function setPersonUnits(tx: TenantTx, municipalityId: string, personId: string, unitIds: string[], primaryUnitId: string | null) {
  await tx.deleteFrom('person_units').where('municipality_id', '=', municipalityId).where('person_id', '=', personId).execute();
  if (unitIds.length === 0) return;
  const primary = primaryUnitId && unitIds.includes(primaryUnitId) ? primaryUnitId : unitIds[0];
  await tx
    .insertInto('person_units')
    .values(unitIds.map((unitId) => ({ municipality_id: municipalityId, person_id: personId, unit_id: unitId, is_primary: unitId === primary })))
    .execute();
}

export async function existingUnitIds(tx: TenantTx, municipalityId: string, unitIds: string[]): Promise<Set<string>> {
  if (unitIds.length === 0) return new Set();
  const rows = await tx.selectFrom('units').select('id').where('municipality_id', '=', municipalityId).where('id', 'in', unitIds).execute();
  return new Set(rows.map((r) => r.id));
}
