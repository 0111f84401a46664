import type { Kysely } from 'kysely';
import type { DB, LearningAssignmentsTable } from '../../../db/schema.js';
import { withTenant } from '../../../db/tenant.js';
import { recordLearning } from '../records/learning-records.js';

// Items, assignments and learning history written around the API (as the
// owner), for tests and the isolation matrix: each call makes fresh objects.
// History goes through recordLearning, the one writer of progress and completions.

export async function insertItem(
  db: Kysely<DB>,
  municipalityId: string,
  o: { title?: string; status?: 'draft' | 'published' | 'archived'; competences?: { code: string; level: number | null }[]; durationMinutes?: number } = {},
): Promise<{ id: string; municipalityId: string; certificateEnabled: boolean }> {
  const { id } = await db
    .insertInto('learning_items')
    .values({
      municipality_id: municipalityId,
      kind: 'link',
      url: 'https://learning.example/course',
      status: o.status ?? 'published',
      titles: JSON.stringify({ nb: o.title ?? 'Informasjonssikkerhet', en: `${o.title ?? 'Information security'} (en)` }),
      languages: ['nb', 'en'],
      duration_minutes: o.durationMinutes ?? 20,
      // Certificates are another slice's work; these tests are about assignments.
      certificate_enabled: false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (o.competences?.length) {
    await db
      .insertInto('learning_item_competences')
      .values(o.competences.map((c) => ({ municipality_id: municipalityId, item_id: id, competence_code: c.code, level: c.level })))
      .execute();
  }
  return { id, municipalityId, certificateEnabled: false };
}

type Target =
  | { kind: 'person'; personId: string }
  | { kind: 'unit'; unitId: string }
  | { kind: 'profession'; profession: string }
  | { kind: 'role_profile'; roleProfileId: string };

export async function insertAssignment(
  db: Kysely<DB>,
  municipalityId: string,
  itemId: string,
  target: Target,
  o: { dueDate?: string | null; dueDays?: number | null; recurrenceMonths?: number | null; createdAt?: Date; archived?: boolean } = {},
): Promise<string> {
  const values: Partial<Record<keyof LearningAssignmentsTable, unknown>> = {
    municipality_id: municipalityId,
    item_id: itemId,
    item_municipality_id: municipalityId,
    target_kind: target.kind,
    target_person_id: target.kind === 'person' ? target.personId : null,
    target_unit_id: target.kind === 'unit' ? target.unitId : null,
    target_profession: target.kind === 'profession' ? target.profession : null,
    target_role_profile_id: target.kind === 'role_profile' ? target.roleProfileId : null,
    due_date: o.dueDate ?? null,
    due_days: o.dueDays ?? null,
    recurrence_months: o.recurrenceMonths ?? null,
    ...(o.createdAt ? { created_at: o.createdAt } : {}),
    archived_at: o.archived ? new Date() : null,
  };
  const { id } = await db
    .insertInto('learning_assignments')
    .values(values as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function complete(db: Kysely<DB>, municipalityId: string, personId: string, item: { id: string; municipalityId: string; certificateEnabled: boolean }, at: Date) {
  await withTenant(db, municipalityId, (tx) => recordLearning(tx, municipalityId, personId, item, { status: 'passed', at, source: 'manual', scoreScaled: 0.9, restart: true }));
}

export async function startLearning(db: Kysely<DB>, municipalityId: string, personId: string, item: { id: string; municipalityId: string; certificateEnabled: boolean }, at = new Date()) {
  await withTenant(db, municipalityId, (tx) => recordLearning(tx, municipalityId, personId, item, { status: 'in_progress', at, source: 'manual', restart: true }));
}

/** YYYY-MM-DD plus days (calendar arithmetic, no time zone). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A moment `days` days before now (noon-safe enough for whole days). */
export const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
