import { sql, type Kysely } from 'kysely';

// The learning record store (xAPI 1.0.3 and 2.0.0).
//
// A statement, once acknowledged, is immutable: the stored JSON and its id,
// time and authority never change (a trigger refuses it); voiding only sets
// the `voided` flag on the target row. Filters read the few indexed columns
// extracted at write time, never the JSON: agent and activity identities are
// text keys (see modules/lrs/xapi/identity.ts), kept in arrays for the
// "related" filters. `seq` orders statements by arrival and is the cursor of
// `more` links; `stored` is the time the LRS acknowledged the statement.
// `ref_target` is the object's id when the object is a StatementRef; `voids`
// the same for voiding statements only.

export const LRS_TENANT_TABLES = ['xapi_statements', 'xapi_attachments', 'xapi_documents', 'xapi_activities'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  const run = (q: string) => sql.raw(q).execute(db);

  // Global like sessions: Basic auth resolves a key before any tenant is known.
  // Only SHA-256 of the secret is kept (secrets are 256-bit random, so a slow
  // hash adds nothing but latency on every xAPI request). On rotation the old
  // secret keeps working until `previous_valid_until`, so a vendor's content can
  // be reconfigured without an outage.
  await run(`create table lrs_credentials (
    id uuid primary key default gen_random_uuid(),
    municipality_id uuid not null references municipalities(id) on delete cascade,
    name text not null check (length(name) between 1 and 200),
    key text not null unique,
    secret_hash text not null,
    previous_secret_hash text,
    previous_valid_until timestamptz,
    created_by uuid references users(id) on delete set null,
    created_at timestamptz not null default now(),
    rotated_at timestamptz,
    revoked_at timestamptz,
    last_used_at timestamptz)`);
  await run(`create index lrs_credentials_municipality on lrs_credentials (municipality_id)`);

  await run(`create table xapi_statements (
    municipality_id uuid not null,
    id uuid not null,
    seq bigint generated always as identity,
    stored timestamptz not null,
    verb_id text not null,
    registration uuid,
    agent_keys text[] not null,
    related_agent_keys text[] not null,
    activity_ids text[] not null,
    related_activity_ids text[] not null,
    ref_target uuid,
    voids uuid,
    voided boolean not null default false,
    statement jsonb not null,
    attachment_hashes text[],
    credential_id uuid,
    primary key (municipality_id, id),
    foreign key (municipality_id) references municipalities(id) on delete cascade)`);
  await run(`create index xapi_statements_seq on xapi_statements (municipality_id, seq)`);
  await run(`create index xapi_statements_stored on xapi_statements (municipality_id, stored, seq)`);
  await run(`create index xapi_statements_verb on xapi_statements (municipality_id, verb_id, stored, seq)`);
  await run(`create index xapi_statements_registration on xapi_statements (municipality_id, registration, seq) where registration is not null`);
  await run(`create index xapi_statements_agents on xapi_statements using gin (related_agent_keys)`);
  await run(`create index xapi_statements_activities on xapi_statements using gin (related_activity_ids)`);
  // Statements whose object is a StatementRef: few, walked when a filter must
  // also match statements that target matching statements (xAPI's StatementRef rule).
  await run(`create index xapi_statements_refs on xapi_statements (municipality_id, stored, seq) where ref_target is not null`);
  await run(`create function xapi_statement_immutable() returns trigger language plpgsql as $$
    begin
      if new.id <> old.id or new.statement <> old.statement or new.stored <> old.stored or new.municipality_id <> old.municipality_id then
        raise exception 'an acknowledged xAPI statement is immutable' using errcode = '55000';
      end if;
      return new;
    end $$`);
  await run(`create trigger xapi_statements_immutable before update on xapi_statements
    for each row execute function xapi_statement_immutable()`);

  // Attachment payloads by content hash (a statement lists the hashes it carries).
  await run(`create table xapi_attachments (
    municipality_id uuid not null,
    sha2 text not null,
    content_type text not null,
    length bigint not null,
    content bytea not null,
    primary key (municipality_id, sha2),
    foreign key (municipality_id) references municipalities(id) on delete cascade)`);

  // State, Activity Profile and Agent Profile documents. Unused key parts are ''
  // so the primary key stays total. etag = SHA-1 of the content, quoted.
  await run(`create table xapi_documents (
    municipality_id uuid not null,
    kind text not null check (kind in ('state','activity_profile','agent_profile')),
    activity_id text not null default '',
    agent_key text not null default '',
    registration text not null default '',
    document_id text not null,
    content bytea not null,
    content_type text not null,
    is_json boolean not null,
    etag text not null,
    updated timestamptz not null default now(),
    primary key (municipality_id, kind, activity_id, agent_key, registration, document_id),
    foreign key (municipality_id) references municipalities(id) on delete cascade)`);
  await run(`create index xapi_documents_updated on xapi_documents (municipality_id, kind, activity_id, agent_key, updated)`);

  // The canonical definition of each activity the LRS has seen (GET /activities).
  await run(`create table xapi_activities (
    municipality_id uuid not null,
    activity_id text not null,
    definition jsonb,
    updated timestamptz not null default now(),
    primary key (municipality_id, activity_id),
    foreign key (municipality_id) references municipalities(id) on delete cascade)`);

  const tenant = `municipality_id = nullif(current_setting('app.municipality_id', true), '')::uuid`;
  for (const table of LRS_TENANT_TABLES) {
    await run(`grant select, insert, update, delete on ${table} to mestring_app`);
    await run(`alter table ${table} enable row level security`);
    await run(`create policy tenant_isolation on ${table} using (${tenant}) with check (${tenant})`);
  }
  await run(`grant select, insert, update, delete on lrs_credentials to mestring_app`);
  await run(`grant usage, select on all sequences in schema public to mestring_app`);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}
