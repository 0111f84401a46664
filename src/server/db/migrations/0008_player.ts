import { sql, type Kysely } from 'kysely';

// The SCORM player: one learner's attempts at a municipality's packages.
//
// player_attempts is a registration: one person's attempt at one package (the
// whole course, every SCO in it). Its id is the xAPI context.registration of
// every statement the player writes about it. A started attempt stays on the
// package version it began with; a new upload never changes what is half done.
// At most one attempt per person and package is open (ended_at is null).
// launch_id names the newest launch: the launch token carries it, so a tab
// left open from an older launch can no longer write (last_seq orders the
// commits of the current launch, so a retried or late commit is applied once).
// sequencing_state is SCORM 2004's course state between launches (the
// serialized activity tree when suspended, global objectives otherwise, and
// the run-time data of suspended SCOs), exactly as the player's CourseSession
// hands it over.
//
// player_sco_states keeps the run-time data (scorm-again's CMI JSON, after the
// server has checked it) and the status of each SCO of an attempt.
//
// player_statement_outbox holds xAPI statements written in the same
// transaction as the CMI they describe, until the LRS has stored them: a
// failure between the two loses nothing, the next commit sends them again.

export const PLAYER_TENANT_TABLES = ['player_attempts', 'player_sco_states', 'player_statement_outbox'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  const run = (q: string) => sql.raw(q).execute(db);

  await run(`create table player_attempts (
    municipality_id uuid not null,
    id uuid not null default gen_random_uuid(),
    person_id uuid not null,
    package_id uuid not null,
    package_version_id uuid not null,
    kind text not null check (kind in ('scorm12','scorm2004_2nd','scorm2004_3rd','scorm2004_4th')),
    completion_status text not null default 'not_attempted' check (completion_status in ('not_attempted','incomplete','completed','unknown')),
    success_status text not null default 'unknown' check (success_status in ('unknown','passed','failed')),
    score_scaled double precision check (score_scaled between -1 and 1),
    total_time_seconds double precision not null default 0 check (total_time_seconds >= 0),
    suspended boolean not null default false,
    current_item text,
    sequencing_state jsonb,
    launch_id uuid,
    last_seq integer not null default 0 check (last_seq >= 0),
    launch_count integer not null default 0,
    started_at timestamptz not null default now(),
    last_launched_at timestamptz,
    updated_at timestamptz not null default now(),
    completed_at timestamptz,
    ended_at timestamptz,
    end_reason text check (end_reason in ('finished','restarted')),
    primary key (municipality_id, id),
    foreign key (municipality_id, person_id) references persons(municipality_id, id) on delete cascade,
    foreign key (municipality_id, package_id) references packages(municipality_id, id) on delete cascade,
    foreign key (municipality_id, package_version_id) references package_versions(municipality_id, id) on delete cascade)`);
  await run(`create unique index player_attempts_one_open on player_attempts (municipality_id, person_id, package_id) where ended_at is null`);
  await run(`create index player_attempts_person on player_attempts (municipality_id, person_id, package_id, started_at desc)`);

  await run(`create table player_sco_states (
    municipality_id uuid not null,
    attempt_id uuid not null,
    item_identifier text not null,
    cmi jsonb not null,
    completion_status text not null check (completion_status in ('not_attempted','incomplete','completed','unknown')),
    success_status text not null check (success_status in ('unknown','passed','failed')),
    score_scaled double precision check (score_scaled between -1 and 1),
    score_raw double precision,
    score_min double precision,
    score_max double precision,
    total_time_seconds double precision not null default 0 check (total_time_seconds >= 0),
    last_exit text not null default '',
    sessions integer not null default 0,
    updated_at timestamptz not null default now(),
    primary key (municipality_id, attempt_id, item_identifier),
    foreign key (municipality_id, attempt_id) references player_attempts(municipality_id, id) on delete cascade)`);

  await run(`create table player_statement_outbox (
    municipality_id uuid not null,
    statement_id uuid not null,
    attempt_id uuid not null,
    position integer not null,
    statement jsonb not null,
    created_at timestamptz not null default now(),
    primary key (municipality_id, statement_id),
    foreign key (municipality_id, attempt_id) references player_attempts(municipality_id, id) on delete cascade)`);
  await run(`create index player_statement_outbox_attempt on player_statement_outbox (municipality_id, attempt_id, position)`);

  const tenant = `municipality_id = nullif(current_setting('app.municipality_id', true), '')::uuid`;
  for (const table of PLAYER_TENANT_TABLES) {
    await run(`grant select, insert, update, delete on ${table} to mestring_app`);
    await run(`alter table ${table} enable row level security`);
    await run(`create policy tenant_isolation on ${table} using (${tenant}) with check (${tenant})`);
  }
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
