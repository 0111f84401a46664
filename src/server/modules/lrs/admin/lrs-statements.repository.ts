import { sql, type RawBuilder } from 'kysely';
import type { TenantTx } from '../../../db/tenant.js';

// The statement browser reads only the indexed columns of xapi_statements
// (see migration 0006): the agent and activity arrays through their GIN
// indexes, verb_id and (stored, seq) through their B-trees. The JSON is only
// read to show a page.

export type StatementFilter = {
  /** An agent key (identity.agentKey form): the statement's actor or object. */
  agentKey?: string;
  /** The statement's object is this activity. */
  activityId?: string;
  verbId?: string;
  /** stored > since */
  since?: string;
  /** stored <= until */
  until?: string;
  /** Rows after this one in newest-first order. */
  cursor?: StatementCursor;
};

/** `stored` to the microsecond as text (a Date keeps only milliseconds) and the arrival order. */
export type StatementCursor = { stored: string; seq: number };

export type StatementRowDb = { id: string; stored: Date; stored_at: string; seq: number; voided: boolean; statement: unknown };

function filterSql(f: StatementFilter): RawBuilder<boolean> {
  const conditions: RawBuilder<unknown>[] = [sql`true`];
  if (f.agentKey) {
    // related_agent_keys carries the GIN index; agent_keys (actor and object only) is the exact test.
    const keys = sql`array[${f.agentKey}]::text[]`;
    conditions.push(sql`related_agent_keys @> ${keys} and agent_keys @> ${keys}`);
  }
  if (f.activityId) {
    const ids = sql`array[${f.activityId}]::text[]`;
    conditions.push(sql`related_activity_ids @> ${ids} and activity_ids @> ${ids}`);
  }
  if (f.verbId) conditions.push(sql`verb_id = ${f.verbId}`);
  if (f.since) conditions.push(sql`stored > ${f.since}::timestamptz`);
  if (f.until) conditions.push(sql`stored <= ${f.until}::timestamptz`);
  if (f.cursor) conditions.push(sql`(stored, seq) < (${f.cursor.stored}::timestamptz, ${f.cursor.seq}::bigint)`);
  return sql<boolean>`${sql.join(conditions, sql` and `)}`;
}

/** Newest first; `limit + 1` rows so the caller can tell whether another page follows. */
export async function listStatements(tx: TenantTx, municipalityId: string, f: StatementFilter, limit: number): Promise<StatementRowDb[]> {
  return tx
    .selectFrom('xapi_statements')
    .select(['id', 'stored', 'seq', 'voided', 'statement'])
    .select(sql<string>`to_char(stored at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('stored_at'))
    .where('municipality_id', '=', municipalityId)
    .where(filterSql(f))
    .orderBy('stored', 'desc')
    .orderBy('seq', 'desc')
    .limit(limit + 1)
    .execute() as Promise<StatementRowDb[]>;
}

/** Display names of this municipality's people, for actors named by their Mestring account. */
export async function personNames(tx: TenantTx, municipalityId: string, personIds: string[]): Promise<Map<string, string>> {
  if (personIds.length === 0) return new Map();
  const rows = await tx
    .selectFrom('persons')
    .select(['id', 'given_name', 'family_name'])
    .where('municipality_id', '=', municipalityId)
    .where('id', 'in', [...new Set(personIds)])
    .execute();
  return new Map(rows.map((r) => [r.id, `${r.given_name} ${r.family_name}`]));
}

export async function personExists(tx: TenantTx, municipalityId: string, personId: string): Promise<boolean> {
  const row = await tx.selectFrom('persons').select('id').where('municipality_id', '=', municipalityId).where('id', '=', personId).executeTakeFirst();
  return !!row;
}
