import { sql, type Kysely } from 'kysely';

// E-learning packages (SCORM 1.2, SCORM 2004, cmi5).
//
// A package is identified within its municipality by its family and the key
// its manifest carries (SCORM: the manifest identifier; cmi5: the course id),
// so uploading it again makes a new version instead of a second package.
// Version numbers only grow (packages.latest_version), so a number is never
// reused for different files. The files live in package storage under
// <municipality>/<package>/<version>/; the rows say what is there.
// package_launchables lists what a learner can start (SCORM items with a
// resource, cmi5 AUs) with the xAPI activity id each one reports under.
// package_uploads is the status resource of each upload (phase, progress,
// reason of a refusal); it holds no files.
// app_secrets holds process-wide keys that every server process must share
// (the content-token HMAC key), generated on first use.

export const PACKAGE_TENANT_TABLES = ['packages', 'package_versions', 'package_launchables', 'package_uploads'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  const run = (q: string) => sql.raw(q).execute(db);

  await run(`create table app_secrets (
    name text primary key,
    secret bytea not null check (length(secret) >= 32),
    created_at timestamptz not null default now())`);

  await run(`create table packages (
    municipality_id uuid not null,
    id uuid not null default gen_random_uuid(),
    family text not null check (family in ('scorm','cmi5')),
    identifier text not null check (length(identifier) between 1 and 2000),
    title text not null,
    latest_version integer not null default 0,
    created_by uuid references users(id) on delete set null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (municipality_id, id),
    unique (municipality_id, family, identifier),
    foreign key (municipality_id) references municipalities(id) on delete cascade)`);

  await run(`create table package_versions (
    municipality_id uuid not null,
    id uuid not null default gen_random_uuid(),
    package_id uuid not null,
    version integer not null check (version > 0),
    kind text not null check (kind in ('scorm12','scorm2004_2nd','scorm2004_3rd','scorm2004_4th','cmi5')),
    title text not null,
    manifest jsonb not null,
    file_count integer not null check (file_count >= 0),
    size_bytes bigint not null check (size_bytes >= 0),
    uploaded_by uuid references users(id) on delete set null,
    uploaded_at timestamptz not null default now(),
    primary key (municipality_id, id),
    unique (municipality_id, package_id, version),
    foreign key (municipality_id, package_id) references packages(municipality_id, id) on delete cascade)`);

  await run(`create table package_launchables (
    municipality_id uuid not null,
    package_version_id uuid not null,
    position integer not null,
    identifier text not null,
    activity_id text not null,
    title text not null,
    kind text not null check (kind in ('sco','asset','au')),
    launch_url text not null,
    external boolean not null default false,
    details jsonb not null,
    primary key (municipality_id, package_version_id, position),
    unique (municipality_id, package_version_id, identifier),
    foreign key (municipality_id, package_version_id) references package_versions(municipality_id, id) on delete cascade)`);
  // The LRS and the player look launchables up by the activity id a statement names.
  await run(`create index package_launchables_activity on package_launchables (municipality_id, activity_id)`);

  await run(`create table package_uploads (
    municipality_id uuid not null,
    id uuid not null default gen_random_uuid(),
    file_name text not null,
    size_bytes bigint not null,
    phase text not null check (phase in ('received','unpacking','validating','storing','stored','rejected','failed')),
    files_done integer not null default 0,
    files_total integer not null default 0,
    phases jsonb not null default '[]',
    reason text,
    message text,
    details jsonb,
    package_id uuid,
    package_version_id uuid,
    created_by uuid references users(id) on delete set null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (municipality_id, id),
    foreign key (municipality_id) references municipalities(id) on delete cascade)`);

  const tenant = `municipality_id = nullif(current_setting('app.municipality_id', true), '')::uuid`;
  for (const table of PACKAGE_TENANT_TABLES) {
    await run(`grant select, insert, update, delete on ${table} to mestring_app`);
    await run(`alter table ${table} enable row level security`);
    await run(`create policy tenant_isolation on ${table} using (${tenant}) with check (${tenant})`);
  }
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
