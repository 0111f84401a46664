import { sql, type Kysely } from 'kysely';

// The LMS side of cmi5 (modules/cmi5).
//
// A course is a cmi5 package; a registration is one learner's (actor's)
// enrolment in it, pinned to the package version it started on, and its id is
// the xAPI context.registration of every statement about it. The actor is
// stored exactly as the launch request gave it, because the AU must send that
// very object back (actor_key is its xAPI identity key, see lrs/xapi/identity.ts).
//
// cmi5_sessions holds one row per AU launch. The fetch URL carries the
// session id and a random secret whose SHA-256 is fetch_secret_hash; the one
// POST that fetch_used_at marks hands out the auth token, whose secret is
// kept only as auth_secret_hash. The token works until the session is
// terminated, abandoned or expires. The launch data the rules need (launch
// mode, moveOn, masteryScore) is copied onto the session: it is what the LMS
// told the AU, whatever later uploads change. defined_verbs lists the cmi5
// defined verbs the AU has sent in the session (duplicates are refused).
//
// cmi5_au_states keeps per registration and AU what decides moveOn:
// completed, passed, failed (each at most once where the spec says so) and
// waived. cmi5_satisfied records each block and course for which the LMS has
// issued its "satisfied" statement, so it is issued once per registration.

export const CMI5_TENANT_TABLES = ['cmi5_registrations', 'cmi5_sessions', 'cmi5_au_states', 'cmi5_satisfied'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  const run = (q: string) => sql.raw(q).execute(db);

  await run(`create table cmi5_registrations (
    municipality_id uuid not null,
    id uuid not null,
    package_id uuid not null,
    package_version_id uuid not null,
    actor jsonb not null,
    actor_key text not null check (length(actor_key) between 1 and 2000),
    created_by uuid references users(id) on delete set null,
    created_at timestamptz not null default now(),
    primary key (municipality_id, id),
    foreign key (municipality_id, package_version_id) references package_versions(municipality_id, id) on delete cascade)`);
  // "The registration of this actor in this course" when a launch names none.
  await run(`create index cmi5_registrations_actor on cmi5_registrations (municipality_id, package_id, actor_key, created_at)`);

  await run(`create table cmi5_sessions (
    municipality_id uuid not null,
    id uuid not null,
    registration_id uuid not null,
    au_id text not null,
    au_activity_id text not null,
    launch_mode text not null check (launch_mode in ('Normal','Browse','Review')),
    launch_url text not null,
    return_url text,
    move_on text not null check (move_on in ('NotApplicable','Passed','Completed','CompletedAndPassed','CompletedOrPassed')),
    mastery_score numeric(5,4) check (mastery_score between 0 and 1),
    launch_parameters text,
    fetch_secret_hash text not null,
    fetch_used_at timestamptz,
    auth_secret_hash text,
    learner_prefs_fetched_at timestamptz,
    defined_verbs text[] not null default '{}',
    launched_at timestamptz not null default now(),
    initialized_at timestamptz,
    terminated_at timestamptz,
    abandoned_at timestamptz,
    last_statement_at timestamptz,
    expires_at timestamptz not null,
    created_by uuid references users(id) on delete set null,
    primary key (municipality_id, id),
    foreign key (municipality_id, registration_id) references cmi5_registrations(municipality_id, id) on delete cascade)`);
  // Open sessions of a registration: a new launch abandons them.
  await run(`create index cmi5_sessions_open on cmi5_sessions (municipality_id, registration_id) where terminated_at is null and abandoned_at is null`);

  await run(`create table cmi5_au_states (
    municipality_id uuid not null,
    registration_id uuid not null,
    au_id text not null,
    completed_at timestamptz,
    passed_at timestamptz,
    failed_at timestamptz,
    waived_at timestamptz,
    waive_reason text check (waive_reason in ('Tested Out','Equivalent AU','Equivalent Outside Activity','Administrative')),
    primary key (municipality_id, registration_id, au_id),
    foreign key (municipality_id, registration_id) references cmi5_registrations(municipality_id, id) on delete cascade)`);

  await run(`create table cmi5_satisfied (
    municipality_id uuid not null,
    registration_id uuid not null,
    node_id text not null,
    kind text not null check (kind in ('block','course')),
    session_id uuid not null,
    statement_id uuid not null,
    satisfied_at timestamptz not null default now(),
    primary key (municipality_id, registration_id, node_id),
    foreign key (municipality_id, registration_id) references cmi5_registrations(municipality_id, id) on delete cascade)`);

  const tenant = `municipality_id = nullif(current_setting('app.municipality_id', true), '')::uuid`;
  for (const table of CMI5_TENANT_TABLES) {
    await run(`grant select, insert, update, delete on ${table} to mestring_app`);
    await run(`alter table ${table} enable row level security`);
    await run(`create policy tenant_isolation on ${table} using (${tenant}) with check (${tenant})`);
  }
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
