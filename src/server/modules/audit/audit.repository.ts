import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';

export type Actor = { userId: string | null; label: string; requestId?: string | null };
export const SYSTEM_ACTOR: Actor = { userId: null, label: 'system' };

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
};

const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));

function eventValues(actor: Actor, entry: AuditEntry) {
  return {
    actor_user_id: actor.userId,
    actor_label: actor.label,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId,
    before: json(entry.before),
    after: json(entry.after),
    request_id: actor.requestId ?? null,
  };
}

/** Writes the audit event inside the caller's transaction, so the change and its record commit together. */
export async function recordAudit(tx: Transaction<DB>, municipalityId: string, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.insertInto('audit_events').values({ municipality_id: municipalityId, ...eventValues(actor, entry) }).execute();
}

export async function recordPlatformAudit(tx: Transaction<DB>, networkId: string | null, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.insertInto('platform_audit_events').values({ network_id: networkId, ...eventValues(actor, entry) }).execute();
}

export type AuditFilter = {
  entityType?: string;
  action?: string;
  actorUserId?: string;
  from?: string;
  to?: string;
  cursor?: { occurredAt: string; id: string };
  limit: number;
};

/**
 * occurred_at to the microsecond, for page cursors: a JavaScript Date keeps
 * only milliseconds, and a cursor cut to the millisecond skips every other
 * event written in that millisecond (an import writes hundreds).
 */
const cursorAt = sql<string>`to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('cursor_at');

/** The filters both audit tables share (they have the same event columns). */
function filterSql(f: AuditFilter): RawBuilder<boolean> {
  const conditions: RawBuilder<unknown>[] = [sql`true`];
  if (f.entityType) conditions.push(sql`entity_type = ${f.entityType}`);
  if (f.action) conditions.push(sql`action = ${f.action}`);
  if (f.actorUserId) conditions.push(sql`actor_user_id = ${f.actorUserId}::uuid`);
  if (f.from) conditions.push(sql`occurred_at >= ${f.from}::timestamptz`);
  if (f.to) conditions.push(sql`occurred_at < ${f.to}::timestamptz`);
  if (f.cursor) conditions.push(sql`(occurred_at, id) < (${f.cursor.occurredAt}::timestamptz, ${f.cursor.id}::uuid)`);
  return sql<boolean>`${sql.join(conditions, sql` and `)}`;
}

export async function listAuditEvents(db: Kysely<DB> | Transaction<DB>, municipalityId: string, f: AuditFilter) {
  return db
    .selectFrom('audit_events')
    .selectAll()
    .select(cursorAt)
    .where('municipality_id', '=', municipalityId)
    .where(filterSql(f))
    .orderBy('occurred_at', 'desc')
    .orderBy('id', 'desc')
    .limit(f.limit + 1)
    .execute();
}

export async function listPlatformAuditEvents(db: Kysely<DB> | Transaction<DB>, networkId: string | null, f: AuditFilter) {
  let q = db.selectFrom('platform_audit_events').selectAll().select(cursorAt).where(filterSql(f));
  if (networkId) q = q.where('network_id', '=', networkId);
  return q.orderBy('occurred_at', 'desc').orderBy('id', 'desc').limit(f.limit + 1).execute();
}
