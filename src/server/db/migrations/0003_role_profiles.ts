import { sql, type Kysely } from 'kysely';

// Role profiles: the level each competence requires for a profession and/or
// unit ("nurses in home care: 3 in information security"). Tenant-owned.

export async function up(db: Kysely<any>): Promise<void> {
  const run = (q: string) => sql.raw(q).execute(db);
  await run(`create table role_profiles (
    municipality_id uuid not null references municipalities(id) on delete cascade,
    id uuid not null default gen_random_uuid(),
    name text not null check (length(trim(name)) > 0),
    description text,
    framework_version_id uuid not null references framework_versions(id),
    profession text check (profession in ('nurse','specialist_nurse','health_care_worker','social_educator','assistant','physiotherapist','occupational_therapist','doctor','leader','other')),
    unit_id uuid,
    template_key text,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (municipality_id, id),
    foreign key (municipality_id, unit_id) references units(municipality_id, id) on delete set null (unit_id))`);
  await run(`create index role_profiles_target on role_profiles (municipality_id, profession, unit_id)`);
  await run(`create table role_profile_requirements (
    municipality_id uuid not null,
    profile_id uuid not null,
    competence_code text not null,
    required_level integer not null check (required_level between 1 and 20),
    primary key (municipality_id, profile_id, competence_code),
    foreign key (municipality_id, profile_id) references role_profiles(municipality_id, id) on delete cascade)`);
  const tenant = `municipality_id = nullif(current_setting('app.municipality_id', true), '')::uuid`;
  for (const table of ['role_profiles', 'role_profile_requirements']) {
    await run(`grant select, insert, update, delete on ${table} to mestring_app`);
    await run(`alter table ${table} enable row level security`);
    await run(`create policy tenant_isolation on ${table} using (${tenant}) with check (${tenant})`);
  }
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
