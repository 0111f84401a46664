import { sql, type RawBuilder } from 'kysely';
import type { TenantTx } from '../../../db/tenant.js';
import { AppError } from '../../../http/app-error.js';
import { ensureAssignmentTargets } from './assignment-targets.js';
import { LEARNING_TIME_ZONE } from './assignment-time.js';

export { ensureAssignmentTargets, LEARNING_TIME_ZONE };

// Who must do what, by when, and whether they have: one row per (assignment,
// person) that an active assignment reaches, so that "my learning" (one
// person), the people list of one assignment, the leader reports (a unit
// subtree, an item) and the reminder sweep share the same rules. The rules are
// written out in README.md next to this file.
//
// Who is reached (and the round's base deadline, progress and latest
// completion) is kept in learning_assignment_people (assignment-targets.ts,
// migration 0013); what depends on the date (overdue, expiry of a recurring
// round) is decided here, in one statement over that table.

export type AssignmentScope = {
  /** Only these people. */
  personIds?: string[];
  /** Only people working in these units or below them (any of their units counts). */
  unitIds?: string[];
  itemIds?: string[];
  assignmentIds?: string[];
};

export type AssignmentStatusValue = 'completed' | 'in_progress' | 'not_started';

export type AssignmentStatusRow = {
  assignmentId: string;
  personId: string;
  itemId: string;
  /** The date this round is due (YYYY-MM-DD), null: no deadline. */
  dueDate: string | null;
  status: AssignmentStatusValue;
  overdue: boolean;
  /** Due today or within DUE_SOON_DAYS (a recurring assignment also while its completion is about to expire). */
  dueSoon: boolean;
  lastCompletedAt: Date | null;
  /** Last day the latest completion counts, for recurring assignments with a completion. */
  validUntil: string | null;
  recurrenceMonths: number | null;
};

/** "Due soon" on screens; reminders use their own, shorter lead (reminders.sweep.ts). */
export const DUE_SOON_DAYS = 14;


const DATE = /^\d{4}-\d{2}-\d{2}$/;

export type AssignmentStatusSqlRow = {
  assignment_id: string;
  person_id: string;
  item_id: string;
  due_date: string | null;
  satisfied: boolean;
  in_progress: boolean;
  overdue: boolean;
  due_soon: boolean;
  last_completed_at: Date | null;
  valid_until: string | null;
  recurrence_months: number | null;
};

const list = (ids: string[] | undefined) => (ids === undefined ? null : ids);

/**
 * The status rows as one SQL statement, for callers that aggregate them in SQL.
 * It reads learning_assignment_people: call `ensureAssignmentTargets(tx, m)`
 * first in the same transaction (assignmentStatuses and assignmentStatusCounts
 * do), so a change to people or assignments is reflected.
 */
export function assignmentStatusSql(municipalityId: string, scope: AssignmentScope, today: string): RawBuilder<AssignmentStatusSqlRow> {
  if (!DATE.test(today)) throw new AppError('INTERNAL', `assignmentStatuses: today must be YYYY-MM-DD, got ${today}`);
  const m = municipalityId;
  const personIds = list(scope.personIds);
  const unitIds = list(scope.unitIds);
  const itemIds = list(scope.itemIds);
  const assignmentIds = list(scope.assignmentIds);
  const tz = sql.raw(`'${LEARNING_TIME_ZONE}'`);

  return sql<AssignmentStatusSqlRow>`
    with recursive
    scope_units(unit_id) as (
      select u.id from units u where u.municipality_id = ${m} and u.id = any(coalesce(${unitIds}::uuid[], '{}'))
      union
      select c.id from scope_units s join units c on c.municipality_id = ${m} and c.parent_id = s.unit_id
    ),
    judged as (
      select lap.assignment_id, lap.person_id, lap.item_id, lap.base_due, lap.recurrence_months,
             lap.progress_status, lap.last_completed_at,
             case when lap.recurrence_months is not null and lap.last_completed_at is not null
                  then ((lap.last_completed_at at time zone ${tz})::date + make_interval(months => lap.recurrence_months))::date
             end as valid_until
        from learning_assignment_people lap
       where lap.municipality_id = ${m}
         and (${personIds}::uuid[] is null or lap.person_id = any(${personIds}::uuid[]))
         and (${itemIds}::uuid[] is null or lap.item_id = any(${itemIds}::uuid[]))
         and (${assignmentIds}::uuid[] is null or lap.assignment_id = any(${assignmentIds}::uuid[]))
         and (${unitIds}::uuid[] is null or exists (
               select 1 from person_units pu
                where pu.municipality_id = ${m} and pu.person_id = lap.person_id and pu.unit_id in (select unit_id from scope_units)))
    ),
    decided as (
      select j.*,
             j.last_completed_at is not null and (j.valid_until is null or j.valid_until >= ${today}::date) as satisfied,
             case when j.valid_until is not null then greatest(j.base_due, j.valid_until) else j.base_due end as due
        from judged j
    )
    select assignment_id, person_id, item_id, due as due_date, satisfied,
           not satisfied and progress_status in ('in_progress', 'failed') as in_progress,
           not satisfied and due is not null and due < ${today}::date as overdue,
           due is not null and due >= ${today}::date and due <= ${today}::date + ${DUE_SOON_DAYS}::int
             and (not satisfied or valid_until is not null) as due_soon,
           last_completed_at, valid_until, recurrence_months
      from decided`;
}

export async function assignmentStatuses(tx: TenantTx, municipalityId: string, scope: AssignmentScope, today: string): Promise<AssignmentStatusRow[]> {
  await ensureAssignmentTargets(tx, municipalityId);
  const { rows } = await assignmentStatusSql(municipalityId, scope, today).execute(tx);
  return rows.map((r) => ({
    assignmentId: r.assignment_id,
    personId: r.person_id,
    itemId: r.item_id,
    dueDate: r.due_date,
    status: r.satisfied ? 'completed' : r.in_progress ? 'in_progress' : 'not_started',
    overdue: r.overdue,
    dueSoon: r.due_soon,
    lastCompletedAt: r.last_completed_at,
    validUntil: r.valid_until,
    recurrenceMonths: r.recurrence_months,
  }));
}

/** Today's date (YYYY-MM-DD) in the learning time zone. */
export function todayInLearningZone(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: LEARNING_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export type AssignmentCounts = { people: number; completed: number; inProgress: number; overdue: number };

/** Per assignment: how many people it reaches in the scope, and how many are done, under way or late (one statement). */
export async function assignmentStatusCounts(tx: TenantTx, municipalityId: string, scope: AssignmentScope, today: string): Promise<Map<string, AssignmentCounts>> {
  await ensureAssignmentTargets(tx, municipalityId);
  const { rows } = await sql<{ assignment_id: string; people: number; completed: number; in_progress: number; overdue: number }>`
    select s.assignment_id, count(*)::int as people,
           count(*) filter (where s.satisfied)::int as completed,
           count(*) filter (where s.in_progress)::int as in_progress,
           count(*) filter (where s.overdue)::int as overdue
      from (${assignmentStatusSql(municipalityId, scope, today)}) s
     group by s.assignment_id`.execute(tx);
  return new Map(rows.map((r) => [r.assignment_id, { people: r.people, completed: r.completed, inProgress: r.in_progress, overdue: r.overdue }]));
}
