import { sql, type Kysely } from 'kysely';

// What a learner carries from one SCORM 2004 course to another.
//
// Global shared objectives are global to the system for a learner unless the
// organization says otherwise (adlseq:objectivesGlobalToSystem, default true;
// CAM 4th ed. 3.4.1.1, SN 4th ed. 3.10.3): a course that maps the target
// objective id another course wrote reads what that course left. Shared data
// stores (adl.data, adlcp:sharedDataGlobalToSystem, default true) likewise.
// player_attempts.sequencing_state holds them per attempt; these tables hold
// the learner's current value of each, whichever course wrote it last.
//
// player_global_objectives.state is one entry of scorm-again's serialized
// global objective map (its `globalObjectiveMap[objective_id]`), kept as the
// player got it. player_shared_data.store is one shared data store (a
// string, `sharedData[target_id]` of the same serialization).

export const PLAYER_GLOBAL_TENANT_TABLES = ['player_global_objectives', 'player_shared_data'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  const run = (q: string) => sql.raw(q).execute(db);

  await run(`create table player_global_objectives (
    municipality_id uuid not null,
    person_id uuid not null,
    objective_id text not null check (length(objective_id) between 1 and 4000),
    state jsonb not null check (jsonb_typeof(state) = 'object'),
    updated_at timestamptz not null default now(),
    primary key (municipality_id, person_id, objective_id),
    foreign key (municipality_id, person_id) references persons(municipality_id, id) on delete cascade)`);

  await run(`create table player_shared_data (
    municipality_id uuid not null,
    person_id uuid not null,
    target_id text not null check (length(target_id) between 1 and 4000),
    store text not null,
    updated_at timestamptz not null default now(),
    primary key (municipality_id, person_id, target_id),
    foreign key (municipality_id, person_id) references persons(municipality_id, id) on delete cascade)`);

  const tenant = `municipality_id = nullif(current_setting('app.municipality_id', true), '')::uuid`;
  for (const table of PLAYER_GLOBAL_TENANT_TABLES) {
    await run(`grant select, insert, update, delete on ${table} to mestring_app`);
    await run(`alter table ${table} enable row level security`);
    await run(`create policy tenant_isolation on ${table} using (${tenant}) with check (${tenant})`);
  }
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
