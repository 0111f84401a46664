import { sql } from 'kysely';
import type { TenantTx } from '../../../db/tenant.js';

/** A text in the reader's language, else in the first language that has one. */
export function pickText(texts: Record<string, string> | null | undefined, language: string, order: readonly string[] = []): string {
  if (!texts) return '';
  return texts[language] ?? order.map((l) => texts[l]).find((x) => x !== undefined) ?? Object.values(texts)[0] ?? '';
}

export function findItem(tx: TenantTx, municipalityId: string, itemId: string) {
  return tx
    .selectFrom('learning_items')
    .select(['id', 'municipality_id', 'kind', 'status', 'titles', 'languages', 'duration_minutes'])
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', itemId)
    .executeTakeFirst();
}

/** The units and every unit below them. */
export async function subtreeUnitIds(tx: TenantTx, municipalityId: string, unitIds: string[]): Promise<string[]> {
  if (unitIds.length === 0) return [];
  const { rows } = await sql<{ id: string }>`
    with recursive tree(id) as (
      select id from units where municipality_id = ${municipalityId} and id = any(${unitIds}::uuid[])
      union
      select c.id from tree t join units c on c.municipality_id = ${municipalityId} and c.parent_id = t.id
    ) select id from tree`.execute(tx);
  return rows.map((r) => r.id);
}

export async function personWorksIn(tx: TenantTx, municipalityId: string, personId: string, unitIds: string[]): Promise<boolean> {
  if (unitIds.length === 0) return false;
  const row = await tx
    .selectFrom('person_units')
    .select('person_id')
    .where('municipality_id', '=', municipalityId)
    .where('person_id', '=', personId)
    .where('unit_id', 'in', unitIds)
    .executeTakeFirst();
  return row !== undefined;
}

/** Which of these people work in one of the units. */
export async function peopleWorkingIn(tx: TenantTx, municipalityId: string, personIds: string[], unitIds: string[]): Promise<Set<string>> {
  if (personIds.length === 0 || unitIds.length === 0) return new Set();
  const rows = await tx
    .selectFrom('person_units')
    .select('person_id')
    .distinct()
    .where('municipality_id', '=', municipalityId)
    .where(sql<boolean>`person_id = any(${personIds}::uuid[]) and unit_id = any(${unitIds}::uuid[])`)
    .execute();
  return new Set(rows.map((r) => r.person_id));
}

export async function targetExists(tx: TenantTx, municipalityId: string, kind: 'person' | 'unit' | 'role_profile', id: string): Promise<boolean> {
  const table = kind === 'person' ? 'persons' : kind === 'unit' ? 'units' : 'role_profiles';
  const row = await tx.selectFrom(table).select('id').where('municipality_id', '=', municipalityId).where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}

export function listAssignments(tx: TenantTx, municipalityId: string, filter: { ids?: string[]; itemId?: string; includeArchived?: boolean }) {
  let q = tx
    .selectFrom('learning_assignments as a')
    .innerJoin('learning_items as i', (j) => j.onRef('i.municipality_id', '=', 'a.item_municipality_id').onRef('i.id', '=', 'a.item_id'))
    .leftJoin('persons as p', (j) => j.onRef('p.municipality_id', '=', 'a.municipality_id').onRef('p.id', '=', 'a.target_person_id'))
    .leftJoin('units as u', (j) => j.onRef('u.municipality_id', '=', 'a.municipality_id').onRef('u.id', '=', 'a.target_unit_id'))
    .leftJoin('role_profiles as r', (j) => j.onRef('r.municipality_id', '=', 'a.municipality_id').onRef('r.id', '=', 'a.target_role_profile_id'))
    .select([
      'a.id',
      'a.municipality_id',
      'a.item_id',
      'a.target_kind',
      'a.target_person_id',
      'a.target_unit_id',
      'a.target_profession',
      'a.target_role_profile_id',
      'a.due_date',
      'a.due_days',
      'a.recurrence_months',
      'a.note',
      'a.created_at',
      'a.archived_at',
      'i.kind as item_kind',
      'i.status as item_status',
      'i.titles as item_titles',
      'i.languages as item_languages',
      'i.duration_minutes as item_duration_minutes',
      'p.given_name',
      'p.family_name',
      'u.name as unit_name',
      'r.name as role_profile_name',
    ])
    .where('a.municipality_id', '=', municipalityId);
  if (filter.ids) q = filter.ids.length ? q.where('a.id', 'in', filter.ids) : q.where(sql<boolean>`false`);
  if (filter.itemId) q = q.where('a.item_id', '=', filter.itemId);
  if (!filter.includeArchived) q = q.where('a.archived_at', 'is', null);
  return q.orderBy('a.created_at', 'desc').orderBy('a.id').execute();
}
export type AssignmentRow = Awaited<ReturnType<typeof listAssignments>>[number];

/** Name and primary unit of people, for the people list of an assignment. */
export function peopleNames(tx: TenantTx, municipalityId: string, personIds: string[]) {
  if (personIds.length === 0) return Promise.resolve([]);
  return tx
    .selectFrom('persons as p')
    .leftJoin('person_units as pu', (j) => j.onRef('pu.municipality_id', '=', 'p.municipality_id').onRef('pu.person_id', '=', 'p.id').on('pu.is_primary', '=', true))
    .leftJoin('units as u', (j) => j.onRef('u.municipality_id', '=', 'pu.municipality_id').onRef('u.id', '=', 'pu.unit_id'))
    .select(['p.id', 'p.given_name', 'p.family_name', 'u.name as unit_name'])
    .where('p.municipality_id', '=', municipalityId)
    .where(sql<boolean>`p.id = any(${personIds}::uuid[])`)
    .execute();
}
