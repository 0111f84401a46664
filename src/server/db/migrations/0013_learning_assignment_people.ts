import { sql, type Kysely } from 'kysely';
import { enableTenantRls } from './tenant-rls.js';

// Who each assignment reaches, kept as rows, so that "my learning", the people
// list of an assignment, the leader dashboard and the reminder sweep read one
// indexed table instead of expanding unit subtrees, professions and role
// profiles and finding the latest completion of every (person, item) pair on
// every request (the learning benchmark measured that at ~150 ms for a
// 5,000-employee municipality; the target is 50 ms).
//
// learning_assignment_people holds one row per (assignment, person) an active
// assignment reaches among active people, with the round's base deadline and,
// copied from the learner's records, the progress status and the latest
// completion. Time is not stored: overdue and expiry are decided when read.
//
// Keeping it right without touching every code path that changes people:
// - statement-level triggers on the tables that decide who is reached
//   (persons, person_units, units, role_profiles, learning_assignments) mark
//   the municipality in learning_targets_stale, in the writer's transaction;
// - the first reader after that rebuilds the municipality's rows
//   (assignments/assignment-targets.ts) and clears the mark, in its own
//   transaction, so a reader never sees rows older than the last committed
//   change;
// - recordLearning (the one door for outcomes) updates the progress status and
//   latest completion of the learner's rows in its transaction.
// learning_targets_stale has no foreign key on purpose: deleting a
// municipality cascades into persons, whose trigger would otherwise insert a
// row pointing at the municipality being deleted.

export const ASSIGNMENT_PEOPLE_TENANT_TABLES = ['learning_assignment_people', 'learning_targets_stale'] as const;

const TRIGGERED_TABLES = ['persons', 'person_units', 'units', 'role_profiles', 'learning_assignments'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  const run = (q: string) => sql.raw(q).execute(db);

  await run(`create table learning_assignment_people (
    municipality_id uuid not null,
    assignment_id uuid not null,
    person_id uuid not null,
    item_id uuid not null,
    base_due date,
    recurrence_months integer,
    progress_status text check (progress_status in ('in_progress','completed','passed','failed')),
    last_completed_at timestamptz,
    primary key (municipality_id, assignment_id, person_id),
    foreign key (municipality_id, assignment_id) references learning_assignments(municipality_id, id) on delete cascade,
    foreign key (municipality_id, person_id) references persons(municipality_id, id) on delete cascade)`);
  await run(`create index learning_assignment_people_person on learning_assignment_people (municipality_id, person_id, item_id)`);
  await run(`create index learning_assignment_people_item on learning_assignment_people (municipality_id, item_id)`);

  await run(`create table learning_targets_stale (
    municipality_id uuid primary key,
    marked_at timestamptz not null default now())`);

  await run(`create function learning_targets_stale_from_new() returns trigger language plpgsql as $$
    begin
      insert into learning_targets_stale (municipality_id) select distinct municipality_id from new_rows on conflict do nothing;
      return null;
    end $$`);
  await run(`create function learning_targets_stale_from_old() returns trigger language plpgsql as $$
    begin
      insert into learning_targets_stale (municipality_id) select distinct municipality_id from old_rows on conflict do nothing;
      return null;
    end $$`);
  await run(`create function learning_targets_stale_from_both() returns trigger language plpgsql as $$
    begin
      insert into learning_targets_stale (municipality_id)
        select municipality_id from new_rows union select municipality_id from old_rows
        on conflict do nothing;
      return null;
    end $$`);
  for (const table of TRIGGERED_TABLES) {
    await run(`create trigger ${table}_targets_insert after insert on ${table} referencing new table as new_rows for each statement execute function learning_targets_stale_from_new()`);
    await run(`create trigger ${table}_targets_update after update on ${table} referencing old table as old_rows new table as new_rows for each statement execute function learning_targets_stale_from_both()`);
    await run(`create trigger ${table}_targets_delete after delete on ${table} referencing old table as old_rows for each statement execute function learning_targets_stale_from_old()`);
  }

  // Municipalities that already have assignments are built on first read.
  await run(`insert into learning_targets_stale (municipality_id) select distinct municipality_id from learning_assignments on conflict do nothing`);

  await enableTenantRls(db, ASSIGNMENT_PEOPLE_TENANT_TABLES);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
