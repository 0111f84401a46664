import { sql, type RawBuilder } from 'kysely';
import type { TenantTx } from '../../../db/tenant.js';
import { AppError } from '../../../http/app-error.js';

// Who must do what, by when, and whether they have: one row per (assignment,
// person) that an active assignment reaches, computed in ONE statement so that
// "my learning" (one person), the people list of one assignment and the leader
// reports (a unit subtree, an item) all share the same rules and stay fast.
// The rules are written out in README.md next to this file.
//
// Set-based on purpose: the query never loops per item or per person in
// JavaScript, and it joins completions and progress on (person, item) pairs,
// so the planner takes the per-person indexes for one learner and hash joins
// for a whole municipality.

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

/**
 * Calendar dates are taken in Norwegian time: Norway, Sweden and Denmark share
 * the zone, so a completion at 00:30 counts for the day the learner saw.
 */
export const LEARNING_TIME_ZONE = 'Europe/Oslo';

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

/** The status rows as one SQL statement (CTEs), for callers that aggregate them in SQL. */
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
    a as (
      select id, item_id, target_kind, target_person_id, target_unit_id, target_profession, target_role_profile_id,
             due_date, due_days, recurrence_months, created_at
        from learning_assignments
       where municipality_id = ${m} and archived_at is null
         and (${itemIds}::uuid[] is null or item_id = any(${itemIds}::uuid[]))
         and (${assignmentIds}::uuid[] is null or id = any(${assignmentIds}::uuid[]))
    ),
    rp as (
      select r.id, r.profession, r.unit_id
        from role_profiles r
       where r.municipality_id = ${m}
         and r.id in (select target_role_profile_id from a where target_kind = 'role_profile')
    ),
    -- Every unit below (and including) each unit an assignment or its role profile targets.
    subtree(root_id, unit_id) as (
      select u.id, u.id from units u
       where u.municipality_id = ${m}
         and u.id in (select target_unit_id from a where target_kind = 'unit' union select unit_id from rp where unit_id is not null)
      union all
      select s.root_id, c.id from subtree s join units c on c.municipality_id = ${m} and c.parent_id = s.unit_id
    ),
    scope_units(unit_id) as (
      select u.id from units u where u.municipality_id = ${m} and u.id = any(coalesce(${unitIds}::uuid[], '{}'))
      union
      select c.id from scope_units s join units c on c.municipality_id = ${m} and c.parent_id = s.unit_id
    ),
    people as (
      select p.id, p.profession, p.created_at
        from persons p
       where p.municipality_id = ${m} and p.active
         and (${personIds}::uuid[] is null or p.id = any(${personIds}::uuid[]))
         and (${unitIds}::uuid[] is null or exists (
               select 1 from person_units pu
                where pu.municipality_id = ${m} and pu.person_id = p.id and pu.unit_id in (select unit_id from scope_units)))
    ),
    person_in_subtree(person_id, root_id) as (
      select distinct pu.person_id, s.root_id
        from person_units pu join subtree s on s.unit_id = pu.unit_id
       where pu.municipality_id = ${m} and pu.person_id in (select id from people)
    ),
    -- Every branch carries what the later steps need, so no step joins people or assignments again.
    targeted as (
      select a.id as assignment_id, a.item_id, a.due_date, a.due_days, a.recurrence_months, a.created_at, p.id as person_id, p.created_at as person_since
        from a join people p on p.id = a.target_person_id
       where a.target_kind = 'person'
      union all
      select a.id, a.item_id, a.due_date, a.due_days, a.recurrence_months, a.created_at, p.id, p.created_at
        from a join person_in_subtree ps on ps.root_id = a.target_unit_id
        join people p on p.id = ps.person_id
       where a.target_kind = 'unit'
      union all
      select a.id, a.item_id, a.due_date, a.due_days, a.recurrence_months, a.created_at, p.id, p.created_at
        from a join people p on p.profession = a.target_profession
       where a.target_kind = 'profession'
      union all
      -- A role profile with only a profession reaches that profession; with a unit,
      -- the people in its subtree (of its profession, when it has one too). A
      -- profile with neither names no one, as for required levels. Plain joins,
      -- no correlated subquery: the planner hashes them for a whole municipality.
      select a.id, a.item_id, a.due_date, a.due_days, a.recurrence_months, a.created_at, p.id, p.created_at
        from a join rp on rp.id = a.target_role_profile_id
        join people p on p.profession = rp.profession
       where a.target_kind = 'role_profile' and rp.unit_id is null
      union all
      select a.id, a.item_id, a.due_date, a.due_days, a.recurrence_months, a.created_at, p.id, p.created_at
        from a join rp on rp.id = a.target_role_profile_id
        join person_in_subtree ps on ps.root_id = rp.unit_id
        join people p on p.id = ps.person_id
       where a.target_kind = 'role_profile' and (rp.profession is null or p.profession = rp.profession)
    ),
    -- Latest completion per (person, item) among the people and items in play:
    -- per-person index for one learner, hash joins for a municipality.
    last_done as (
      select c.person_id, c.item_id, max(c.completed_at) as completed_at
        from learning_completions c
       where c.municipality_id = ${m}
         and c.person_id in (select id from people)
         and c.item_id in (select item_id from a)
       group by c.person_id, c.item_id
    ),
    pairs as (
      select t.assignment_id, t.person_id, t.item_id, t.recurrence_months,
             case when t.due_date is not null then t.due_date
                  when t.due_days is not null then (greatest(t.created_at, t.person_since) at time zone ${tz})::date + t.due_days
             end as base_due
        from targeted t
    ),
    judged as (
      select pr.*, d.completed_at as last_completed_at, lp.status as progress_status,
             case when pr.recurrence_months is not null and d.completed_at is not null
                  then ((d.completed_at at time zone ${tz})::date + make_interval(months => pr.recurrence_months))::date
             end as valid_until
        from pairs pr
        left join last_done d on d.person_id = pr.person_id and d.item_id = pr.item_id
        left join learning_progress lp on lp.municipality_id = ${m} and lp.person_id = pr.person_id and lp.item_id = pr.item_id
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
  const { rows } = await sql<{ assignment_id: string; people: number; completed: number; in_progress: number; overdue: number }>`
    select s.assignment_id, count(*)::int as people,
           count(*) filter (where s.satisfied)::int as completed,
           count(*) filter (where s.in_progress)::int as in_progress,
           count(*) filter (where s.overdue)::int as overdue
      from (${assignmentStatusSql(municipalityId, scope, today)}) s
     group by s.assignment_id`.execute(tx);
  return new Map(rows.map((r) => [r.assignment_id, { people: r.people, completed: r.completed, inProgress: r.in_progress, overdue: r.overdue }]));
}
