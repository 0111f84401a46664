import type { TenantTx } from '../../db/tenant.js';
import type { Actor } from '../audit/audit.repository.js';
import type { EmployeeRow } from './import/people-import.parse.js';

export type PlannedRow = EmployeeRow & { unitId: string; action: 'create' | 'update' | 'unchanged'; personId: string | null };

type Existing = { id: string; employee_number: string; given_name: string; family_name: string; email: string | null; phone: string | null; profession: string; position_pct: number; preferred_language: string; unit_ids: string[] };

export async function loadExistingPeople(tx: TenantTx, municipalityId: string): Promise<Map<string, Existing>> {
  const rows = await tx
    .selectFrom('persons')
    .select(['id', 'employee_number', 'given_name', 'family_name', 'email', 'phone', 'profession', 'position_pct', 'preferred_language'])
    .select((eb) =>
      eb
        .selectFrom('person_units')
        .select((e2) => e2.fn.agg<string[]>('array_agg', ['unit_id']).as('ids'))
        .where('person_units.municipality_id', '=', municipalityId)
        .whereRef('person_units.person_id', '=', 'persons.id')
        .as('unit_ids'),
    )
    .where('municipality_id', '=', municipalityId)
    .execute();
  return new Map(rows.map((r) => [r.employee_number, { ...r, position_pct: Number(r.position_pct), unit_ids: r.unit_ids ?? [] }]));
}

/** Decides per row whether the import creates, updates or leaves an employee as is. */
export function planRows(rows: EmployeeRow[], existing: Map<string, Existing>): PlannedRow[] {
  return rows.map((row) => {
    const current = existing.get(row.employeeNumber);
    if (!current) return { ...row, unitId: row.unitId!, action: 'create', personId: null };
    const same =
      current.given_name === row.givenName &&
      current.family_name === row.familyName &&
      (current.email ?? null) === (row.email ?? null) &&
      (row.phone === null || current.phone === row.phone) &&
      current.profession === row.profession &&
      Number(current.position_pct) === row.positionPct &&
      (row.preferredLanguage === null || current.preferred_language === row.preferredLanguage) &&
      current.unit_ids.includes(row.unitId!);
    return { ...row, unitId: row.unitId!, action: same ? 'unchanged' : 'update', personId: current.id };
  });
}

const CHUNK = 250;

/**
 * Applies a planned import inside the caller's transaction: all rows or none.
 * Each changed employee gets its own audit event, like a change by hand.
 */
export async function applyPlannedRows(
  tx: TenantTx,
  municipalityId: string,
  actor: Actor,
  rows: PlannedRow[],
  defaultLanguage: string,
  onProgress: (done: number) => void,
): Promise<void> {
  const existing = await loadExistingPeople(tx, municipalityId);
  let done = 0;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const audits: { action: string; entity_id: string; before: string | null; after: string }[] = [];
    for (const row of chunk) {
      const values = {
        given_name: row.givenName,
        family_name: row.familyName,
        email: row.email,
        profession: row.profession,
        position_pct: row.positionPct,
        ...(row.phone !== null ? { phone: row.phone } : {}),
        ...(row.preferredLanguage !== null ? { preferred_language: row.preferredLanguage } : {}),
      };
      const current = existing.get(row.employeeNumber);
      if (!current) {
        const { id } = await tx
          .insertInto('persons')
          .values({ municipality_id: municipalityId, employee_number: row.employeeNumber, preferred_language: defaultLanguage, ...values })
          .returning('id')
          .executeTakeFirstOrThrow();
        await tx.insertInto('person_units').values({ municipality_id: municipalityId, person_id: id, unit_id: row.unitId, is_primary: true }).execute();
        audits.push({ action: 'person.create', entity_id: id, before: null, after: JSON.stringify({ employeeNumber: row.employeeNumber, ...values, unitIds: [row.unitId] }) });
      } else if (row.action !== 'unchanged') {
        await tx.updateTable('persons').set({ ...values, active: true, updated_at: new Date() }).where('municipality_id', '=', municipalityId).where('id', '=', current.id).execute();
        if (!current.unit_ids.includes(row.unitId)) {
          // The HR file names the employee's main unit; extra units set by hand stay.
          await tx.updateTable('person_units').set({ is_primary: false }).where('municipality_id', '=', municipalityId).where('person_id', '=', current.id).execute();
          await tx.insertInto('person_units').values({ municipality_id: municipalityId, person_id: current.id, unit_id: row.unitId, is_primary: true }).execute();
        }
        audits.push({ action: 'person.update', entity_id: current.id, before: JSON.stringify(current), after: JSON.stringify({ ...values, unitId: row.unitId }) });
      }
    }
    if (audits.length > 0) {
      await tx
        .insertInto('audit_events')
        .values(audits.map((a) => ({ municipality_id: municipalityId, actor_user_id: actor.userId, actor_label: actor.label, request_id: actor.requestId ?? null, entity_type: 'person', ...a })))
        .execute();
    }
    done += chunk.length;
    onProgress(done);
  }
}
