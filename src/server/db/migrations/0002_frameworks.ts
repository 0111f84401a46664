import { sql, type Kysely } from 'kysely';

// The framework library: competence frameworks and their immutable versions.
// Platform-level reference data (on Citus: reference tables), shared by every
// municipality; answers and role profiles point at a version and a competence
// code, so a new version never rewrites what was already answered.

export async function up(db: Kysely<any>): Promise<void> {
  const run = (q: string) => sql.raw(q).execute(db);
  await run(`create table frameworks (
    id uuid primary key default gen_random_uuid(),
    key text not null unique check (key ~ '^[a-z0-9][a-z0-9-]{1,60}$'),
    name jsonb not null,
    built_in boolean not null default false,
    created_at timestamptz not null default now())`);

  await run(`create table framework_versions (
    id uuid primary key default gen_random_uuid(),
    framework_id uuid not null references frameworks(id) on delete cascade,
    version text not null,
    name jsonb not null,
    description jsonb,
    source text,
    licence text,
    content_hash text not null,
    imported_by uuid references users(id) on delete set null,
    imported_at timestamptz not null default now(),
    unique (framework_id, version))`);

  await run(`create table framework_levels (
    version_id uuid not null references framework_versions(id) on delete cascade,
    level integer not null check (level between 1 and 20),
    name jsonb not null,
    description jsonb,
    primary key (version_id, level))`);

  await run(`create table framework_areas (
    version_id uuid not null references framework_versions(id) on delete cascade,
    code text not null,
    position integer not null,
    name jsonb not null,
    description jsonb,
    primary key (version_id, code))`);

  await run(`create table framework_competences (
    version_id uuid not null references framework_versions(id) on delete cascade,
    code text not null,
    area_code text not null,
    position integer not null,
    name jsonb not null,
    description jsonb,
    digcomp_ref text,
    level_descriptions jsonb not null default '[]',
    primary key (version_id, code),
    foreign key (version_id, area_code) references framework_areas(version_id, code))`);

  await run(`create table framework_statements (
    version_id uuid not null references framework_versions(id) on delete cascade,
    code text not null,
    competence_code text not null,
    level integer not null,
    text jsonb not null,
    primary key (version_id, code),
    foreign key (version_id, competence_code) references framework_competences(version_id, code),
    foreign key (version_id, level) references framework_levels(version_id, level))`);
  await run(`create index framework_statements_competence on framework_statements (version_id, competence_code, level)`);

  for (const table of ['frameworks', 'framework_versions', 'framework_levels', 'framework_areas', 'framework_competences', 'framework_statements']) {
    await run(`grant select, insert, update, delete on ${table} to mestring_app`);
  }
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
