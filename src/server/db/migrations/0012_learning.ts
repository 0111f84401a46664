import { sql, type Kysely } from 'kysely';
import { enableTenantRls } from './tenant-rls.js';

// Learning for people: the catalogue, built-in courses, progress, completions,
// assignments, classroom sessions and certificates.
//
// Ownership is explicit: an item lives in the municipality that holds it
// (municipality_id, its tenant key) and is owned either by that municipality
// (owner_network_id null) or by a network (owner_network_id set; the network's
// coordinators manage it). Sharing an item across the network comes later and
// will add rows elsewhere, not change these. Rows about a person live in the
// person's municipality and name the item by (item_municipality_id, item_id),
// so an item held by another member of the network can be learnt without a
// cross-tenant foreign key (which a tenant-distributed deployment cannot have).
//
// learning_progress is each person's current state per item (what "my
// learning" reads); learning_completions is the append-only history (trends,
// recurrence, certificates). Every step a learner takes is also an xAPI
// statement in the LRS (xapi_statements); these tables are the projection the
// screens read, so no screen scans statements.
//
// Certificates are found by their verification code without knowing the
// tenant (an outsider has only the code): certificate_codes is the one global
// lookup table, as sessions are for sign-in. It holds the code, not the
// certificate.

export const LEARNING_TENANT_TABLES = [
  'learning_items',
  'learning_item_competences',
  'learning_assets',
  'course_editions',
  'course_versions',
  'learning_progress',
  'lesson_progress',
  'learning_completions',
  'learning_assignments',
  'learning_reminders',
  'learning_sessions',
  'learning_registrations',
  'issuer_keys',
  'certificates',
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  const run = (q: string) => sql.raw(q).execute(db);
  const languages = `('nb','nn','sv','da','en')`;

  await run(`create table learning_items (
    municipality_id uuid not null references municipalities(id) on delete cascade,
    id uuid not null default gen_random_uuid(),
    kind text not null check (kind in ('course','scorm','cmi5','xapi','video','link','event')),
    owner_network_id uuid references networks(id) on delete restrict,
    status text not null default 'draft' check (status in ('draft','published','archived')),
    titles jsonb not null check (jsonb_typeof(titles) = 'object' and titles <> '{}'::jsonb),
    descriptions jsonb not null default '{}'::jsonb check (jsonb_typeof(descriptions) = 'object'),
    languages text[] not null check (cardinality(languages) > 0 and languages <@ array['nb','nn','sv','da','en']),
    duration_minutes integer check (duration_minutes between 1 and 100000),
    framework_version_id uuid references framework_versions(id),
    package_id uuid,
    url text check (url ~ '^https?://'),
    xapi_activity_id text check (length(xapi_activity_id) between 1 and 4000),
    certificate_enabled boolean not null default true,
    created_by uuid references users(id) on delete set null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (municipality_id, id),
    foreign key (municipality_id, package_id) references packages(municipality_id, id) on delete restrict,
    check ((kind in ('scorm','cmi5')) = (package_id is not null)),
    check ((kind in ('video','link')) = (url is not null)),
    check ((kind = 'xapi') = (xapi_activity_id is not null)))`);
  await run(`create index learning_items_catalogue on learning_items (municipality_id, status, kind)`);

  await run(`create table learning_item_competences (
    municipality_id uuid not null,
    item_id uuid not null,
    competence_code text not null check (length(competence_code) between 1 and 100),
    level integer check (level between 1 and 20),
    primary key (municipality_id, item_id, competence_code),
    foreign key (municipality_id, item_id) references learning_items(municipality_id, id) on delete cascade)`);
  await run(`create index learning_item_competences_code on learning_item_competences (municipality_id, competence_code)`);

  // Images and films in built-in courses; the bytes are in package storage under learning/.
  await run(`create table learning_assets (
    municipality_id uuid not null,
    id uuid not null default gen_random_uuid(),
    item_id uuid not null,
    file_name text not null check (length(file_name) between 1 and 255),
    content_type text not null,
    size_bytes bigint not null check (size_bytes >= 0),
    storage_key text not null,
    created_by uuid references users(id) on delete set null,
    created_at timestamptz not null default now(),
    primary key (municipality_id, id),
    foreign key (municipality_id, item_id) references learning_items(municipality_id, id) on delete cascade)`);

  // One editable draft per course and language; publishing freezes it as the next version.
  await run(`create table course_editions (
    municipality_id uuid not null,
    item_id uuid not null,
    language text not null check (language in ${languages}),
    draft jsonb not null check (jsonb_typeof(draft) = 'object'),
    draft_updated_at timestamptz not null default now(),
    draft_updated_by uuid references users(id) on delete set null,
    published_version integer check (published_version > 0),
    primary key (municipality_id, item_id, language),
    foreign key (municipality_id, item_id) references learning_items(municipality_id, id) on delete cascade)`);

  await run(`create table course_versions (
    municipality_id uuid not null,
    item_id uuid not null,
    language text not null,
    version integer not null check (version > 0),
    content jsonb not null check (jsonb_typeof(content) = 'object'),
    published_at timestamptz not null default now(),
    published_by uuid references users(id) on delete set null,
    primary key (municipality_id, item_id, language, version),
    foreign key (municipality_id, item_id, language) references course_editions(municipality_id, item_id, language) on delete cascade)`);

  await run(`create table learning_progress (
    municipality_id uuid not null,
    person_id uuid not null,
    item_id uuid not null,
    item_municipality_id uuid not null,
    status text not null check (status in ('in_progress','completed','passed','failed')),
    language text check (language in ${languages}),
    course_version integer,
    current_lesson_id text,
    score_scaled real check (score_scaled between -1 and 1),
    started_at timestamptz not null default now(),
    last_activity_at timestamptz not null default now(),
    completed_at timestamptz,
    primary key (municipality_id, person_id, item_id),
    foreign key (municipality_id, person_id) references persons(municipality_id, id) on delete cascade)`);
  await run(`create index learning_progress_item on learning_progress (municipality_id, item_id)`);

  await run(`create table lesson_progress (
    municipality_id uuid not null,
    person_id uuid not null,
    item_id uuid not null,
    lesson_id text not null check (length(lesson_id) between 1 and 100),
    language text not null,
    course_version integer not null,
    completed boolean not null default false,
    quiz_answers jsonb,
    quiz_score real check (quiz_score between 0 and 1),
    quiz_passed boolean,
    quiz_attempts integer not null default 0,
    updated_at timestamptz not null default now(),
    primary key (municipality_id, person_id, item_id, lesson_id),
    foreign key (municipality_id, person_id, item_id) references learning_progress(municipality_id, person_id, item_id) on delete cascade)`);

  await run(`create table learning_completions (
    municipality_id uuid not null,
    id uuid not null default gen_random_uuid(),
    person_id uuid not null,
    item_id uuid not null,
    item_municipality_id uuid not null,
    outcome text not null check (outcome in ('completed','passed')),
    score_scaled real check (score_scaled between -1 and 1),
    source text not null check (source in ('course','scorm','cmi5','xapi','video','link','event','manual')),
    statement_id uuid,
    completed_at timestamptz not null,
    recorded_at timestamptz not null default now(),
    primary key (municipality_id, id),
    foreign key (municipality_id, person_id) references persons(municipality_id, id) on delete cascade)`);
  await run(`create index learning_completions_month on learning_completions (municipality_id, completed_at)`);
  await run(`create index learning_completions_person on learning_completions (municipality_id, person_id, item_id, completed_at desc)`);
  await run(`create index learning_completions_item on learning_completions (municipality_id, item_id, completed_at desc)`);

  // Who must do what, by when, and how often. A target is one person, a unit
  // (with its sub-units), a profession or a role profile.
  await run(`create table learning_assignments (
    municipality_id uuid not null,
    id uuid not null default gen_random_uuid(),
    item_id uuid not null,
    item_municipality_id uuid not null,
    target_kind text not null check (target_kind in ('person','unit','profession','role_profile')),
    target_person_id uuid,
    target_unit_id uuid,
    target_profession text check (target_profession in ('nurse','specialist_nurse','health_care_worker','social_educator','assistant','physiotherapist','occupational_therapist','doctor','leader','other')),
    target_role_profile_id uuid,
    due_date date,
    due_days integer check (due_days between 1 and 3650),
    recurrence_months integer check (recurrence_months between 1 and 120),
    note text check (length(note) <= 2000),
    created_by uuid references users(id) on delete set null,
    created_at timestamptz not null default now(),
    archived_at timestamptz,
    primary key (municipality_id, id),
    foreign key (municipality_id, target_person_id) references persons(municipality_id, id) on delete cascade,
    foreign key (municipality_id, target_unit_id) references units(municipality_id, id) on delete cascade,
    foreign key (municipality_id, target_role_profile_id) references role_profiles(municipality_id, id) on delete cascade,
    check (num_nonnulls(target_person_id, target_unit_id, target_profession, target_role_profile_id) = 1),
    check ((target_kind = 'person') = (target_person_id is not null)),
    check ((target_kind = 'unit') = (target_unit_id is not null)),
    check ((target_kind = 'profession') = (target_profession is not null)),
    check ((target_kind = 'role_profile') = (target_role_profile_id is not null)),
    check (due_date is null or due_days is null))`);
  await run(`create index learning_assignments_item on learning_assignments (municipality_id, item_id) where archived_at is null`);
  await run(`create index learning_assignments_target on learning_assignments (municipality_id, target_kind) where archived_at is null`);

  // One row per reminder sent, so a sweep that runs twice sends nothing twice.
  await run(`create table learning_reminders (
    municipality_id uuid not null,
    assignment_id uuid not null,
    person_id uuid not null,
    due_date date not null,
    kind text not null check (kind in ('due_soon','overdue')),
    sent_at timestamptz not null default now(),
    primary key (municipality_id, assignment_id, person_id, due_date, kind),
    foreign key (municipality_id, assignment_id) references learning_assignments(municipality_id, id) on delete cascade,
    foreign key (municipality_id, person_id) references persons(municipality_id, id) on delete cascade)`);

  // Classroom sessions, workshops and network meetings of an 'event' item.
  await run(`create table learning_sessions (
    municipality_id uuid not null,
    id uuid not null default gen_random_uuid(),
    item_id uuid not null,
    starts_at timestamptz not null,
    ends_at timestamptz not null,
    location text check (length(location) <= 500),
    online_url text check (online_url ~ '^https?://'),
    capacity integer check (capacity between 1 and 100000),
    cancelled_at timestamptz,
    created_at timestamptz not null default now(),
    primary key (municipality_id, id),
    foreign key (municipality_id, item_id) references learning_items(municipality_id, id) on delete cascade,
    check (ends_at > starts_at))`);
  await run(`create index learning_sessions_item on learning_sessions (municipality_id, item_id, starts_at)`);

  await run(`create table learning_registrations (
    municipality_id uuid not null,
    session_id uuid not null,
    person_id uuid not null,
    status text not null check (status in ('registered','waitlisted','cancelled')),
    registered_at timestamptz not null default now(),
    attended boolean,
    attendance_marked_at timestamptz,
    primary key (municipality_id, session_id, person_id),
    foreign key (municipality_id, session_id) references learning_sessions(municipality_id, id) on delete cascade,
    foreign key (municipality_id, person_id) references persons(municipality_id, id) on delete cascade)`);

  // The municipality's signing keys for Open Badges. The private key is
  // encrypted with a key derived from an app secret; the public key is published.
  await run(`create table issuer_keys (
    municipality_id uuid not null references municipalities(id) on delete cascade,
    id uuid not null default gen_random_uuid(),
    algorithm text not null check (algorithm in ('Ed25519')),
    public_jwk jsonb not null,
    private_key_encrypted bytea not null,
    created_at timestamptz not null default now(),
    retired_at timestamptz,
    primary key (municipality_id, id))`);
  await run(`create unique index issuer_keys_one_active on issuer_keys (municipality_id) where retired_at is null`);

  await run(`create table certificates (
    municipality_id uuid not null,
    id uuid not null default gen_random_uuid(),
    person_id uuid not null,
    item_id uuid not null,
    completion_id uuid not null,
    verification_code text not null,
    language text not null check (language in ${languages}),
    holder_name text not null,
    item_title text not null,
    issued_at timestamptz not null default now(),
    badge_jwt text,
    key_id uuid,
    revoked_at timestamptz,
    revoke_reason text,
    primary key (municipality_id, id),
    unique (municipality_id, completion_id),
    foreign key (municipality_id, completion_id) references learning_completions(municipality_id, id) on delete cascade,
    foreign key (municipality_id, person_id) references persons(municipality_id, id) on delete cascade,
    foreign key (municipality_id, key_id) references issuer_keys(municipality_id, id))`);
  await run(`create index certificates_person on certificates (municipality_id, person_id)`);

  await run(`create table certificate_codes (
    code text primary key check (code ~ '^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$'),
    municipality_id uuid not null references municipalities(id) on delete cascade,
    certificate_id uuid not null)`);
  // Written in the issuing tenant's transaction; read by the public verification page (system role).
  await run(`grant select, insert, delete on certificate_codes to mestring_app`);

  await enableTenantRls(db, LEARNING_TENANT_TABLES);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
