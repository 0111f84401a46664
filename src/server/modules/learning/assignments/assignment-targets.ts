import { sql } from 'kysely';
import type { TenantTx } from '../../../db/tenant.js';
import { LEARNING_TIME_ZONE } from './assignment-time.js';

// Keeps learning_assignment_people (migration 0013): one row per (assignment,
// person) an active assignment reaches among active people. Triggers mark a
// municipality stale whenever people, units, role profiles or assignments
// change; the first reader rebuilds it here, in the reader's transaction.
// recordLearning keeps the progress columns of a learner's rows current
// (syncLearnerTargets) between rebuilds.

/**
 * Rebuilds the municipality's rows when a change marked them stale. Deleting
 * the mark first takes its row lock, so of two readers only one rebuilds; the
 * other waits and then reads the rebuilt rows.
 */
export async function ensureAssignmentTargets(tx: TenantTx, municipalityId: string): Promise<boolean> {
  const marked = await sql<{ municipality_id: string }>`
    delete from learning_targets_stale where municipality_id = ${municipalityId} returning municipality_id`.execute(tx);
  if (marked.rows.length === 0) return false;
  await rebuildAssignmentTargets(tx, municipalityId);
  return true;
}

export async function rebuildAssignmentTargets(tx: TenantTx, municipalityId: string): Promise<void> {
  const m = municipalityId;
  const tz = sql.raw(`'${LEARNING_TIME_ZONE}'`);
  await sql`delete from learning_assignment_people where municipality_id = ${m}`.execute(tx);
  await sql`
    insert into learning_assignment_people
      (municipality_id, assignment_id, person_id, item_id, base_due, recurrence_months, progress_status, last_completed_at)
    with recursive
    a as (
      select id, item_id, target_kind, target_person_id, target_unit_id, target_profession, target_role_profile_id,
             due_date, due_days, recurrence_months, created_at
        from learning_assignments
       where municipality_id = ${m} and archived_at is null
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
    people as (
      select p.id, p.profession, p.created_at from persons p where p.municipality_id = ${m} and p.active
    ),
    person_in_subtree(person_id, root_id) as (
      select distinct pu.person_id, s.root_id
        from person_units pu join subtree s on s.unit_id = pu.unit_id
       where pu.municipality_id = ${m}
    ),
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
      -- A role profile with only a profession reaches that profession; with a
      -- unit, the people in its subtree (of its profession, when it has one
      -- too). A profile with neither names no one, as for required levels.
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
    last_done as (
      select c.person_id, c.item_id, max(c.completed_at) as completed_at
        from learning_completions c
       where c.municipality_id = ${m} and c.item_id in (select item_id from a)
       group by c.person_id, c.item_id
    )
    select ${m}::uuid, t.assignment_id, t.person_id, t.item_id,
           case when t.due_date is not null then t.due_date
                when t.due_days is not null then (greatest(t.created_at, t.person_since) at time zone ${tz})::date + t.due_days
           end,
           t.recurrence_months, lp.status, d.completed_at
      from targeted t
      left join last_done d on d.person_id = t.person_id and d.item_id = t.item_id
      left join learning_progress lp on lp.municipality_id = ${m} and lp.person_id = t.person_id and lp.item_id = t.item_id
    -- A person reached twice by one assignment (two units in its subtree) is one row.
    on conflict do nothing`.execute(tx);
}

/** After recordLearning changed a learner's progress on an item: copy it onto their assignment rows. */
export async function syncLearnerTargets(tx: TenantTx, municipalityId: string, personId: string, itemId: string): Promise<void> {
  await sql`
    update learning_assignment_people lap
       set progress_status = lp.status,
           last_completed_at = (select max(c.completed_at) from learning_completions c
                                 where c.municipality_id = lap.municipality_id and c.person_id = lap.person_id and c.item_id = lap.item_id)
      from learning_progress lp
     where lap.municipality_id = ${municipalityId} and lap.person_id = ${personId} and lap.item_id = ${itemId}
       and lp.municipality_id = lap.municipality_id and lp.person_id = lap.person_id and lp.item_id = lap.item_id`.execute(tx);
}
