import { sql, type Kysely } from 'kysely';

// Results of mapping campaigns, the leader survey's storage, leader ratings and
// the cross-municipality benchmark pool.
//
// Results are computed once, when a campaign closes, into a frozen snapshot
// (`campaign_result_*`). Every number the API, the screens and the exports
// show is a sum over the snapshot's "atoms": disjoint groups of at least k
// respondents (k = the municipality's anonymity threshold at closing). Because
// every published figure is a union of whole atoms, subtracting one report from
// another yields a union of atoms again, never a group smaller than k. Results
// are never computed for an open campaign, so watching a figure change between
// two submissions cannot reveal an answer either. See modules/results/README.md.

const PROFESSIONS = `array['nurse','specialist_nurse','health_care_worker','social_educator','assistant','physiotherapist','occupational_therapist','doctor','leader','other']`;

export const RESULTS_TENANT_TABLES = [
  'leader_ratings',
  'campaign_results',
  'campaign_result_units',
  'campaign_result_atoms',
  'campaign_result_cells',
  'campaign_result_stats',
  'campaign_result_survey',
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  const run = (q: string) => sql.raw(q).execute(db);

  // National comparisons use only municipalities that chose to share (network
  // comparisons are part of being in a network).
  await run(`alter table municipalities add column share_national_benchmarks boolean not null default false`);

  // An anonymous leader survey is stored like an anonymous self-assessment:
  // no person, invitation or time; answers {"<item code>": ["<option code>", …]}.
  await run(`alter table anonymous_responses add column instrument text not null default 'self_assessment'
    check (instrument in ('self_assessment','leader_survey'))`);

  // Identified campaigns: a leader's rating of a person's competence, kept beside
  // the person's own rating (never averaged together). level null = "cannot judge".
  await run(`create table leader_ratings (
    municipality_id uuid not null,
    campaign_id uuid not null,
    person_id uuid not null,
    competence_code text not null,
    level integer check (level between 1 and 20),
    rated_by uuid references users(id) on delete set null,
    rated_at timestamptz not null default now(),
    primary key (municipality_id, campaign_id, person_id, competence_code),
    foreign key (municipality_id, campaign_id) references campaigns(municipality_id, id) on delete cascade,
    foreign key (municipality_id, person_id) references persons(municipality_id, id) on delete cascade)`);

  // One row per campaign whose results are computed (at close).
  await run(`create table campaign_results (
    municipality_id uuid not null,
    campaign_id uuid not null,
    threshold integer not null,
    respondents integer not null,
    survey_respondents integer not null default 0,
    computed_at timestamptz not null default now(),
    primary key (municipality_id, campaign_id),
    foreign key (municipality_id, campaign_id) references campaigns(municipality_id, id) on delete cascade)`);

  // The unit tree as it was at closing, so that rows stay put when units are
  // renamed, moved or deleted later.
  await run(`create table campaign_result_units (
    municipality_id uuid not null,
    campaign_id uuid not null,
    unit_id uuid not null,
    parent_id uuid,
    name text not null,
    position integer not null,
    primary key (municipality_id, campaign_id, unit_id),
    foreign key (municipality_id, campaign_id) references campaign_results(municipality_id, campaign_id) on delete cascade)`);

  // The k-anonymous partition: each atom has at least k respondents. anchor_unit_id
  // is the unit row it belongs to (null: the municipality-level "other" row);
  // profession is set when every respondent in the atom shares it, else null (mixed).
  await run(`create table campaign_result_atoms (
    municipality_id uuid not null,
    campaign_id uuid not null,
    atom_no integer not null,
    anchor_unit_id uuid,
    profession text check (profession = any (${PROFESSIONS})),
    respondents integer not null,
    includes_other boolean not null default false,
    merged_unit_ids uuid[] not null default '{}',
    primary key (municipality_id, campaign_id, atom_no),
    foreign key (municipality_id, campaign_id) references campaign_results(municipality_id, campaign_id) on delete cascade)`);

  // Internal (never served as such): respondents per unit × profession, each in one
  // atom. Kept at this grain so that gaps use the role profiles as they are now.
  await run(`create table campaign_result_cells (
    municipality_id uuid not null,
    campaign_id uuid not null,
    cell_no integer not null,
    unit_id uuid,
    profession text not null check (profession = any (${PROFESSIONS})),
    atom_no integer not null,
    respondents integer not null,
    primary key (municipality_id, campaign_id, cell_no),
    foreign key (municipality_id, campaign_id, atom_no) references campaign_result_atoms(municipality_id, campaign_id, atom_no) on delete cascade)`);

  // Per cell and competence: level_counts[i] = respondents who chose level i (1-based).
  await run(`create table campaign_result_stats (
    municipality_id uuid not null,
    campaign_id uuid not null,
    cell_no integer not null,
    competence_code text not null,
    level_counts integer[] not null,
    dont_know integer not null,
    wants_training integer not null,
    primary key (municipality_id, campaign_id, cell_no, competence_code),
    foreign key (municipality_id, campaign_id, cell_no) references campaign_result_cells(municipality_id, campaign_id, cell_no) on delete cascade)`);

  // The leader survey: one group (all respondents of the campaign), option counts per item.
  await run(`create table campaign_result_survey (
    municipality_id uuid not null,
    campaign_id uuid not null,
    item_code text not null,
    option_code text not null,
    count integer not null,
    primary key (municipality_id, campaign_id, item_code, option_code),
    foreign key (municipality_id, campaign_id) references campaign_results(municipality_id, campaign_id) on delete cascade)`);

  const tenant = `municipality_id = nullif(current_setting('app.municipality_id', true), '')::uuid`;
  for (const table of RESULTS_TENANT_TABLES) {
    await run(`grant select, insert, update, delete on ${table} to mestring_app`);
    await run(`alter table ${table} enable row level security`);
    await run(`create policy tenant_isolation on ${table} using (${tenant}) with check (${tenant})`);
  }

  // Global, written by the system when a campaign's results are computed: one
  // municipality's whole-campaign aggregate per competence or survey item, only
  // when the campaign had at least k respondents. Comparisons read only this
  // table and show a group only when it has enough municipalities. counts: per
  // level (competences) or per option of the item's scale, in scale order.
  await run(`create table benchmark_contributions (
    municipality_id uuid not null references municipalities(id) on delete cascade,
    campaign_id uuid not null,
    framework_id uuid references frameworks(id) on delete cascade,
    kind text not null check (kind in ('competence','survey_item')),
    code text not null,
    respondents integer not null,
    answered integer not null,
    counts integer[] not null,
    closed_at timestamptz not null,
    primary key (municipality_id, campaign_id, kind, code))`);
  await run(`create index benchmark_contributions_lookup on benchmark_contributions (kind, framework_id, code)`);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
