import { sql, type Kysely } from 'kysely';

// Mapping campaigns: a competence advisor invites staff to assess their digital
// competence against a framework version. Tenant-owned tables lead their primary
// key with municipality_id and carry the `tenant_isolation` policy.
//
// Privacy of anonymous campaigns is designed into the tables themselves:
// - `anonymous_responses` holds no person, invitation, token or time: only the
//   campaign, the respondent's unit and profession (for aggregates with
//   k-anonymity) and the answers, under a random (v4) id. It has no timestamp
//   or date column at all (see modules/mapping/README.md for why not even a day).
// - `campaign_invitations.submitted` is a bare flag: no submission time and no
//   reference to the response.
// - Drafts (`assessment_drafts`) are linked to the invitation so that a person
//   can resume, and are deleted in the transaction that writes the response.
// - `invitation_keys` is global (like `sessions`): a link token or a typed code
//   is resolved before any tenant is known; only SHA-256 hashes are stored.

const PROFESSIONS = `array['nurse','specialist_nurse','health_care_worker','social_educator','assistant','physiotherapist','occupational_therapist','doctor','leader','other']`;
const INSTRUMENTS = `array['self_assessment','leader_survey']`;

export const MAPPING_TENANT_TABLES = [
  'campaigns',
  'campaign_units',
  'campaign_invitations',
  'assessment_drafts',
  'identified_responses',
  'identified_answers',
  'anonymous_responses',
  'leader_survey_answers',
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  const run = (q: string) => sql.raw(q).execute(db);

  await run(`create table campaigns (
    municipality_id uuid not null references municipalities(id) on delete cascade,
    id uuid not null default gen_random_uuid(),
    name text not null check (length(trim(name)) > 0),
    framework_version_id uuid not null references framework_versions(id),
    competence_codes text[] check (competence_codes is null or cardinality(competence_codes) > 0),
    target_professions text[] not null default '{}' check (target_professions <@ ${PROFESSIONS}),
    include_sub_units boolean not null default true,
    mode text not null check (mode in ('identified','anonymous')),
    instruments text[] not null check (cardinality(instruments) > 0 and instruments <@ ${INSTRUMENTS}),
    opens_at timestamptz not null,
    closes_at timestamptz not null,
    published_at timestamptz,
    closed_at timestamptz,
    created_by uuid references users(id) on delete set null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (municipality_id, id),
    check (closes_at > opens_at))`);
  await run(`create index campaigns_window on campaigns (municipality_id, closes_at desc)`);

  // Target units (an empty set targets the whole municipality).
  await run(`create table campaign_units (
    municipality_id uuid not null,
    campaign_id uuid not null,
    unit_id uuid not null,
    primary key (municipality_id, campaign_id, unit_id),
    foreign key (municipality_id, campaign_id) references campaigns(municipality_id, id) on delete cascade,
    foreign key (municipality_id, unit_id) references units(municipality_id, id) on delete cascade)`);

  // One per targeted person and instrument, made when the campaign is published.
  // unit_id: the person's unit at that moment, for the response rate per unit.
  await run(`create table campaign_invitations (
    municipality_id uuid not null,
    id uuid not null default gen_random_uuid(),
    campaign_id uuid not null,
    person_id uuid not null,
    instrument text not null check (instrument in ('self_assessment','leader_survey')),
    unit_id uuid,
    submitted boolean not null default false,
    primary key (municipality_id, id),
    unique (municipality_id, campaign_id, person_id, instrument),
    foreign key (municipality_id, campaign_id) references campaigns(municipality_id, id) on delete cascade,
    foreign key (municipality_id, person_id) references persons(municipality_id, id) on delete cascade,
    foreign key (municipality_id, unit_id) references units(municipality_id, id) on delete set null (unit_id))`);
  await run(`create index campaign_invitations_person on campaign_invitations (municipality_id, person_id)`);
  await run(`create index campaign_invitations_campaign on campaign_invitations (municipality_id, campaign_id, unit_id)`);

  // Global: the link token and the shared-device code of an invitation, as SHA-256
  // hashes. No foreign key to the invitation (a Citus reference table cannot point
  // at a distributed one); a key whose invitation is gone resolves to nothing.
  await run(`create table invitation_keys (
    key_hash text primary key,
    kind text not null check (kind in ('token','code')),
    municipality_id uuid not null references municipalities(id) on delete cascade,
    invitation_id uuid not null)`);
  await run(`create index invitation_keys_invitation on invitation_keys (municipality_id, invitation_id, kind)`);

  // Autosaved answers before submission. level null + dont_know = "don't know".
  await run(`create table assessment_drafts (
    municipality_id uuid not null,
    invitation_id uuid not null,
    competence_code text not null,
    level integer check (level between 1 and 20),
    dont_know boolean not null default false,
    wants_training boolean not null default false,
    saved_at timestamptz not null default now(),
    primary key (municipality_id, invitation_id, competence_code),
    foreign key (municipality_id, invitation_id) references campaign_invitations(municipality_id, id) on delete cascade,
    check (not (dont_know and level is not null)))`);

  // Identified campaigns: submitted answers stay with the person (for individual plans).
  await run(`create table identified_responses (
    municipality_id uuid not null,
    campaign_id uuid not null,
    person_id uuid not null,
    unit_id uuid,
    profession text not null check (profession = any (${PROFESSIONS})),
    submitted_at timestamptz not null default now(),
    primary key (municipality_id, campaign_id, person_id),
    foreign key (municipality_id, campaign_id) references campaigns(municipality_id, id) on delete cascade,
    foreign key (municipality_id, person_id) references persons(municipality_id, id) on delete cascade,
    foreign key (municipality_id, unit_id) references units(municipality_id, id) on delete set null (unit_id))`);
  await run(`create table identified_answers (
    municipality_id uuid not null,
    campaign_id uuid not null,
    person_id uuid not null,
    competence_code text not null,
    level integer check (level between 1 and 20),
    wants_training boolean not null default false,
    primary key (municipality_id, campaign_id, person_id, competence_code),
    foreign key (municipality_id, campaign_id, person_id) references identified_responses(municipality_id, campaign_id, person_id) on delete cascade)`);

  // Anonymous campaigns: nothing that leads back to a person (see the header).
  // answers: {"<competence code>": {"level": 1..n | null, "wantsTraining": bool}}.
  // Every submission writes the campaign's responses anew (fresh ids, random
  // order: see reshuffleAnonymousResponses in modules/mapping). Answers are kept
  // inline (storage main) so that no out-of-line TOAST rows tell their own story.
  await run(`create table anonymous_responses (
    municipality_id uuid not null,
    campaign_id uuid not null,
    id uuid not null default gen_random_uuid(),
    unit_id uuid,
    profession text not null check (profession = any (${PROFESSIONS})),
    answers jsonb not null,
    primary key (municipality_id, campaign_id, id),
    foreign key (municipality_id, campaign_id) references campaigns(municipality_id, id) on delete cascade,
    foreign key (municipality_id, unit_id) references units(municipality_id, id) on delete set null (unit_id))`);
  await run(`alter table anonymous_responses alter column answers set storage main`);

  // The leader survey (answered in a later issue): items of LEADER_SURVEY_ITEMS by
  // code; option_codes holds the chosen option(s) of the item's scale.
  await run(`create table leader_survey_answers (
    municipality_id uuid not null,
    invitation_id uuid not null,
    item_code text not null,
    option_codes text[] not null,
    saved_at timestamptz not null default now(),
    primary key (municipality_id, invitation_id, item_code),
    foreign key (municipality_id, invitation_id) references campaign_invitations(municipality_id, id) on delete cascade)`);

  const tenant = `municipality_id = nullif(current_setting('app.municipality_id', true), '')::uuid`;
  for (const table of MAPPING_TENANT_TABLES) {
    await run(`grant select, insert, update, delete on ${table} to mestring_app`);
    await run(`alter table ${table} enable row level security`);
    await run(`create policy tenant_isolation on ${table} using (${tenant}) with check (${tenant})`);
  }
  await run(`grant select, insert, update, delete on invitation_keys to mestring_app`);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
