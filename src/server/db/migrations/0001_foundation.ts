import { sql, type Kysely } from 'kysely';

// Foundation schema: tenancy (networks, municipalities, units), people, identity,
// access, audit and imports. Tenant-owned tables carry municipality_id first in
// their primary key so that Citus can distribute them by tenant; identity and
// access tables are global (small, looked up before a tenant is known) and would
// be Citus reference tables.

const LANGS = `('nb','nn','sv','da','en')`;
const PROFESSIONS = `('nurse','specialist_nurse','health_care_worker','social_educator','assistant','physiotherapist','occupational_therapist','doctor','leader','other')`;
const ROLES = `('employee','leader','ombud','competence_advisor','municipal_admin','network_coordinator','analyst','platform_admin')`;

export const TENANT_TABLES = ['units', 'persons', 'person_units', 'audit_events', 'people_imports'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  const run = (q: string) => sql.raw(q).execute(db);

  await run(`create table networks (
    id uuid primary key default gen_random_uuid(),
    name text not null check (length(trim(name)) > 0),
    slug text not null unique,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now())`);

  await run(`create table municipalities (
    id uuid primary key default gen_random_uuid(),
    network_id uuid references networks(id),
    country text not null check (country in ('NO','SE','DK')),
    code text not null check (code ~ '^[0-9]{3,4}$'),
    name text not null check (length(trim(name)) > 0),
    population integer not null check (population >= 0),
    size_class text not null generated always as (
      case when population < 5000 then 'small' when population <= 20000 then 'medium' else 'large' end) stored,
    default_language text not null default 'nb' check (default_language in ${LANGS}),
    anonymity_threshold integer not null default 5 check (anonymity_threshold >= 3),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    unique (country, code))`);
  await run(`create index municipalities_network on municipalities (network_id)`);

  await run(`create table units (
    municipality_id uuid not null references municipalities(id) on delete cascade,
    id uuid not null default gen_random_uuid(),
    parent_id uuid,
    code text,
    name text not null check (length(trim(name)) > 0),
    kind text not null check (kind in ('service_area','unit','team')),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (municipality_id, id),
    foreign key (municipality_id, parent_id) references units(municipality_id, id),
    unique (municipality_id, code))`);
  await run(`create index units_parent on units (municipality_id, parent_id)`);

  await run(`create table users (
    id uuid primary key default gen_random_uuid(),
    email text not null,
    display_name text not null,
    password_hash text,
    preferred_language text not null default 'nb' check (preferred_language in ${LANGS}),
    failed_login_count integer not null default 0,
    locked_until timestamptz,
    disabled boolean not null default false,
    last_login_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now())`);
  await run(`create unique index users_email on users (lower(email))`);

  // External identities (ID-porten, Entra ID) attach here when OIDC is added.
  await run(`create table user_identities (
    provider text not null,
    subject text not null,
    user_id uuid not null references users(id) on delete cascade,
    created_at timestamptz not null default now(),
    primary key (provider, subject))`);

  await run(`create table persons (
    municipality_id uuid not null references municipalities(id) on delete cascade,
    id uuid not null default gen_random_uuid(),
    employee_number text not null check (length(trim(employee_number)) > 0),
    given_name text not null check (length(trim(given_name)) > 0),
    family_name text not null check (length(trim(family_name)) > 0),
    email text,
    phone text,
    profession text not null check (profession in ${PROFESSIONS}),
    position_pct numeric(5,2) not null check (position_pct > 0 and position_pct <= 100),
    preferred_language text not null default 'nb' check (preferred_language in ${LANGS}),
    user_id uuid references users(id) on delete set null,
    active boolean not null default true,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (municipality_id, id),
    unique (municipality_id, employee_number))`);
  await run(`create unique index persons_email on persons (municipality_id, lower(email)) where email is not null`);
  await run(`create unique index persons_user on persons (municipality_id, user_id) where user_id is not null`);
  await run(`create index persons_user_lookup on persons (user_id) where user_id is not null`);
  await run(`create index persons_name on persons (municipality_id, family_name, given_name, id)`);

  await run(`create table person_units (
    municipality_id uuid not null,
    person_id uuid not null,
    unit_id uuid not null,
    is_primary boolean not null default false,
    primary key (municipality_id, person_id, unit_id),
    foreign key (municipality_id, person_id) references persons(municipality_id, id) on delete cascade,
    foreign key (municipality_id, unit_id) references units(municipality_id, id))`);
  await run(`create index person_units_unit on person_units (municipality_id, unit_id)`);

  await run(`create table sessions (
    id text primary key,
    user_id uuid not null references users(id) on delete cascade,
    csrf_token text not null,
    created_at timestamptz not null default now(),
    last_seen_at timestamptz not null default now(),
    expires_at timestamptz not null,
    ip text,
    user_agent text)`);
  await run(`create index sessions_user on sessions (user_id)`);

  await run(`create table password_reset_tokens (
    token_hash text primary key,
    user_id uuid not null references users(id) on delete cascade,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null,
    used_at timestamptz)`);

  await run(`create table role_grants (
    id uuid primary key default gen_random_uuid(),
    user_id uuid not null references users(id) on delete cascade,
    role text not null check (role in ${ROLES}),
    scope_type text not null check (scope_type in ('platform','network','municipality','unit')),
    network_id uuid references networks(id) on delete cascade,
    municipality_id uuid references municipalities(id) on delete cascade,
    unit_id uuid,
    created_at timestamptz not null default now(),
    created_by uuid references users(id) on delete set null,
    check ((scope_type = 'platform' and network_id is null and municipality_id is null and unit_id is null)
        or (scope_type = 'network' and network_id is not null and municipality_id is null and unit_id is null)
        or (scope_type = 'municipality' and municipality_id is not null and network_id is null and unit_id is null)
        or (scope_type = 'unit' and municipality_id is not null and unit_id is not null and network_id is null)),
    foreign key (municipality_id, unit_id) references units(municipality_id, id) on delete cascade)`);
  await run(`create unique index role_grants_unique on role_grants (user_id, role, scope_type,
    coalesce(network_id, '00000000-0000-0000-0000-000000000000'),
    coalesce(municipality_id, '00000000-0000-0000-0000-000000000000'),
    coalesce(unit_id, '00000000-0000-0000-0000-000000000000'))`);
  await run(`create index role_grants_municipality on role_grants (municipality_id)`);

  await run(`create table audit_events (
    municipality_id uuid not null references municipalities(id) on delete cascade,
    id uuid not null default gen_random_uuid(),
    occurred_at timestamptz not null default clock_timestamp(),
    actor_user_id uuid,
    actor_label text not null,
    action text not null,
    entity_type text not null,
    entity_id text not null,
    before jsonb,
    after jsonb,
    request_id text,
    primary key (municipality_id, id))`);
  await run(`create index audit_events_time on audit_events (municipality_id, occurred_at desc, id)`);
  await run(`create index audit_events_entity on audit_events (municipality_id, entity_type, entity_id)`);

  // Network- and platform-level changes (no single municipality owns them).
  await run(`create table platform_audit_events (
    id uuid primary key default gen_random_uuid(),
    network_id uuid references networks(id) on delete cascade,
    occurred_at timestamptz not null default clock_timestamp(),
    actor_user_id uuid,
    actor_label text not null,
    action text not null,
    entity_type text not null,
    entity_id text not null,
    before jsonb,
    after jsonb,
    request_id text)`);
  await run(`create index platform_audit_events_time on platform_audit_events (network_id, occurred_at desc)`);

  await run(`create table people_imports (
    municipality_id uuid not null references municipalities(id) on delete cascade,
    id uuid not null default gen_random_uuid(),
    created_by uuid references users(id) on delete set null,
    file_name text not null,
    file_data bytea not null,
    format text,
    status text not null check (status in ('parsing','ready','invalid','committing','committed','failed')),
    progress_done integer not null default 0,
    progress_total integer not null default 0,
    rows jsonb not null default '[]',
    errors jsonb not null default '[]',
    file_errors jsonb not null default '[]',
    summary jsonb,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    committed_at timestamptz,
    primary key (municipality_id, id))`);

  await run(`create table municipality_registry (
    country text not null check (country in ('NO','SE','DK')),
    code text not null,
    name text not null,
    population integer,
    region text,
    source text,
    imported_at timestamptz not null default now(),
    primary key (country, code))`);

  await enableRowLevelSecurity(db);
}

/**
 * Row-level security is the second wall behind the application's own checks:
 * tenant transactions run as the unprivileged role `mestring_app` with
 * `app.municipality_id` set, and then see only that municipality's rows.
 */
async function enableRowLevelSecurity(db: Kysely<any>): Promise<void> {
  const run = (q: string) => sql.raw(q).execute(db);
  await run(`do $$ begin
    if not exists (select 1 from pg_roles where rolname = 'mestring_app') then
      create role mestring_app nologin;
    end if;
  end $$`);
  await run(`grant mestring_app to current_user`);
  await run(`grant usage on schema public to mestring_app`);
  await run(`grant select, insert, update, delete on all tables in schema public to mestring_app`);
  await run(`grant usage, select on all sequences in schema public to mestring_app`);
  const tenant = `municipality_id = nullif(current_setting('app.municipality_id', true), '')::uuid`;
  for (const table of TENANT_TABLES) {
    // Not FORCEd: the owning role (migrations, sign-in, system jobs) works across
    // tenants on purpose; request work runs as mestring_app, which the policy binds.
    await run(`alter table ${table} enable row level security`);
    await run(`create policy tenant_isolation on ${table} using (${tenant}) with check (${tenant})`);
  }
  // The municipality row itself: visible to its own tenant context only.
  const self = `id = nullif(current_setting('app.municipality_id', true), '')::uuid`;
  await run(`alter table municipalities enable row level security`);
  await run(`create policy tenant_isolation on municipalities using (${self}) with check (${self})`);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
