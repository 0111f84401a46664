import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { TenantTx } from '../../db/tenant.js';
import type { StatementIndex } from './xapi/statement-index.js';

// SQL for the statement store. Every call takes the municipality id and runs
// inside withTenant(), so row-level security backs up the explicit filter.

export type NewStatementRow = { id: string; stored: string; statement: object; index: StatementIndex; credentialId: string | null };

/**
 * Inserts a batch in one statement; returns the ids that were new (the rest
 * already existed). The rows travel as one JSON parameter that PostgreSQL
 * unpacks with jsonb_to_recordset: a 100-statement batch as 1,400 bind
 * parameters (text arrays escaped one by one) cost the server process more CPU
 * than validating the statements did.
 */
export async function insertStatements(tx: TenantTx | Kysely<DB>, municipalityId: string, rows: NewStatementRow[]): Promise<Set<string>> {
  const payload = JSON.stringify(
    rows.map((r) => ({
      id: r.id,
      stored: r.stored,
      verb_id: r.index.verbId,
      registration: r.index.registration,
      agent_keys: r.index.agentKeys,
      related_agent_keys: r.index.relatedAgentKeys,
      activity_ids: r.index.activityIds,
      related_activity_ids: r.index.relatedActivityIds,
      ref_target: r.index.refTarget,
      voids: r.index.voids,
      statement: r.statement,
      attachment_hashes: r.index.attachmentHashes,
      credential_id: r.credentialId,
    })),
  );
  const inserted = await sql<{ id: string }>`
    insert into xapi_statements (municipality_id, id, stored, verb_id, registration, agent_keys, related_agent_keys, activity_ids,
      related_activity_ids, ref_target, voids, statement, attachment_hashes, credential_id)
    select ${municipalityId}::uuid, r.id, r.stored, r.verb_id, r.registration, r.agent_keys, r.related_agent_keys, r.activity_ids,
      r.related_activity_ids, r.ref_target, r.voids, r.statement, r.attachment_hashes, r.credential_id
    from jsonb_to_recordset(${payload}::jsonb) as r(id uuid, stored timestamptz, verb_id text, registration uuid, agent_keys text[],
      related_agent_keys text[], activity_ids text[], related_activity_ids text[], ref_target uuid, voids uuid, statement jsonb,
      attachment_hashes text[], credential_id uuid)
    on conflict (municipality_id, id) do nothing
    returning id`.execute(tx);
  return new Set(inserted.rows.map((r) => r.id));
}

export async function findStatementsByIds(tx: TenantTx, municipalityId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return tx
    .selectFrom('xapi_statements')
    .select(['id', 'statement', 'voided', 'voids', 'stored'])
    .where('municipality_id', '=', municipalityId)
    .where('id', 'in', ids)
    .execute();
}

export async function markVoided(tx: TenantTx, municipalityId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.updateTable('xapi_statements').set({ voided: true }).where('municipality_id', '=', municipalityId).where('id', 'in', ids).execute();
}

export async function upsertActivities(tx: TenantTx, municipalityId: string, activities: { id: string; definition: object }[]): Promise<void> {
  if (activities.length === 0) return;
  await tx
    .insertInto('xapi_activities')
    .values(activities.map((a) => ({ municipality_id: municipalityId, activity_id: a.id, definition: JSON.stringify(a.definition), updated: new Date() })))
    // The canonical definition grows with what statements say (2.0.0 4.1.6.4; the ADL suite's
    // XAPI-00254): newer properties win, and the name and description language maps are merged
    // language by language, so a statement in French does not erase the English name.
    .onConflict((oc) =>
      oc.columns(['municipality_id', 'activity_id']).doUpdateSet({
        definition: sql`coalesce(xapi_activities.definition, '{}'::jsonb) || excluded.definition || jsonb_strip_nulls(jsonb_build_object(
          'name', case when jsonb_typeof(xapi_activities.definition -> 'name') = 'object' and jsonb_typeof(excluded.definition -> 'name') = 'object'
            then (xapi_activities.definition -> 'name') || (excluded.definition -> 'name') end,
          'description', case when jsonb_typeof(xapi_activities.definition -> 'description') = 'object' and jsonb_typeof(excluded.definition -> 'description') = 'object'
            then (xapi_activities.definition -> 'description') || (excluded.definition -> 'description') end))`,
        updated: sql`excluded.updated`,
      }),
    )
    .execute();
}

export async function insertAttachments(tx: TenantTx, municipalityId: string, attachments: { sha2: string; contentType: string; content: Buffer }[]): Promise<void> {
  if (attachments.length === 0) return;
  await tx
    .insertInto('xapi_attachments')
    .values(attachments.map((a) => ({ municipality_id: municipalityId, sha2: a.sha2, content_type: a.contentType, length: a.content.length, content: a.content })))
    .onConflict((oc) => oc.columns(['municipality_id', 'sha2']).doNothing())
    .execute();
}

export async function findAttachments(tx: TenantTx, municipalityId: string, hashes: string[]) {
  if (hashes.length === 0) return [];
  return tx.selectFrom('xapi_attachments').select(['sha2', 'content_type', 'content']).where('municipality_id', '=', municipalityId).where('sha2', 'in', hashes).execute();
}

export type StatementFilter = {
  agentKey?: string;
  relatedAgents?: boolean;
  verbId?: string;
  activityId?: string;
  relatedActivities?: boolean;
  registration?: string;
  since?: string;
  until?: string;
};

export type Cursor = { stored: string; seq: number };

/** Conditions that a statement (or the statement it targets) must meet: all but time. */
function matchConditions(f: StatementFilter, alias: 's' | 't'): Expression<SqlBool>[] {
  const c = (name: string) => sql.ref(`${alias}.${name}`);
  const out: Expression<SqlBool>[] = [];
  if (f.verbId !== undefined) out.push(sql<SqlBool>`${c('verb_id')} = ${f.verbId}`);
  if (f.registration !== undefined) out.push(sql<SqlBool>`${c('registration')} = ${f.registration}::uuid`);
  if (f.agentKey !== undefined) {
    // The GIN index on related_agent_keys narrows; the actor/object column decides.
    out.push(sql<SqlBool>`${c('related_agent_keys')} @> array[${f.agentKey}]::text[]`);
    if (!f.relatedAgents) out.push(sql<SqlBool>`${f.agentKey} = any(${c('agent_keys')})`);
  }
  if (f.activityId !== undefined) {
    out.push(sql<SqlBool>`${c('related_activity_ids')} @> array[${f.activityId}]::text[]`);
    if (!f.relatedActivities) out.push(sql<SqlBool>`${f.activityId} = any(${c('activity_ids')})`);
  }
  return out;
}

function hasMatchConditions(f: StatementFilter): boolean {
  return f.verbId !== undefined || f.registration !== undefined || f.agentKey !== undefined || f.activityId !== undefined;
}

function timeConditions(f: StatementFilter, cursor: Cursor | null, ascending: boolean): Expression<SqlBool>[] {
  const out: Expression<SqlBool>[] = [];
  if (f.since !== undefined) out.push(sql<SqlBool>`s.stored > ${f.since}::timestamptz`);
  if (f.until !== undefined) out.push(sql<SqlBool>`s.stored <= ${f.until}::timestamptz`);
  if (cursor) {
    out.push(ascending ? sql<SqlBool>`(s.stored, s.seq) > (${cursor.stored}::timestamptz, ${cursor.seq}::bigint)` : sql<SqlBool>`(s.stored, s.seq) < (${cursor.stored}::timestamptz, ${cursor.seq}::bigint)`);
  }
  return out;
}

const and = (conditions: Expression<SqlBool>[]) => (conditions.length === 0 ? sql<SqlBool>`true` : sql.join(conditions, sql` and `));

export type QueriedStatement = { id: string; stored: Date; seq: number; statement: unknown };

/**
 * One page of statements, newest first unless ascending. A statement also
 * matches when it targets (through StatementRef, recursively) a statement that
 * matches the non-time conditions; time conditions apply to the statement itself.
 */
export async function queryStatements(tx: TenantTx, municipalityId: string, f: StatementFilter, cursor: Cursor | null, limit: number, ascending: boolean): Promise<QueriedStatement[]> {
  const order = ascending ? sql`asc` : sql`desc`;
  const time = timeConditions(f, cursor, ascending);
  const direct = sql`select s.id, s.stored, s.seq, s.statement from xapi_statements s
    where s.municipality_id = ${municipalityId} and not s.voided and ${and([...matchConditions(f, 's'), ...time])}
    order by s.stored ${order}, s.seq ${order} limit ${limit}`;
  if (!hasMatchConditions(f)) {
    return (await direct.execute(tx)).rows as QueriedStatement[];
  }
  const viaRefs = sql`with recursive chain(start_id, target) as (
      select s.id, s.ref_target from xapi_statements s
      where s.municipality_id = ${municipalityId} and s.ref_target is not null and not s.voided and ${and(time)}
      union
      select chain.start_id, t.ref_target from chain join xapi_statements t on t.municipality_id = ${municipalityId} and t.id = chain.target
      where t.ref_target is not null
    )
    select s.id, s.stored, s.seq, s.statement from xapi_statements s
    where s.municipality_id = ${municipalityId} and s.id in (
      select chain.start_id from chain join xapi_statements t on t.municipality_id = ${municipalityId} and t.id = chain.target
      where ${and(matchConditions(f, 't'))})`;
  const result = await sql`select * from ((${direct}) union (${viaRefs})) as page order by stored ${order}, seq ${order} limit ${limit}`.execute(tx);
  return result.rows as QueriedStatement[];
}

export async function newestStored(tx: TenantTx, municipalityId: string): Promise<Date | null> {
  const row = await tx.selectFrom('xapi_statements').select(sql<Date>`max(stored)`.as('stored')).where('municipality_id', '=', municipalityId).executeTakeFirst();
  return row?.stored ?? null;
}
